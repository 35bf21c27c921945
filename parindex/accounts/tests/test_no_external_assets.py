"""Pages load nothing from another host: government intranets may be offline (no CDN)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


@pytest.mark.parametrize("name", ["home", "orgs:unit_list", "orgs:user_list", "orgs:import"])
def test_logged_in_pages_have_no_external_urls(client_for, organiser, name):
    page = client_for(organiser).get(reverse(name)).content.decode()
    assert "<link" in page  # the page really has asset tags to check
    assert not EXTERNAL.findall(page)


def test_login_page_has_no_external_urls(client):
    assert not EXTERNAL.findall(client.get(reverse("accounts:login")).content.decode())


def test_the_pattern_catches_a_cdn_link():
    assert EXTERNAL.findall('<script src="https://cdn.example.org/htmx.js"></script>')
    assert EXTERNAL.findall("<link href='//fonts.example.org/css'>")
