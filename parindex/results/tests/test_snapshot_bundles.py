"""Final snapshots read the approval's bundles (one row per unit) or, for units approved before
bundles existed, the score layers; both give the same snapshot, field by field."""

import pytest

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.council import approve_campaign, approve_unit, reopen_unit
from parindex.appraisal.tests.factories import CHANGE_CODE, refresh
from parindex.assessments.layers import current_layer
from parindex.assessments.models import AppendOnlyError, Layer
from parindex.results import snapshot as snapshots
from parindex.results.models import FinalBundle, SnapshotKind, UnitResult
from parindex.results.snapshot import take_snapshot
from parindex.results.tests.campaigns import approved_campaign, communes, points_set, split
from parindex.results.tests.test_golden_district import LAST_YEAR, LATE, THIS_YEAR

ROW_FIELDS = [
    f.attname for f in UnitResult._meta.concrete_fields if f.name not in {"id", "snapshot"}
]


def _rows(snapshot) -> dict[int, dict]:
    """Every stored field of every unit row, as read back from the database."""
    return {
        row.unit_id: {name: getattr(row, name) for name in ROW_FIELDS}
        for row in UnitResult.objects.filter(snapshot=snapshot)
    }


def _take(campaign, *, bundles=True, monkeypatch=None, keep=None) -> tuple:
    """A final snapshot read from the bundles, from the layers (bundles=False), or from the
    bundles of the assessments in `keep` only; with how it was read."""
    if not bundles or keep is not None:
        real = snapshots.current_bundles

        def only(ids):
            found = real(ids)
            return {pk: basis for pk, basis in found.items() if keep and pk in keep}

        monkeypatch.setattr(snapshots, "current_bundles", only)
    timings: dict = {}
    taken = take_snapshot(None, campaign, SnapshotKind.FINAL, timings=timings)
    if not bundles or keep is not None:
        monkeypatch.undo()
    return taken, timings["how"]


def assert_same_snapshot(first, second) -> None:
    assert first.pk != second.pk
    assert (first.kind, first.source, first.groups) == (second.kind, second.source, second.groups)
    assert first.summary == second.summary
    first_rows, second_rows = _rows(first), _rows(second)
    assert first_rows.keys() == second_rows.keys()
    for unit_id, row in first_rows.items():
        for name in ROW_FIELDS:
            assert row[name] == second_rows[unit_id][name], (unit_id, name)


def test_the_approval_writes_one_bundle_per_unit_with_the_final_layer(approved, assessment):
    assert FinalBundle.objects.filter(assessment__campaign=approved).count() == 2
    bundle = FinalBundle.objects.get(assessment=assessment)
    final = current_layer(assessment.pk, Layer.FINAL)
    assert bundle.sources == {code: entry.note for code, entry in final.items()}
    assert bundle.inputs == {code: e.inputs for code, e in final.items() if e.inputs}
    assert bundle.reasons["1.1"] == "Văn bản hợp lệ"
    assert bundle.self_points == {
        code: str(entry.points) for code, entry in current_layer(assessment.pk, Layer.SELF).items()
    }


def test_bundles_and_layers_give_the_same_snapshot(approved, monkeypatch):
    from_bundles, how = _take(approved)
    assert how == "bundles"
    from_layers, how = _take(approved, bundles=False, monkeypatch=monkeypatch)
    assert how == "layers"
    assert_same_snapshot(from_bundles, from_layers)


def test_units_without_a_bundle_are_read_from_their_layers(approved, assessment, monkeypatch):
    mixed, how = _take(approved, keep={assessment.pk}, monkeypatch=monkeypatch)
    assert how == "bundles+layers"
    assert_same_snapshot(mixed, _take(approved)[0])


@pytest.fixture
def reapproved(step2, appraiser, organiser, council, assessment):
    """Tường Phù approved, reopened, 1.4 corrected in step 2 and approved again."""
    appraise_node(appraiser, refresh(assessment), CHANGE_CODE, {"value": True}, "Hợp lệ", 0)
    approve_campaign(council, refresh(assessment).campaign)
    reopen_unit(organiser, refresh(assessment), "Phát hiện sai sót số liệu 1.4")
    appraise_node(
        appraiser, refresh(assessment), "1.4", {"value": {"num": "70", "den": "100"}}, "Sai số", 0
    )
    approve_unit(council, refresh(assessment))
    return refresh(assessment).campaign


def test_approving_again_writes_a_new_bundle_that_the_snapshot_reads(
    reapproved, assessment, commune, monkeypatch
):
    bundles = FinalBundle.objects.filter(assessment=assessment).order_by("pk")
    assert bundles.count() == 2
    first, newest = bundles
    assert "1.4" not in first.reasons and newest.reasons["1.4"] == "Sai số"
    from_bundles, how = _take(reapproved)
    assert how == "bundles"
    row = from_bundles.units.get(unit=commune)
    assert row.sources["1.4"] == "step2 r1: Sai số" and row.points_of("1.4") == 0
    assert_same_snapshot(from_bundles, _take(reapproved, bundles=False, monkeypatch=monkeypatch)[0])


def test_a_bundle_is_never_changed(approved):
    bundle = FinalBundle.objects.filter(assessment__campaign=approved).first()
    bundle.reasons = {}
    with pytest.raises(AppendOnlyError):
        bundle.save()
    with pytest.raises(AppendOnlyError):
        FinalBundle.objects.filter(pk=bundle.pk).update(reasons={})
    with pytest.raises(AppendOnlyError):
        bundle.delete()


@pytest.fixture
def twenty_seven(organiser, council, district, department):
    """Seed 003's 27 communes (golden test), last year published, three late, and three units
    whose 2.1 is N/A this year (maximum after N/A 60)."""
    from parindex.results import services

    units = communes(district, 27)
    framework = points_set(district, department)
    last = approved_campaign(
        organiser, council, district, framework, dict(zip(units, LAST_YEAR, strict=True)), year=2021
    )
    services.publish(organiser, last)
    totals = dict(zip(units, THIS_YEAR, strict=True))
    for unit in units[5:8]:
        inputs = split(min(float(totals[unit]), 60))
        inputs["2.1"] = {"na": True}
        totals[unit] = inputs
    late = [units[n - 1] for n in LATE]
    return approved_campaign(organiser, council, district, framework, totals, year=2022, late=late)


def test_the_27_unit_campaign_is_the_same_either_way(twenty_seven, monkeypatch):
    from_bundles, how = _take(twenty_seven)
    assert how == "bundles"
    from_layers, how = _take(twenty_seven, bundles=False, monkeypatch=monkeypatch)
    assert how == "layers"
    assert_same_snapshot(from_bundles, from_layers)
    rows = _rows(from_bundles)
    assert sum(1 for row in rows.values() if row["maxima"]["2.1"] == "0") == 3
    assert sum(1 for row in rows.values() if row["previous"]) == 27
    assert from_bundles.summary["late"] and from_bundles.summary["changes"]["compared"] == 27


def test_stored_points_and_maxima_are_the_engines_text(twenty_seven):
    """Per-node maps are written as joined text: they read back as str() of the engine's own
    points and maxima after N/A for every node."""
    from parindex.assessments.criteria import criteria_for
    from parindex.scoring import evaluate_unit

    framework = criteria_for(twenty_seven.framework).framework
    snapshot, _ = _take(twenty_seven)
    for row in snapshot.units.all():
        again = evaluate_unit(framework, row.inputs)
        codes = [node.code for node in framework.nodes]
        assert row.points == dict(zip(codes, map(str, again.points), strict=True))
        assert row.maxima == dict(zip(codes, map(str, again.maxima), strict=True))
