"""Score entries are append-only: each save is a new revision; nothing is updated or deleted."""

from decimal import Decimal

import pytest

from parindex.assessments.entries import record_entry, record_self_entry
from parindex.assessments.layers import current_layer, node_history, overlay
from parindex.assessments.models import AppendOnlyError, Layer, ScoreEntry
from parindex.audit.models import AuditEntry


def test_each_save_appends_a_revision_and_the_current_value_is_the_highest(reporter, assessment):
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    second = record_self_entry(reporter, assessment, "1.1", {"value": False}, "Chưa có", 1)

    rows = ScoreEntry.objects.filter(assessment=assessment, node_code="1.1")
    assert [(r.revision, r.inputs, r.points) for r in rows] == [
        (1, {"value": True}, Decimal("0.5")),
        (2, {"value": False}, Decimal("0")),
    ]
    assert current_layer(assessment.pk, Layer.SELF)["1.1"].pk == second.pk
    assert second.explanation  # the engine's explanation line is kept with the points


def test_saving_the_current_value_again_adds_no_row(reporter, assessment):
    first = record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    again = record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 1)
    assert again.pk == first.pk
    assert ScoreEntry.objects.filter(assessment=assessment).count() == 1


def test_rows_refuse_update_and_delete(reporter, assessment):
    entry = record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    entry.note = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        ScoreEntry.objects.filter(pk=entry.pk).update(note="changed")
    with pytest.raises(AppendOnlyError):
        ScoreEntry.objects.filter(pk=entry.pk).delete()
    assert ScoreEntry.objects.get(pk=entry.pk).note == ""


def test_layers_are_kept_apart_and_overlay_takes_the_latest_layer(reporter, appraiser, assessment):
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    record_self_entry(reporter, assessment, "1.2", {"value": "2022-01-10"}, "", 0)
    record_entry(
        assessment, "1.1", Layer.STEP1, {"value": False}, "Không có kế hoạch", appraiser, 0
    )

    by_layer = {
        Layer.SELF: current_layer(assessment.pk, Layer.SELF),
        Layer.STEP1: current_layer(assessment.pk, Layer.STEP1),
    }
    merged = overlay(by_layer, Layer.STEP1)
    assert merged["1.1"].layer == Layer.STEP1 and merged["1.1"].points == 0
    assert merged["1.2"].layer == Layer.SELF
    assert by_layer[Layer.SELF]["1.1"].points == Decimal("0.5")  # the self-score stays on record
    assert [e.layer for e in node_history(assessment.pk, "1.1")] == [Layer.SELF, Layer.STEP1]


def test_every_save_is_audited(reporter, assessment):
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    actions = list(AuditEntry.objects.values_list("action", flat=True).order_by("id"))
    assert actions[-2:] == ["assessment.entry_saved", "assessment.started"]
