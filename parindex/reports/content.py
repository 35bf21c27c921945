"""Everything an official output shows, read once from a snapshot: plain data for the builders.

The XLSX, DOCX and PDF builders take a `ReportContent` and never touch the database, so the
three files show the same figures and a benchmark can time each builder alone. The cross-unit
figures are the results app's `campaign_summary` (stored by the engine when the snapshot was
taken); the per-unit ones its `ranked_unit` rows plus the stored per-node points. Nothing here
computes a figure: the builders only format them.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from parindex.assessments.criteria import criteria_for
from parindex.results.models import ResultSnapshot, SnapshotKind, UnitResult
from parindex.results.summary import CampaignSummary, RankedUnit, campaign_summary, ranked_unit
from parindex.scoring import Framework, Node


@dataclass(frozen=True)
class UnitLine:
    """One unit's row: the ranking figures and its points per node (decimal, by node code)."""

    unit: RankedUnit
    points: dict[str, Decimal]
    maxima: dict[str, Decimal]
    reasons: dict[str, str]  # the appraisers' reason per leaf they changed

    @property
    def name(self) -> str:
        return self.unit.name


@dataclass(frozen=True)
class FieldShape:
    """How many criteria and sub-criteria a field has (section I.2.2 of seed 003)."""

    code: str
    title: str
    maximum: Decimal
    criteria: int  # its children
    sub_criteria: int  # everything below them


@dataclass
class ReportContent:
    campaign_title: str
    year: int
    jurisdiction: str
    framework: Framework
    snapshot_kind: str
    taken_at: datetime.datetime
    published: bool
    submit_due: datetime.datetime
    summary: CampaignSummary
    units: list[UnitLine]
    shapes: list[FieldShape]

    @property
    def provisional(self) -> bool:
        return self.snapshot_kind != SnapshotKind.FINAL

    @property
    def unit_count(self) -> int:
        return self.summary.units

    @property
    def merged(self) -> list[RankedUnit]:
        return [line.unit for line in self.units if line.unit.is_merged]


def _decimals(values: dict) -> dict[str, Decimal]:
    return {code: Decimal(text) for code, text in values.items()}


def _line(row: UnitResult) -> UnitLine:
    points, maxima = _decimals(row.points), _decimals(row.maxima)
    return UnitLine(ranked_unit(row), points, maxima, dict(row.reasons))


def _below(node: Node, framework: Framework) -> int:
    return sum(1 + _below(framework.node(code), framework) for code in node.children)


def field_shapes(framework: Framework) -> list[FieldShape]:
    return [
        FieldShape(
            node.code,
            node.title,
            node.maximum,
            len(node.children),
            sum(_below(framework.node(code), framework) for code in node.children),
        )
        for node in framework.fields
    ]


def report_content(snapshot: ResultSnapshot) -> ReportContent:
    """The content of every output of `snapshot`: the summary, and the rows with their units."""
    campaign = snapshot.campaign
    framework = criteria_for(snapshot.framework).framework
    rows = snapshot.units.select_related("unit").order_by("rank", "unit__code")
    units = [_line(row) for row in rows]
    units.sort(key=lambda line: (line.unit.rank is None, line.unit.rank or 0, line.unit.code))
    return ReportContent(
        campaign_title=campaign.title,
        year=campaign.year,
        jurisdiction=campaign.jurisdiction.name,
        framework=framework,
        snapshot_kind=snapshot.kind,
        taken_at=snapshot.taken_at,
        published=snapshot.is_published,
        submit_due=campaign.submit_due,
        summary=campaign_summary(snapshot),
        units=units,
        shapes=field_shapes(framework),
    )
