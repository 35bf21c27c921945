from decimal import Decimal

import pytest

from parindex.assessments.criteria import criteria_for
from parindex.assessments.models import AppendOnlyError
from parindex.results.models import SnapshotKind
from parindex.results.snapshot import SnapshotRefused, take_snapshot
from parindex.scoring import evaluate_unit


def test_final_snapshot_equals_the_engine_over_the_final_layer(approved, organiser, commune):
    snapshot = take_snapshot(organiser, approved, SnapshotKind.FINAL)
    rows = {row.unit_id: row for row in snapshot.units.all()}
    assert len(rows) == 2
    row = rows[commune.pk]
    framework = criteria_for(approved.framework).framework
    again = evaluate_unit(framework, row.inputs)
    assert row.total == again.total and row.index == again.index_rounded
    assert Decimal(row.points["1.1"]) == Decimal("0.5")  # step 2 changed it from 0
    assert row.reasons["1.1"] == "Văn bản hợp lệ"
    assert {r.rank for r in rows.values()} <= {1, 2}
    assert sum(Decimal(row.points[f.code]) for f in framework.fields) == row.total


def test_final_snapshot_refused_before_approval(step2, organiser):
    with pytest.raises(SnapshotRefused):
        take_snapshot(organiser, step2, SnapshotKind.FINAL)


def test_rows_are_never_changed(approved, organiser):
    row = take_snapshot(organiser, approved, SnapshotKind.FINAL).units.first()
    row.total = Decimal("1")
    with pytest.raises(AppendOnlyError):
        row.save()
