"""What the council reads: per unit, self-score vs step 1 vs final, with the reasons.

Before approval the final column is provisional (step 2, else step 1, else self, exactly as
approval will write it); after approval it is the final layer itself. Pages cost a fixed number
of queries: one for the units, one for every current entry of every layer.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from parindex.appraisal.council import final_sources
from parindex.assessments.criteria import criteria_for, evaluate
from parindex.assessments.layers import current_entries, inputs_of
from parindex.assessments.models import (
    LAYER_ORDER,
    SELF_EDITABLE_STATUSES,
    Assessment,
    AssessmentStatus,
    Campaign,
    Layer,
    ScoreEntry,
)
from parindex.scoring import Node, UnitResult


def _finals(assessment: Assessment, by_layer) -> dict[str, ScoreEntry]:
    """The approved final layer, or (not approved, or reopened) what approval would write."""
    if assessment.status == AssessmentStatus.APPROVED:
        return dict(by_layer.get(Layer.FINAL, {}))
    return final_sources(by_layer)


def _results(assessment: Assessment, by_layer) -> dict[str, UnitResult]:
    criteria = criteria_for(assessment.campaign.framework)
    year = assessment.campaign.year
    own = by_layer.get(Layer.SELF, {})
    step1 = {**own, **by_layer.get(Layer.STEP1, {})}
    return {
        Layer.SELF: evaluate(criteria, inputs_of(own), year),
        Layer.STEP1: evaluate(criteria, inputs_of(step1), year),
        Layer.FINAL: evaluate(criteria, inputs_of(_finals(assessment, by_layer)), year),
    }


@dataclass
class UnitSummary:
    assessment: Assessment
    results: dict[str, UnitResult]
    changed: int  # leaves whose final points differ from the self points
    approved: bool

    @property
    def self_total(self) -> Decimal:
        return self.results[Layer.SELF].total

    @property
    def step1_total(self) -> Decimal:
        return self.results[Layer.STEP1].total

    @property
    def final(self) -> UnitResult:
        return self.results[Layer.FINAL]


def _changed(assessment: Assessment, by_layer) -> int:
    own, finals = by_layer.get(Layer.SELF, {}), _finals(assessment, by_layer)
    return sum(
        1
        for code, entry in finals.items()
        if entry.points != (own[code].points if code in own else Decimal(0))
    )


def council_table(campaign: Campaign) -> tuple[list[UnitSummary], list[Assessment]]:
    """(summaries of the submitted units, units that never submitted)."""
    assessments = list(campaign.assessments.select_related("unit").order_by("unit__path"))
    submitted = [a for a in assessments if a.status not in SELF_EDITABLE_STATUSES]
    layers = current_entries([a.pk for a in submitted], LAYER_ORDER)
    rows = []
    for assessment in submitted:
        assessment.campaign = campaign
        by_layer = layers.get(assessment.pk, {})
        rows.append(
            UnitSummary(
                assessment,
                _results(assessment, by_layer),
                _changed(assessment, by_layer),
                assessment.status == AssessmentStatus.APPROVED,
            )
        )
    missing = [a for a in assessments if a.status in SELF_EDITABLE_STATUSES]
    return rows, missing


@dataclass
class NodeComparison:
    node: Node
    entries: dict[str, ScoreEntry]
    final: ScoreEntry | None

    @property
    def changed(self) -> bool:
        own = self.entries.get(Layer.SELF)
        own_points = own.points if own else Decimal(0)
        return self.final is not None and self.final.points != own_points


@dataclass
class UnitComparison:
    assessment: Assessment
    results: dict[str, UnitResult]
    rows: list[NodeComparison] = field(default_factory=list)
    approved: bool = False


def compare_unit(assessment: Assessment) -> UnitComparison:
    """Every leaf of one unit, all layers side by side (one query)."""
    criteria = criteria_for(assessment.campaign.framework)
    by_layer = current_entries([assessment.pk], LAYER_ORDER).get(assessment.pk, {})
    finals = _finals(assessment, by_layer)
    rows = [
        NodeComparison(
            node,
            {
                layer: by_layer[layer][node.code]
                for layer in by_layer
                if node.code in by_layer[layer]
            },
            finals.get(node.code),
        )
        for node in criteria.entered_leaves
    ]
    approved = assessment.status == AssessmentStatus.APPROVED
    return UnitComparison(assessment, _results(assessment, by_layer), rows, approved)
