"""Every export view for every role, inside and outside its scope (the pattern of
parindex/assessments/tests/test_view_permissions.py): 200 or the redirect for those allowed,
403 for those who see the campaign without the right, 404 for those who do not see it."""

from django.urls import reverse
from django.utils import timezone

from parindex.reports.models import ExportJob, ExportKind
from parindex.results.models import ResultSnapshot
from parindex.testing.roles import expect

READERS = {"organiser", "council", "viewer"}
UNIT = {"reporter", "head"}
DISTRICT_STAFF = {"appraiser", "dept_owner"}


def _published(snapshot):
    ResultSnapshot.objects.filter(pk=snapshot.pk).update(published_at=timezone.now())
    snapshot.refresh_from_db()
    return snapshot


# (case, published?, url name, method, data, expected status per role). "outsider" is the
# reporter of Tường Tiến, another commune of the same campaign.
CASES = [
    ("page", False, "exports", "get", None, expect(READERS | UNIT | {"outsider"}, DISTRICT_STAFF)),
    (
        "xlsx",
        False,
        "start",
        "post",
        {"kind": "xlsx"},
        expect(READERS, DISTRICT_STAFF | UNIT | {"outsider"}, ok=302),
    ),
    (
        "docx",
        True,
        "start",
        "post",
        {"kind": "docx"},
        expect(READERS, DISTRICT_STAFF | UNIT | {"outsider"}, ok=302),
    ),
    (
        "scorecards",
        True,
        "start",
        "post",
        {"kind": "scorecards"},
        expect(READERS, DISTRICT_STAFF | UNIT | {"outsider"}, ok=302),
    ),
    (
        "own scorecard, unpublished",
        False,
        "start",
        "post",
        {"kind": "scorecard"},
        expect(READERS, DISTRICT_STAFF | UNIT | {"outsider"}, ok=302),
    ),
    # Published: a unit's people build their own scorecard; another unit's is a 404.
    (
        "own scorecard, published",
        True,
        "start",
        "post",
        {"kind": "scorecard"},
        expect(READERS | UNIT, DISTRICT_STAFF, ok=302),
    ),
]


def _url(name: str, snapshot) -> str:
    target = snapshot.campaign_id if name == "exports" else snapshot.pk
    return reverse(f"reports:{name}", args=[target])


def test_each_role_gets_what_its_scope_allows(client_for, cast, seed003, commune):
    """All cases in one test: the 27-commune fixture costs seconds to build."""
    snapshot, got, expected = seed003["snapshot"], {}, {}
    for case, published, name, method, data, statuses in sorted(CASES, key=lambda c: c[1]):
        if published and not snapshot.is_published:
            snapshot = _published(snapshot)
        data = dict(data or {})
        if data.get("kind") == "scorecard":
            data["unit"] = commune.pk
        got[case] = {
            role: getattr(client_for(user), method)(_url(name, snapshot), data).status_code
            for role, user in cast.items()
        }
        expected[case] = statuses
    assert got == expected


def test_a_job_is_only_its_requesters(client_for, cast, seed003):
    """Others — even readers of the same campaign — get a 404 for someone else's job."""
    job = ExportJob.objects.create(
        requested_by=cast["council"],
        snapshot=seed003["snapshot"],
        kind=ExportKind.XLSX,
        status="done",
        file="reports/x.xlsx",
        file_name="x.xlsx",
    )
    got = {
        (role, name): client_for(user).get(reverse(f"reports:{name}", args=[job.pk])).status_code
        for role, user in cast.items()
        for name in ("job", "download")
        if role != "council"
    }
    assert got == dict.fromkeys(got, 404)


def test_a_removed_role_closes_the_file(client_for, viewer, seed003):
    job = ExportJob.objects.create(
        requested_by=viewer, snapshot=seed003["snapshot"], kind=ExportKind.PDF
    )
    viewer.memberships.all().delete()
    from parindex.orgs.access import forget_memberships

    forget_memberships(viewer)
    assert client_for(viewer).get(reverse("reports:job", args=[job.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, seed003):
    snapshot = seed003["snapshot"]
    for name in ("exports", "start", "job", "download"):
        target = snapshot.campaign_id if name == "exports" else snapshot.pk
        method = client.post if name == "start" else client.get
        response = method(reverse(f"reports:{name}", args=[target]))
        assert response.status_code == 302 and "/login/" in response["Location"], name
