"""Every page and action for every role, inside and outside its scope: 200 (or the redirect
after a successful POST) for those allowed, 403 for those who see the unit without the role,
404 for those who cannot see it at all, the login page for anonymous visitors."""

import pytest
from django.urls import reverse

from parindex.orgs.models import Role, UnitKind
from parindex.orgs.tests.factories import MembershipFactory, UnitFactory, UserFactory

ROLES = [
    "organiser",
    "reporter",
    "head",
    "appraiser",
    "council",
    "dept_owner",
    "viewer",
    "outsider",
    "stranger",
]


@pytest.fixture
def stranger(province):
    """The reporter of a commune in another district: sees nothing of this campaign."""
    other_district = UnitFactory(
        code="SL-MY", name="Huyện Mộc Châu", kind=UnitKind.DISTRICT, parent=province
    )
    commune = UnitFactory(code="MC-CHIENGSON", name="Xã Chiềng Sơn", parent=other_district)
    user = UserFactory(username="stranger")
    MembershipFactory(user=user, unit=commune, role=Role.REPORTER)
    return user


@pytest.fixture
def cast(
    request, organiser, reporter, head, appraiser, council, dept_owner, viewer, outsider, stranger
):
    return {name: request.getfixturevalue(name) for name in ROLES}


def _expect(allowed: set[str], forbidden: set[str], ok: int = 200) -> dict[str, int]:
    return {role: ok if role in allowed else 403 if role in forbidden else 404 for role in ROLES}


READERS = {"organiser", "council", "viewer"}
UNIT = {"reporter", "head"}
DISTRICT_STAFF = {"organiser", "appraiser", "council", "dept_owner", "viewer"}

# (url name, target, method, data, expected status per role)
CASES = [
    ("campaign_list", None, "get", None, dict.fromkeys(ROLES, 200)),
    ("campaign_create", None, "get", None, _expect({"organiser"}, set(ROLES))),
    ("dashboard", "campaign", "get", None, _expect(READERS, DISTRICT_STAFF | UNIT | {"outsider"})),
    (
        "dashboard_export",
        "campaign_xlsx",
        "get",
        None,
        _expect(READERS, DISTRICT_STAFF | UNIT | {"outsider"}),
    ),
    (
        "campaign_edit",
        "campaign",
        "get",
        None,
        _expect({"organiser"}, DISTRICT_STAFF | UNIT | {"outsider"}),
    ),
    (
        "campaign_units",
        "campaign",
        "get",
        None,
        _expect({"organiser"}, DISTRICT_STAFF | UNIT | {"outsider"}),
    ),
    (
        "campaign_advance",
        "campaign",
        "post",
        {"status": "appraisal"},
        _expect({"organiser"}, DISTRICT_STAFF | UNIT | {"outsider"}, ok=302),
    ),
    ("assessment", "assessment", "get", None, _expect(READERS | UNIT, DISTRICT_STAFF)),
    ("field", "field", "get", None, _expect(READERS | UNIT, DISTRICT_STAFF)),  # htmx, as it opens
    (
        "save_node",
        "node",
        "post",
        {"value": "true", "base_revision": "0"},
        _expect(UNIT, DISTRICT_STAFF, ok=302),
    ),
    ("submit", "assessment", "get", None, _expect(UNIT, DISTRICT_STAFF)),
    ("reopen", "assessment", "get", None, _expect({"organiser"}, DISTRICT_STAFF | UNIT)),
    ("extend", "assessment", "get", None, _expect({"organiser"}, DISTRICT_STAFF | UNIT)),
    ("cite", "node", "get", None, _expect(UNIT, DISTRICT_STAFF)),
]


def _url(name: str, target: str | None, campaign, assessment) -> str:
    args = {
        None: [],
        "campaign": [campaign.pk],
        "campaign_xlsx": [campaign.pk, "xlsx"],
        "assessment": [assessment.pk],
        "node": [assessment.pk, "1.1"],
        "field": [assessment.pk, "1"],
    }[target]
    return reverse(f"assessments:{name}", args=args)


@pytest.mark.parametrize(
    ("name", "target", "method", "data", "expected"), CASES, ids=[case[0] for case in CASES]
)
def test_each_role_gets_what_its_scope_allows(
    client_for, cast, campaign, assessment, name, target, method, data, expected
):
    url = _url(name, target, campaign, assessment)
    headers = {"HTTP_HX_REQUEST": "true"} if target == "field" else {}
    got = {}
    for role, user in cast.items():
        response = getattr(client_for(user), method)(url, data or {}, **headers)
        got[role] = response.status_code
    assert got == expected


@pytest.mark.parametrize(("name", "target", "method"), [(c[0], c[1], c[2]) for c in CASES])
def test_anonymous_visitors_are_sent_to_the_login_page(
    client, campaign, assessment, name, target, method
):
    response = getattr(client, method)(_url(name, target, campaign, assessment))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_unit_never_sees_another_units_assessment(client_for, outsider, assessment):
    response = client_for(outsider).get(reverse("assessments:assessment", args=[assessment.pk]))
    assert response.status_code == 404


def test_the_campaign_list_shows_a_unit_only_its_own_assessment(
    client_for, reporter, assessment, other_assessment
):
    page = client_for(reporter).get(reverse("assessments:campaign_list")).content.decode()
    assert reverse("assessments:assessment", args=[assessment.pk]) in page
    assert reverse("assessments:assessment", args=[other_assessment.pk]) not in page
    assert reverse("assessments:dashboard", args=[assessment.campaign_id]) not in page
