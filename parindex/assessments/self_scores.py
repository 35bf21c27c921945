"""Each assessment's self-score summary (SelfScore): kept current by every self save, read by
the campaign dashboard.

Scoring 200 units from ~14,000 current entries on every look at the dashboard cost ~0.2 s of
CPU (the entries' fetch and the engine, in equal parts) while organisers reload it every few
seconds in December. The engine is still the only code that computes points: a summary is its
result, stored in the transaction that appended the entry, and recomputable at any time
(`manage.py refresh_self_scores`, e.g. after an engine upgrade or a bulk import of entries).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from parindex.assessments.criteria import CriteriaSet, criteria_for, evaluate, progress_of
from parindex.assessments.layers import current_inputs
from parindex.assessments.models import Assessment, Campaign, Layer, SelfScore

FIGURES = ("total", "maximum", "index", "answered", "leaves")


@dataclass(frozen=True)
class Figures:
    """What the dashboard shows of a unit's self layer."""

    total: Decimal
    maximum: Decimal
    index: Decimal | None
    answered: int
    leaves: int


def figures_of(criteria: CriteriaSet, inputs: Mapping[str, Mapping], year: int) -> Figures:
    """The engine's figures for one unit's current self inputs."""
    result = evaluate(criteria, inputs, year)
    progress = progress_of(criteria, result)
    return Figures(
        result.total, result.maximum, result.index_rounded, progress.answered, progress.total
    )


def refresh_self_scores(assessments: Iterable[Assessment]) -> None:
    """Recompute and store the summaries of `assessments` (with their campaign loaded):
    one query for the inputs and one upsert, whatever their number."""
    assessments = list(assessments)
    inputs = current_inputs([a.pk for a in assessments], Layer.SELF)
    now = timezone.now()
    rows = []
    for assessment in assessments:
        campaign = assessment.campaign
        figures = figures_of(
            criteria_for(campaign.framework), inputs.get(assessment.pk, {}), campaign.year
        )
        rows.append(
            SelfScore(
                assessment=assessment,
                framework_id=campaign.framework_id,
                year=campaign.year,
                computed_at=now,
                **{name: getattr(figures, name) for name in FIGURES},
            )
        )
    SelfScore.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["assessment"],
        update_fields=["framework", "year", "computed_at", *FIGURES],
    )


def stored_figures(assessment: Assessment, campaign: Campaign) -> Figures | None:
    """The stored summary when it was computed for `campaign`'s set and year, else None.
    `assessment` must come with `self_score` (select_related), so this costs no query."""
    try:
        stored = assessment.self_score
    except SelfScore.DoesNotExist:
        return None
    if stored.framework_id != campaign.framework_id or stored.year != campaign.year:
        return None
    return Figures(*(getattr(stored, name) for name in FIGURES))


def campaign_figures(campaign: Campaign, assessments: list[Assessment]) -> dict[int, Figures]:
    """{assessment id: figures} for the dashboard: stored summaries where they can be trusted,
    the engine over current inputs for the others (one query, none when all are stored)."""
    figures: dict[int, Figures] = {}
    missing = []
    for assessment in assessments:
        stored = stored_figures(assessment, campaign)
        if stored is None:
            missing.append(assessment.pk)
        else:
            figures[assessment.pk] = stored
    if missing:
        criteria = criteria_for(campaign.framework)
        inputs = current_inputs(missing, Layer.SELF)
        unanswered = None  # every unit not started scores the same: score it once
        for pk in missing:
            if pk in inputs:
                figures[pk] = figures_of(criteria, inputs[pk], campaign.year)
            else:
                unanswered = unanswered or figures_of(criteria, {}, campaign.year)
                figures[pk] = unanswered
    return figures
