"""Choosing English switches the page language and remembers it in the language cookie."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@override_settings(LANGUAGE_CODE="vi")  # the project default; other tests run in English
def test_default_page_is_vietnamese(client_for, reporter):
    page = client_for(reporter).get(reverse("home")).content.decode()
    assert '<html lang="vi">' in page
    assert "Đăng xuất" in page  # "Log out" from the Vietnamese catalogue


def test_choosing_english(client_for, reporter):
    client = client_for(reporter)
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in page
    assert "Your roles" in page  # an English source string, as the catalogue leaves it


def test_the_switch_is_on_every_page_including_login(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert f'action="{reverse("set_language")}"' in page
    assert 'value="en"' in page
