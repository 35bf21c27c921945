"""Assigning by department gives each field to the appraisers of the department that owns it,
in as few assignments as possible; by hand, one node to one appraiser of the jurisdiction.
Every assignment is audited; withdrawing keeps the row."""

import pytest
from django.core.exceptions import PermissionDenied

from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.models import Assignment
from parindex.appraisal.services import assign, assign_by_department, withdraw_assignment
from parindex.appraisal.tests.factories import departmental_set
from parindex.assessments import services
from parindex.assessments.tests.factories import schedule
from parindex.audit.models import AuditEntry
from parindex.orgs import access


def _active(campaign) -> set[tuple[str, str]]:
    return set(
        Assignment.objects.filter(campaign=campaign, withdrawn_at__isnull=True).values_list(
            "node_code", "appraiser__username"
        )
    )


def test_each_field_goes_to_the_appraisers_of_its_department(
    organiser, appraiser, justice_appraiser, campaign
):
    created = assign_by_department(organiser, campaign)

    assert _active(campaign) == {("1", "appraiser"), ("2", "tp_appraiser")}
    assert {a.department.code for a in created} == {"NV", "TP"}
    assert access.assigned_leaves(appraiser, campaign) == {"1.1", "1.2", "1.3", "1.4", "1.5"}
    assert AuditEntry.objects.filter(action="appraisal.assigned").count() == 2


def test_assigning_again_adds_nothing(organiser, appraiser, justice_appraiser, campaign):
    assign_by_department(organiser, campaign)
    assert assign_by_department(organiser, campaign) == []
    assert Assignment.objects.count() == 2


def test_a_field_split_between_departments_is_assigned_criterion_by_criterion(
    organiser, appraiser, justice_appraiser, district, commune, department, justice
):
    # Field 1 belongs to Nội vụ, but its criterion 1.3 to Tư pháp; field 2 has no department.
    framework = departmental_set(district, {"1": department, "1.3": justice}, code="mixed")
    campaign = services.create_campaign(
        organiser,
        jurisdiction=district,
        framework=framework,
        year=2022,
        title="Hỗn hợp",
        schedule=schedule(),
        units=[commune],
    )
    assign_by_department(organiser, campaign)

    assert _active(campaign) == {
        ("1.1", "appraiser"),
        ("1.2", "appraiser"),
        ("1.3", "tp_appraiser"),
        ("1.4", "appraiser"),
        ("1.5", "appraiser"),
    }


def test_one_node_by_hand_and_its_withdrawal(organiser, appraiser, justice_appraiser, campaign):
    assignment = assign(organiser, campaign, justice_appraiser, "1.2")
    assert access.assigned_leaves(justice_appraiser, campaign) == {"1.2"}

    withdraw_assignment(organiser, assignment)

    assignment.refresh_from_db()
    assert assignment.withdrawn_at is not None and assignment.withdrawn_by == organiser
    access.forget_assigned_leaves(justice_appraiser)
    assert access.assigned_leaves(justice_appraiser, campaign) == frozenset()
    assert AuditEntry.objects.filter(action="appraisal.unassigned").count() == 1


def test_only_appraisers_of_the_jurisdiction_and_nodes_of_the_set(
    organiser, appraiser, reporter, campaign
):
    with pytest.raises(AppraisalRefused, match="not an appraiser"):
        assign(organiser, campaign, reporter, "1")
    with pytest.raises(AppraisalRefused, match="not a criterion"):
        assign(organiser, campaign, appraiser, "9.9")


@pytest.mark.parametrize("who", ["appraiser", "council", "reporter", "viewer"])
def test_only_the_organiser_assigns(request, who, campaign):
    with pytest.raises(PermissionDenied):
        assign_by_department(request.getfixturevalue(who), campaign)
