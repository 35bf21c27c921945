"""Every appraisal page and action for every role, inside and outside its scope: 200 (or the
redirect after a POST) for those allowed, 403 for those who see the campaign or unit without
the role, 404 for those who cannot see it at all, the login page for anonymous visitors.

The stage is step 2 with Tường Phù's explanation of 1.1 in: every page has something to show.
"""

import pytest
from django.urls import reverse

from parindex.appraisal.models import Assignment
from parindex.orgs.models import Role, UnitKind
from parindex.orgs.tests.factories import MembershipFactory, UnitFactory, UserFactory

ROLES = [
    "organiser",
    "reporter",
    "head",
    "appraiser",
    "justice_appraiser",
    "council",
    "dept_owner",
    "viewer",
    "outsider",
    "stranger",
]
APPRAISERS = {"appraiser", "justice_appraiser"}
DISTRICT = {"organiser", "council", "dept_owner", "viewer"} | APPRAISERS
UNIT = {"reporter", "head"}
READERS = {"organiser", "council", "viewer"}


@pytest.fixture
def stranger(province):
    """The reporter of a commune in another district: sees nothing of this campaign."""
    other_district = UnitFactory(code="SL-MY", kind=UnitKind.DISTRICT, parent=province)
    commune = UnitFactory(code="MC-CHIENGSON", parent=other_district)
    user = UserFactory(username="stranger")
    MembershipFactory(user=user, unit=commune, role=Role.REPORTER)
    return user


def _expect(allowed: set[str], forbidden: set[str], ok: int = 200) -> dict[str, int]:
    return {role: ok if role in allowed else 403 if role in forbidden else 404 for role in ROLES}


CAMPAIGN_SEEN = DISTRICT | UNIT | {"outsider"}  # the outsider's commune is in the campaign
COMMUNE_SEEN = DISTRICT | UNIT  # the outsider cannot see Tường Phù

# (url name, argument kind, method, expected per role)
CASES = [
    ("index", None, "get", dict.fromkeys(ROLES, 200)),
    ("assignments", "campaign", "get", _expect({"organiser"}, CAMPAIGN_SEEN)),
    ("assign_by_department", "campaign", "post", _expect({"organiser"}, CAMPAIGN_SEEN, 302)),
    ("withdraw", "assignment", "post", _expect({"organiser"}, CAMPAIGN_SEEN, 302)),
    ("queue", "campaign", "get", _expect(APPRAISERS, CAMPAIGN_SEEN)),
    ("appraise", "node", "post", _expect({"appraiser"}, COMMUNE_SEEN, 302)),
    ("close_step1", "campaign", "get", _expect({"organiser"}, CAMPAIGN_SEEN)),
    ("council", "campaign", "get", _expect(READERS, CAMPAIGN_SEEN)),
    ("approve", "campaign", "post", _expect({"council"}, CAMPAIGN_SEEN, 302)),
    ("compare", "assessment", "get", _expect(READERS | UNIT, COMMUNE_SEEN)),
    ("explanations", "assessment", "get", _expect(READERS | UNIT, COMMUNE_SEEN)),
    ("explain", "node", "post", _expect(UNIT, COMMUNE_SEEN, 302)),
    ("cite", "node", "get", _expect(UNIT, COMMUNE_SEEN)),
    ("submit_explanations", "assessment", "post", _expect({"head"}, COMMUNE_SEEN, 302)),
    ("history", "node", "get", _expect(READERS | UNIT | {"appraiser"}, COMMUNE_SEEN)),
    ("reopen", "assessment", "get", _expect({"organiser"}, COMMUNE_SEEN)),
    ("approve_unit", "assessment", "post", _expect({"council"}, COMMUNE_SEEN, 302)),
]


def _args(kind, campaign, assessment) -> list:
    return {
        None: [],
        "campaign": [campaign.pk],
        "assignment": [Assignment.objects.filter(campaign=campaign).first().pk],
        "assessment": [assessment.pk],
        "node": [assessment.pk, "1.1"],
    }[kind]


@pytest.mark.parametrize(("name", "kind", "method", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_role(
    request, client_for, step2, assessment, outsider, stranger, name, kind, method, expected
):
    url = reverse(f"appraisal:{name}", args=_args(kind, step2, assessment))
    for role in ROLES:
        client = client_for(request.getfixturevalue(role))
        response = getattr(client, method)(url)
        assert response.status_code == expected[role], f"{role} {method} {url}"


@pytest.mark.parametrize(("name", "kind", "method", "expected"), CASES, ids=[c[0] for c in CASES])
def test_anonymous_visitors_are_sent_to_log_in(
    client, step2, assessment, name, kind, method, expected
):
    url = reverse(f"appraisal:{name}", args=_args(kind, step2, assessment))
    response = getattr(client, method)(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_commune_never_sees_another_communes_entries(
    client_for, step2, reporter, other_assessment
):
    client = client_for(reporter)
    for name, args in [
        ("compare", [other_assessment.pk]),
        ("explanations", [other_assessment.pk]),
        ("history", [other_assessment.pk, "1.1"]),
    ]:
        assert client.get(reverse(f"appraisal:{name}", args=args)).status_code == 404


def test_an_appraiser_reads_the_history_of_assigned_nodes_only(
    client_for, step2, appraiser, assessment
):
    client = client_for(appraiser)
    assert client.get(reverse("appraisal:history", args=[assessment.pk, "1.1"])).status_code == 200
    assert client.get(reverse("appraisal:history", args=[assessment.pk, "2.1"])).status_code == 403
