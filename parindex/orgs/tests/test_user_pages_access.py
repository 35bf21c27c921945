"""User, role and import/export pages: organisers only, and only inside their jurisdiction."""

import pytest
from django.urls import reverse

from parindex.orgs.models import Role, UnitKind
from parindex.orgs.tests.factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

NOT_ORGANISERS = ["council", "viewer", "appraiser", "dept_owner", "reporter", "head", "outsider"]


@pytest.fixture
def foreign_organiser(province):
    """Organiser of another district of the same province."""
    other_district = UnitFactory(
        code="SL-BY", name="Huyện Bắc Yên", kind=UnitKind.DISTRICT, parent=province
    )
    user = UserFactory(username="foreign_organiser")
    MembershipFactory(user=user, unit=other_district, role=Role.ORGANISER)
    return user


PAGES = [
    ("orgs:user_list", False),
    ("orgs:user_create", False),
    ("orgs:import", False),
    ("orgs:user_edit", True),
]


@pytest.mark.parametrize(("name", "needs_target"), PAGES)
@pytest.mark.parametrize("persona", ["organiser", *NOT_ORGANISERS])
def test_user_pages(request, client_for, reporter, name, needs_target, persona):
    args = [reporter.pk] if needs_target else []
    response = client_for(request.getfixturevalue(persona)).get(reverse(name, args=args))
    assert response.status_code == (200 if persona == "organiser" else 403)


@pytest.mark.parametrize(("name", "needs_target"), PAGES)
def test_user_pages_ask_anonymous_to_log_in(client, reporter, name, needs_target):
    response = client.get(reverse(name, args=[reporter.pk] if needs_target else []))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_user_outside_the_jurisdiction_is_404(client_for, foreign_organiser, reporter):
    response = client_for(foreign_organiser).get(reverse("orgs:user_edit", args=[reporter.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize(("what", "fmt"), [("units", "csv"), ("units", "xlsx"), ("users", "csv")])
@pytest.mark.parametrize("persona", ["organiser", "council", "reporter"])
def test_exports_are_for_organisers(request, client_for, persona, what, fmt):
    response = client_for(request.getfixturevalue(persona)).get(
        reverse("orgs:export", args=[what, fmt])
    )
    assert response.status_code == (200 if persona == "organiser" else 403)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("organiser", 302), ("foreign_organiser", 404), ("council", 403), ("reporter", 403)],
)
def test_removing_a_role(request, client_for, reporter, persona, status):
    membership = reporter.memberships.get()
    response = client_for(request.getfixturevalue(persona)).post(
        reverse("orgs:membership_delete", args=[membership.pk])
    )
    assert response.status_code == status
    assert reporter.memberships.exists() == (status != 302)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("organiser", 302), ("foreign_organiser", 404), ("viewer", 403), ("head", 403)],
)
def test_adding_a_role(request, client_for, reporter, other_commune, persona, status):
    response = client_for(request.getfixturevalue(persona)).post(
        reverse("orgs:membership_add", args=[reporter.pk]),
        {"unit": other_commune.pk, "role": Role.HEAD},
    )
    assert response.status_code == status
    assert reporter.memberships.filter(unit=other_commune).exists() == (status == 302)


def test_role_delete_needs_post(client_for, organiser, reporter):
    membership = reporter.memberships.get()
    response = client_for(organiser).get(reverse("orgs:membership_delete", args=[membership.pk]))
    assert response.status_code == 405
