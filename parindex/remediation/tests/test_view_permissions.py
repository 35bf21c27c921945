"""Every remediation page and action for every role, inside and outside its scope: 200 (or
the redirect after a successful POST) for those allowed, 403 for those who see the unit
without the role, 404 for those who cannot see it, the login page for anonymous visitors.

Decisions under test (access.py): the unit's reporter and head read their own unit's lost
points and plan; department owners see and update only their department's tasks; appraisers
have no business here; only organisers build, edit and delete."""

import io

import pytest
from django.urls import reverse

from parindex.evidence.services import EvidenceMetadata
from parindex.evidence.tests.samples import pdf_bytes
from parindex.remediation.models import RemediationTask
from parindex.remediation.services import add_evidence, build_plan
from parindex.remediation.tests.factories import SEED_004_LOST
from parindex.testing.roles import CAST, expect

READERS = {"organiser", "council", "viewer", "reporter", "head"}
IN_SIGHT = READERS | {"appraiser", "dept_owner"}
STAFF = {"organiser", "council", "viewer", "appraiser", "dept_owner"}


@pytest.fixture
def plan(organiser, commune, campaign, snapshot):
    return build_plan(
        organiser,
        commune,
        campaign,
        snapshot_id=snapshot.pk,
        codes=list(SEED_004_LOST),
        grouped=[],
        letter={"title": "Kế hoạch khắc phục"},
    )


@pytest.fixture
def targets(plan, campaign, commune, organiser):
    own = plan.tasks.get(lost__has_key="1.5")  # Phòng Nội vụ, the dept_owner's department
    other = plan.tasks.get(lost__has_key="1.4.3")  # Phòng Văn hóa - Thông tin
    link = add_evidence(
        organiser,
        own,
        stream=io.BytesIO(pdf_bytes()),
        file_name="qd.pdf",
        metadata=EvidenceMetadata(title="Quyết định công nhận sáng kiến"),
    )
    return {
        "campaign": [campaign.pk],
        "unit": [commune.pk, campaign.pk],
        "plan": [plan.pk],
        "task": [own.pk],
        "other_task": [other.pk],
        "evidence": [own.pk, link.document_id],
        None: [],
    }


def _status_data(task_id: int) -> dict:
    task = RemediationTask.objects.get(pk=task_id)
    return {"status": "in_progress", "reason": "", "note": "", "version": str(task.version)}


# (url name, target, method, expected status per role)
CASES = [
    ("index", None, "get", dict.fromkeys(CAST, 200)),
    ("task_list", None, "get", dict.fromkeys(CAST, 200)),
    (
        "campaign",
        "campaign",
        "get",
        expect({"organiser", "council", "viewer", "dept_owner"}, {"appraiser"}),
    ),
    (
        "departments",
        "campaign",
        "get",
        expect({"organiser", "council", "viewer", "dept_owner"}, {"appraiser"}),
    ),
    ("lost_points", "unit", "get", expect(READERS | {"dept_owner"}, {"appraiser"})),
    ("plan_create", "unit", "post", expect({"organiser"}, IN_SIGHT, ok=400)),
    ("plan", "plan", "get", expect(READERS | {"dept_owner"}, {"appraiser"})),
    ("plan_letter", "plan", "get", expect(READERS | {"dept_owner"}, {"appraiser"})),
    ("plan_xlsx", "plan", "get", expect(READERS | {"dept_owner"}, {"appraiser"})),
    ("plan_edit", "plan", "get", expect({"organiser"}, IN_SIGHT)),
    ("plan_delete", "plan", "get", expect({"organiser"}, IN_SIGHT)),
    ("task", "task", "get", expect(READERS | {"dept_owner"}, {"appraiser"})),
    ("task", "other_task", "get", expect(READERS, {"appraiser"})),
    ("task_status", "task", "post", expect({"organiser", "dept_owner"}, IN_SIGHT, ok=302)),
    ("task_status", "other_task", "post", expect({"organiser"}, IN_SIGHT - {"dept_owner"}, 302)),
    ("task_evidence", "task", "post", expect({"organiser", "dept_owner"}, IN_SIGHT, ok=400)),
    ("evidence_download", "evidence", "get", expect(READERS | {"dept_owner"}, {"appraiser"})),
    ("task_edit", "task", "get", expect({"organiser"}, IN_SIGHT)),
    ("task_delete", "task", "get", expect({"organiser"}, IN_SIGHT)),
]


@pytest.mark.parametrize(
    ("name", "target", "method", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_each_role_gets_what_its_scope_allows(
    client_for, cast, targets, name, target, method, expected
):
    url = reverse(f"remediation:{name}", args=targets[target])
    got = {}
    for role, user in cast.items():
        # An empty plan form is refused with 400 for the organiser: the access check passed.
        data = _status_data(targets[target][0]) if name == "task_status" else {}
        response = getattr(client_for(user), method)(url, data)
        got[role] = response.status_code
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)  # read to the end: closes the blob's handle
    assert got == expected


@pytest.mark.parametrize(("name", "target", "method"), [(c[0], c[1], c[2]) for c in CASES])
def test_anonymous_visitors_are_sent_to_the_login_page(client, targets, name, target, method):
    response = getattr(client, method)(reverse(f"remediation:{name}", args=targets[target]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_department_owner_lists_only_their_departments_tasks(client_for, dept_owner, targets):
    page = client_for(dept_owner).get(reverse("remediation:task_list")).content.decode()
    assert f'id="task-{targets["task"][0]}"' in page
    assert f'id="task-{targets["other_task"][0]}"' not in page
    plan_page = client_for(dept_owner).get(reverse("remediation:plan", args=targets["plan"]))
    assert f'id="task-{targets["other_task"][0]}"'.encode() not in plan_page.content
