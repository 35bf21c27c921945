"""The appraiser's queue: one row per (unit, assigned leaf) with everything needed to judge it.

Which rows, by campaign stage: step 1 (and, read-only, while units explain) — every submitted
unit's assigned leaves; step 2 — the leaves each unit explained; after approval — every
assigned leaf of a unit taken back for correction. A fixed number of queries whatever the
number of units and leaves: assignments, units, current entries of four layers, citations.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from parindex.appraisal.appraise import (
    APPRAISAL_LAYERS,
    STEP1,
    STEP2,
    open_step,
    reopened,
    row_status,
)
from parindex.appraisal.services import leaves_under
from parindex.assessments.answer_widgets import Widget, build_widget
from parindex.assessments.criteria import CriteriaSet, criteria_for
from parindex.assessments.evidence_links import citations_by_node
from parindex.assessments.layers import current_entries_query
from parindex.assessments.models import (
    SELF_EDITABLE_STATUSES,
    Assessment,
    Campaign,
    CampaignStatus,
    EvidenceCitation,
    Layer,
    ScoreEntry,
)
from parindex.orgs import access
from parindex.scoring import Node

STEP1_STAGES = frozenset({CampaignStatus.APPRAISAL, CampaignStatus.EXPLANATION})
STATUS_FILTERS = ("pending", "accepted", "changed")


@dataclass
class QueueRow:
    assessment: Assessment
    node: Node
    raw: dict
    layer: str  # the step this row shows: step1 or step2
    entries: dict[str, ScoreEntry]
    citations: list[EvidenceCitation] = field(default_factory=list)
    editable: bool = False
    widget: Widget | None = None
    error: str = ""
    message: str = ""

    @property
    def dom_id(self) -> str:
        return f"r{self.assessment.pk}-{self.node.position}"

    @property
    def status(self) -> str:
        return row_status(self.layer, self.entries)

    @property
    def own(self) -> ScoreEntry | None:
        """The current entry of the step this row is about."""
        return self.entries.get(self.layer)

    @property
    def base_revision(self) -> int:
        return self.own.revision if self.own else 0

    @property
    def entry(self) -> ScoreEntry | None:
        """The entry whose N/A reason the widget shows (the template reads `v.entry`)."""
        return self.own or self.entries.get(Layer.SELF)


def _prefill(layer: str, entries: dict[str, ScoreEntry]) -> dict:
    """What the form starts from: the step's own value, else the value under review."""
    order = (
        (Layer.STEP1, Layer.SELF)
        if layer == STEP1
        else (Layer.STEP2, Layer.EXPLANATION, Layer.STEP1, Layer.SELF)
    )
    for name in order:
        if name in entries:
            return entries[name].inputs
    return {}


def make_row(criteria: CriteriaSet, assessment, node: Node, layer: str, entries, citations):
    row = QueueRow(assessment, node, criteria.raw_nodes[node.code], layer, entries, citations)
    row.editable = open_step(assessment) == layer
    row.widget = build_widget(row.raw, _prefill(layer, entries))
    return row


def stage_layer(campaign: Campaign) -> str | None:
    """The step the queue shows at the campaign's stage, or None (nothing to appraise)."""
    if campaign.status in STEP1_STAGES:
        return STEP1
    if campaign.status in (CampaignStatus.FINAL_APPRAISAL, CampaignStatus.APPROVED):
        return STEP2
    return None


def _assessments(user, campaign: Campaign, unit_id: int | None) -> QuerySet:
    query = (
        campaign.assessments.exclude(status__in=SELF_EDITABLE_STATUSES)
        .filter(unit__in=access.units_with_role(user, access.APPRAISER_ROLES))
        .select_related("unit")
        .order_by("unit__path", "unit__code")
    )
    return query.filter(unit_id=unit_id) if unit_id else query


def _codes_on_row(layer: str, assessment, codes: list[str], explained: set[str]) -> list[str]:
    if layer == STEP1 or reopened(assessment):
        return codes
    return [code for code in codes if code in explained]


def _grouped(entries) -> dict[int, dict[str, dict[str, ScoreEntry]]]:
    found: dict[int, dict[str, dict[str, ScoreEntry]]] = {}
    for entry in entries:
        found.setdefault(entry.assessment_id, {}).setdefault(entry.node_code, {})[entry.layer] = (
            entry
        )
    return found


@dataclass
class Queue:
    rows: list[QueueRow]
    units: list  # (id, name) of every unit in the queue, for the filter
    fields: list[Node]  # fields holding assigned leaves, for the filter
    layer: str | None


def build_queue(
    user, campaign: Campaign, *, unit_id: int | None = None, field_code: str = "", status: str = ""
) -> Queue:
    """The rows `user` appraises in `campaign`, filtered by unit, field and row status."""
    criteria = criteria_for(campaign.framework)
    assigned = access.assigned_leaves(user, campaign)
    in_order = [node.code for node in criteria.entered_leaves if node.code in assigned]
    fields = [
        f for f in criteria.framework.fields if set(leaves_under(criteria, f.code)) & assigned
    ]
    layer = stage_layer(campaign)
    if layer is None or not in_order:
        return Queue([], [], fields, layer)
    everyone = list(_assessments(user, campaign, None))
    chosen = [a for a in everyone if not unit_id or a.pk == unit_id]
    codes = in_order
    if field_code:
        codes = [code for code in in_order if code in set(leaves_under(criteria, field_code))]
    ids = [a.pk for a in chosen]
    entries = _grouped(
        current_entries_query(ids, APPRAISAL_LAYERS)
        .filter(node_code__in=codes)
        .select_related("author")
    )
    citations = citations_by_node(ids, (Layer.SELF, Layer.EXPLANATION))
    rows = []
    for assessment in chosen:
        assessment.campaign = campaign
        by_node = entries.get(assessment.pk, {})
        explained = {
            code
            for code, found in by_node.items()
            if Layer.EXPLANATION in found and found[Layer.EXPLANATION].note
        }
        for code in _codes_on_row(layer, assessment, codes, explained):
            node = criteria.framework.by_code[code]
            cited = citations.get(assessment.pk, {}).get(code, [])
            rows.append(make_row(criteria, assessment, node, layer, by_node.get(code, {}), cited))
    if status in STATUS_FILTERS:
        rows = [row for row in rows if row.status == status]
    units = [(a.pk, a.unit.name) for a in everyone]
    return Queue(rows, units, fields, layer)


def build_row(user, assessment: Assessment, code: str) -> QueueRow:
    """One row as it is now (after a save, or to show a conflict)."""
    criteria = criteria_for(assessment.campaign.framework)
    layer = stage_layer(assessment.campaign) or STEP1
    query = current_entries_query([assessment.pk], APPRAISAL_LAYERS).filter(node_code=code)
    entries = {entry.layer: entry for entry in query.select_related("author")}
    cited = citations_by_node([assessment.pk], (Layer.SELF, Layer.EXPLANATION))
    node = criteria.framework.by_code[code]
    return make_row(
        criteria, assessment, node, layer, entries, cited.get(assessment.pk, {}).get(code, [])
    )
