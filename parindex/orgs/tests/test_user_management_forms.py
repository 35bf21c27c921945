"""Organisers create users with a first role, edit profiles and add or remove roles."""

import pytest
from django.urls import reverse

from parindex.accounts.models import User
from parindex.audit.models import AuditEntry
from parindex.orgs.models import Membership, Role
from parindex.orgs.tests.factories import MembershipFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_create_user_with_first_role(client_for, organiser, commune):
    response = client_for(organiser).post(
        reverse("orgs:user_create"),
        {
            "username": "lan",
            "full_name": "Lò Thị Lan",
            "email": "lan@example.test",
            "unit": commune.pk,
            "role": Role.REPORTER,
        },
    )
    lan = User.objects.get(username="lan")
    assert response.url == reverse("orgs:user_edit", args=[lan.pk])
    assert not lan.has_usable_password()
    assert Membership.objects.get(user=lan).unit == commune
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {
        "user.created",
        "membership.created",
    }


def test_initial_password_is_validated(client_for, organiser, commune):
    response = client_for(organiser).post(
        reverse("orgs:user_create"),
        {
            "username": "lan",
            "full_name": "Lò Thị Lan",
            "password": "123",
            "unit": commune.pk,
            "role": Role.REPORTER,
        },
    )
    assert "password" in response.context["form"].errors
    assert not User.objects.filter(username="lan").exists()


def test_username_taken_in_any_case(client_for, organiser, reporter, commune):
    response = client_for(organiser).post(
        reverse("orgs:user_create"),
        {"username": "REPORTER", "full_name": "X", "unit": commune.pk, "role": Role.HEAD},
    )
    assert "username" in response.context["form"].errors


def test_appraiser_needs_department(client_for, organiser, district, department):
    client = client_for(organiser)
    data = {"username": "ap", "full_name": "A", "unit": district.pk, "role": Role.APPRAISER}
    assert "department" in client.post(reverse("orgs:user_create"), data).context["form"].errors
    data["department"] = department.pk
    assert client.post(reverse("orgs:user_create"), data).status_code == 302


def test_profile_edit_is_audited(client_for, organiser, reporter):
    client = client_for(organiser)
    url = reverse("orgs:user_edit", args=[reporter.pk])
    loaded = client.get(url).context["profile_form"]["loaded_state"].value()
    response = client.post(
        url,
        {
            "full_name": "Lò Văn Mới",
            "email": "moi@example.test",
            "is_active": "on",
            "loaded_state": loaded,
        },
    )
    assert response.status_code == 302
    reporter.refresh_from_db()
    assert reporter.full_name == "Lò Văn Mới"
    entry = AuditEntry.objects.get(action="user.updated")
    assert entry.data["changes"]["full_name"] == ["Lò Văn Báo Cáo", "Lò Văn Mới"]


def test_profile_of_someone_working_elsewhere_is_read_only(
    client_for, organiser, reporter, province
):
    MembershipFactory(
        user=reporter, unit=UnitFactory(code="SL-X", parent=province), role=Role.ORGANISER
    )
    client = client_for(organiser)
    url = reverse("orgs:user_edit", args=[reporter.pk])
    assert client.get(url).context["profile_form"] is None
    client.post(url, {"full_name": "Hijack", "email": "evil@example.test", "is_active": "on"})
    reporter.refresh_from_db()
    assert reporter.email == "reporter@example.test"


def test_roles_outside_the_jurisdiction_are_not_listed(client_for, organiser, reporter, province):
    MembershipFactory(
        user=reporter, unit=UnitFactory(code="SL-X", name="Nơi Khác", parent=province)
    )
    page = client_for(organiser).get(reverse("orgs:user_edit", args=[reporter.pk]))
    assert [m.unit.code for m in page.context["roles"]] == ["PY-TUONGPHU"]


def test_duplicate_role_is_refused(client_for, organiser, reporter, commune):
    response = client_for(organiser).post(
        reverse("orgs:membership_add", args=[reporter.pk]),
        {"unit": commune.pk, "role": Role.REPORTER},
    )
    assert response.status_code == 200
    assert "already has this role" in response.content.decode()
    assert reporter.memberships.count() == 1


def test_removing_a_role_is_audited(client_for, organiser, reporter):
    membership = reporter.memberships.get()
    client_for(organiser).post(reverse("orgs:membership_delete", args=[membership.pk]))
    entry = AuditEntry.objects.get(action="membership.deleted")
    assert entry.data == {"user": "reporter", "role": "reporter", "department": ""}
