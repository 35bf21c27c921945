"""A plan quotes exactly the points the result snapshot lost: per node and in sum."""

from decimal import Decimal

import pytest

from parindex.audit.models import AuditEntry
from parindex.remediation.losses import unit_losses
from parindex.remediation.services import RemediationRefused, build_plan
from parindex.remediation.snapshots import unit_row
from parindex.remediation.tests.factories import SEED_004_INPUTS, SEED_004_LOST, take

LETTER = {"title": "V/v khắc phục hạn chế"}


def _build(organiser, commune, campaign, snapshot, codes, grouped=()):
    return build_plan(
        organiser,
        commune,
        campaign,
        snapshot_id=snapshot.pk,
        codes=codes,
        grouped=grouped,
        letter=LETTER,
    )


def test_lost_points_are_the_snapshots_maximum_minus_points(snapshot, commune):
    row = unit_row(snapshot, commune)
    losses = unit_losses(snapshot, row, commune)
    assert {loss.code: loss.lost for loss in losses} == {
        code: Decimal(row.maxima[code]) - Decimal(row.points[code]) for code in SEED_004_LOST
    }
    assert {loss.code: loss.lost for loss in losses} == {
        c: Decimal(v) for c, v in SEED_004_LOST.items()
    }
    assert sum(loss.lost for loss in losses) == row.maximum - row.total
    assert [loss.recoverable for loss in losses] == sorted(
        (loss.recoverable for loss in losses), reverse=True
    )


def test_a_plan_keeps_each_nodes_loss_and_groups_per_criterion(
    organiser, commune, campaign, snapshot, departments
):
    row = unit_row(snapshot, commune)
    plan = _build(organiser, commune, campaign, snapshot, list(SEED_004_LOST), ["7.3.2", "7.3.3"])

    tasks = list(plan.tasks.select_related("department"))
    per_node = {code: task.lost_of(code) for task in tasks for code in task.codes}
    assert per_node == {c: Decimal(row.maxima[c]) - Decimal(row.points[c]) for c in SEED_004_LOST}
    assert sum(t.points_lost for t in tasks) == row.maximum - row.total
    assert [t.codes for t in tasks] == [
        ["1.3.3"],
        ["1.4.3"],
        ["1.5"],
        ["7.3.2", "7.3.3"],
        ["7.6.1"],
    ]
    grouped = tasks[3]
    assert grouped.points_lost == Decimal("1.6297")
    assert grouped.department == departments["VH"]
    assert tasks[0].department == departments["NV"]
    assert tasks[0].limitation.startswith("if(a > 0, b / a, 1)")  # the engine's explanation
    assert plan.snapshot == snapshot
    assert AuditEntry.objects.filter(action="remediation.plan_created").count() == 1


def test_a_plan_is_refused_when_the_results_changed_meanwhile(
    organiser, commune, campaign, snapshot
):
    take(campaign, {commune: SEED_004_INPUTS})
    with pytest.raises(RemediationRefused, match="results changed"):
        _build(organiser, commune, campaign, snapshot, ["1.5"])


def test_a_plan_is_refused_for_a_node_that_lost_nothing(organiser, commune, campaign, snapshot):
    with pytest.raises(RemediationRefused, match=r"7\.6"):
        _build(organiser, commune, campaign, snapshot, ["1.5", "7.6"])
