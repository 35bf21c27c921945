"""Home lists the user's roles and units and links only to what they can do."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("home"))
    assert response.url.startswith(reverse("accounts:login"))


def test_organiser_sees_role_unit_and_management_links(client_for, organiser, district):
    page = client_for(organiser).get(reverse("home")).content.decode()
    assert "Huyện Phù Yên" in page
    assert "Organiser" in page
    assert reverse("orgs:user_list") in page
    assert reverse("orgs:import") in page
    assert reverse("orgs:unit_detail", args=[district.pk]) in page


def test_reporter_sees_own_unit_and_no_user_management(client_for, reporter):
    page = client_for(reporter).get(reverse("home")).content.decode()
    assert "Xã Tường Phù" in page
    assert "Unit reporter" in page
    assert reverse("orgs:unit_list") in page
    assert reverse("orgs:user_list") not in page


def test_user_without_role_is_told_whom_to_ask(client_for, django_user_model):
    loner = django_user_model.objects.create_user("loner", password="x-Pass-2025")
    page = client_for(loner).get(reverse("home")).content.decode()
    assert "no role" in page
    assert reverse("orgs:unit_list") not in page.split("<main")[1]
