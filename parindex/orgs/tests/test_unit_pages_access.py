"""Unit pages for each role inside and outside its scope: 200 / 403 / 404 / login redirect."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SUBTREE = ["organiser", "council", "viewer", "appraiser", "dept_owner"]
OWN_UNIT = ["reporter", "head"]

DETAIL_CASES = (
    [(role, "province", 404) for role in SUBTREE]
    + [
        (role, target, 200)
        for role in SUBTREE
        for target in ("district", "commune", "other_commune")
    ]
    + [
        (role, target, 404)
        for role in OWN_UNIT
        for target in ("province", "district", "other_commune")
    ]
    + [(role, "commune", 200) for role in OWN_UNIT]
    + [("outsider", "commune", 404), ("outsider", "other_commune", 200)]
)


@pytest.mark.parametrize(("persona", "target", "status"), DETAIL_CASES)
def test_unit_detail(request, client_for, persona, target, status):
    user, unit = request.getfixturevalue(persona), request.getfixturevalue(target)
    response = client_for(user).get(reverse("orgs:unit_detail", args=[unit.pk]))
    assert response.status_code == status


EDIT_CASES = (
    [("organiser", "district", 200), ("organiser", "commune", 200), ("organiser", "province", 404)]
    + [(role, "commune", 403) for role in ["council", "viewer", "appraiser", "dept_owner"]]
    + [(role, "province", 404) for role in ["council", "viewer"]]
    + [("reporter", "commune", 403), ("head", "commune", 403), ("reporter", "other_commune", 404)]
    + [("outsider", "commune", 404)]
)


@pytest.mark.parametrize(("persona", "target", "status"), EDIT_CASES)
def test_unit_edit(request, client_for, persona, target, status):
    user, unit = request.getfixturevalue(persona), request.getfixturevalue(target)
    response = client_for(user).get(reverse("orgs:unit_edit", args=[unit.pk]))
    assert response.status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("organiser", 200)] + [(p, 403) for p in [*SUBTREE[1:], *OWN_UNIT, "outsider"]],
)
def test_unit_create(request, client_for, persona, status):
    response = client_for(request.getfixturevalue(persona)).get(reverse("orgs:unit_create"))
    assert response.status_code == status


def test_unit_create_under_a_parent_outside_scope_is_404(client_for, organiser, province):
    url = reverse("orgs:unit_create") + f"?parent={province.pk}"
    assert client_for(organiser).get(url).status_code == 404


@pytest.mark.parametrize("persona", [*SUBTREE, *OWN_UNIT, "outsider"])
def test_unit_list_is_open_to_every_role(request, client_for, persona):
    response = client_for(request.getfixturevalue(persona)).get(reverse("orgs:unit_list"))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        lambda u: reverse("orgs:unit_list"),
        lambda u: reverse("orgs:unit_detail", args=[u.pk]),
        lambda u: reverse("orgs:unit_edit", args=[u.pk]),
        lambda u: reverse("orgs:unit_create"),
    ],
)
def test_anonymous_is_sent_to_login(client, commune, url):
    response = client.get(url(commune))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
