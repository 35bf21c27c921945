"""An appraiser sees and scores only the leaves assigned to them, only in units their scope
covers: the queue holds nothing else, and a save of anything else is refused."""

import pytest
from django.core.exceptions import PermissionDenied

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.queue import build_queue
from parindex.appraisal.tests.factories import refresh
from parindex.orgs.models import Role, UnitKind
from parindex.orgs.tests.factories import MembershipFactory, UnitFactory, UserFactory


def test_the_queue_holds_only_assigned_leaves_of_every_submitted_unit(
    step1, appraiser, justice_appraiser
):
    rows = build_queue(appraiser, step1).rows
    assert {row.node.code for row in rows} == {"1.1", "1.2", "1.3", "1.4", "1.5"}
    assert {row.assessment.unit.code for row in rows} == {"PY-TUONGPHU", "PY-TUONGTIEN"}
    assert len(rows) == 10

    other = build_queue(justice_appraiser, step1).rows
    assert {row.node.code for row in other} == {"2.1", "2.2", "2.3", "2.4", "2.5"}


def test_a_leaf_of_another_department_is_refused(step1, appraiser, assessment):
    with pytest.raises(PermissionDenied):
        appraise_node(appraiser, refresh(assessment), "2.1", {"value": "dat"}, "Sai", 0)


def test_an_appraiser_without_assignments_has_an_empty_queue(step1, district, department):
    newcomer = UserFactory(username="newcomer")
    MembershipFactory(user=newcomer, unit=district, role=Role.APPRAISER, department=None)
    assert build_queue(newcomer, step1).rows == []


def test_an_appraiser_assigned_elsewhere_cannot_score_units_outside_their_scope(
    step1, organiser, province, assessment, department
):
    # An appraiser of another district, given field 1 by mistake, still sees no unit here.
    elsewhere = UnitFactory(code="SL-MY", kind=UnitKind.DISTRICT, parent=province)
    stranger = UserFactory(username="far_appraiser")
    MembershipFactory(user=stranger, unit=elsewhere, role=Role.APPRAISER)
    from parindex.appraisal.models import Assignment

    Assignment.objects.create(campaign=step1, appraiser=stranger, node_code="1")
    assert build_queue(stranger, step1).rows == []
    with pytest.raises(PermissionDenied):
        appraise_node(stranger, refresh(assessment), "1.1", {"value": True}, "", 0)


def test_units_not_yet_submitted_are_not_in_the_queue(
    campaign, organiser, appraiser, justice_appraiser, reporter, head, assessment
):
    from parindex.appraisal.tests.factories import start_step1, submit_by

    submit_by(reporter, head, assessment)  # the other commune never submits
    campaign = start_step1(organiser, refresh(assessment).campaign)
    assert {row.assessment.unit.code for row in build_queue(appraiser, campaign).rows} == {
        "PY-TUONGPHU"
    }
