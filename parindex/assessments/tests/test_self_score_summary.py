"""The stored self-score summary (SelfScore) always equals the engine's figures over the current
self entries — after answers, clears, N/A, "nothing arose", repeats, submission and reopening —
and the dashboard reads it, falling back to the engine where it is missing or stale."""

import io
import random

import pytest
from django.core.management import call_command
from django.urls import reverse

from parindex.assessments import services
from parindex.assessments.answer_samples import sample_answer
from parindex.assessments.criteria import criteria_for, evaluate, progress_of
from parindex.assessments.dashboard import dashboard_rows
from parindex.assessments.entries import record_self_entry
from parindex.assessments.layers import current_layer, inputs_of
from parindex.assessments.models import Layer, ScoreEntry, SelfScore
from parindex.assessments.submission import submit_assessment
from parindex.assessments.tests.factories import answer_everything

NA_LEAF, NOTHING_AROSE_LEAF = "2.5", "2.2"  # the 10-leaf set's leaves that allow them


def _engine_figures(assessment) -> tuple:
    """Computed here from the entries, independently of self_scores.py."""
    criteria = criteria_for(assessment.campaign.framework)
    entries = current_layer(assessment.pk, Layer.SELF)
    result = evaluate(criteria, inputs_of(entries), assessment.campaign.year)
    progress = progress_of(criteria, result)
    return result.total, result.maximum, result.index_rounded, progress.answered, progress.total


def _stored_figures(assessment) -> tuple:
    stored = SelfScore.objects.get(assessment=assessment)
    return stored.total, stored.maximum, stored.index, stored.answered, stored.leaves


def _revision(assessment, code: str) -> int:
    latest = ScoreEntry.objects.filter(assessment=assessment, node_code=code, layer=Layer.SELF)
    return max(latest.values_list("revision", flat=True), default=0)


def _random_inputs(rng: random.Random, criteria, code: str) -> dict:
    roll = rng.random()
    if roll < 0.2:
        return {}  # the answer cleared
    if code == NA_LEAF and roll < 0.5:
        return {"na": True}
    if code == NOTHING_AROSE_LEAF and roll < 0.5:
        return {"nothing_arose": True}
    return sample_answer(criteria.rule_of(code), rng, quality=rng.random())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_after_every_kind_of_save_the_summary_equals_the_engine(reporter, assessment, seed):
    rng = random.Random(seed)
    criteria = criteria_for(assessment.campaign.framework)
    codes = [node.code for node in criteria.entered_leaves]
    for _ in range(25):
        code = rng.choice(codes)
        inputs = _random_inputs(rng, criteria, code)
        reason = "Không có trên địa bàn" if inputs.get("na") else ""
        record_self_entry(
            reporter, assessment, code, inputs, "", _revision(assessment, code), na_reason=reason
        )
        assert _stored_figures(assessment) == _engine_figures(assessment), code


def test_a_repeated_save_and_a_reopening_keep_it_equal(organiser, reporter, head, assessment):
    answer_everything(reporter, assessment)
    submit_assessment(head, assessment)
    services.reopen_assessment(organiser, assessment, "Sai số liệu 1.3")
    record_self_entry(reporter, assessment, "1.3", {}, "", _revision(assessment, "1.3"))
    record_self_entry(reporter, assessment, "1.3", {}, "", _revision(assessment, "1.3"))

    assert _stored_figures(assessment) == _engine_figures(assessment)
    assert _stored_figures(assessment)[3] == 9  # 1.3 cleared: one leaf fewer answered


def test_a_save_through_the_page_updates_the_summary_the_dashboard_shows(
    client_for, reporter, organiser, assessment
):
    url = reverse("assessments:save_node", args=[assessment.pk, "1.3"])
    data = {"num": "9", "den": "10", "base_revision": "0"}
    client_for(reporter).post(url, data, HTTP_HX_REQUEST="true")

    total = _engine_figures(assessment)[0]
    assert total > 0 and _stored_figures(assessment)[0] == total
    [row] = [r for r in dashboard_rows(assessment.campaign) if r.assessment == assessment]
    assert row.total == total and row.answered == 1


def test_the_dashboard_reads_the_stored_summary(reporter, assessment):
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    SelfScore.objects.filter(assessment=assessment).update(answered=7)  # a marker, not the truth

    [row] = [r for r in dashboard_rows(assessment.campaign) if r.assessment == assessment]
    assert row.answered == 7


@pytest.mark.parametrize("stale", ["missing", "other year"])
def test_a_missing_or_stale_summary_is_scored_by_the_engine(reporter, assessment, stale):
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    if stale == "missing":
        SelfScore.objects.filter(assessment=assessment).delete()
    else:
        SelfScore.objects.filter(assessment=assessment).update(year=2021, answered=7)

    rows = {r.assessment.pk: r for r in dashboard_rows(assessment.campaign)}
    engine = _engine_figures(assessment)
    mine = rows[assessment.pk]
    assert (mine.total, mine.maximum, mine.index, mine.answered, mine.leaves) == engine
    assert mine.answered == 1


def test_the_command_recomputes_summaries_of_entries_stored_without_the_services(
    reporter, assessment, other_assessment
):
    answer_everything(reporter, assessment)
    SelfScore.objects.all().delete()  # as after a bulk import of entries

    call_command("refresh_self_scores", stdout=io.StringIO())

    assert _stored_figures(assessment) == _engine_figures(assessment)
    assert _stored_figures(other_assessment) == _engine_figures(other_assessment)
    assert _stored_figures(other_assessment)[3] == 0
