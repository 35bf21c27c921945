"""The register feeds a criterion: its on-time ratio becomes that criterion's inputs.

The organiser of a campaign picks, once, which ratio-type leaf of its criteria set measures
on-time completion of assigned tasks (`set_feed` → `RegisterFeed`). A unit's reporter or head
then records that leaf's self-assessment from the register (`fill_from_register`) through the
assessments app's own service, so locks, schedule and revision conflicts apply as for any
answer, and the engine computes the points.

The ratio for a campaign year (`register_ratio`): of the unit's living tasks whose deadline
falls in that year, those that can be judged — done, or past their deadline — form the
denominator; those done by their deadline the numerator. Tasks still open before their
deadline are not judged yet; tasks without a deadline cannot be late and are left out.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from parindex.assessments.answer_widgets import widget_kind
from parindex.assessments.criteria import criteria_for
from parindex.assessments.entries import EntryRefused, record_self_entry
from parindex.assessments.models import Assessment, Campaign, Layer, ScoreEntry
from parindex.assigned_tasks.access import may_manage_feed
from parindex.assigned_tasks.models import AssignedTask, RegisterFeed, TaskStatus, status_conditions
from parindex.audit.services import log_action
from parindex.orgs.models import Unit


@dataclass(frozen=True)
class Ratio:
    on_time: int
    total: int

    @property
    def percent(self):
        return None if not self.total else round(100 * self.on_time / self.total, 2)


def ratios_by_year(unit: Unit, today: datetime.date) -> dict[int, Ratio]:
    """{deadline year: Ratio} of the unit's register, in one query."""
    conditions = status_conditions(today)
    rows = (
        AssignedTask.objects.alive()
        .filter(unit=unit, deadline__isnull=False)
        .exclude(conditions[TaskStatus.OPEN])
        .annotate(year=ExtractYear("deadline"))
        .order_by()
        .values("year")
        .annotate(
            total=Count("pk"), on_time=Count("pk", filter=conditions[TaskStatus.DONE_ON_TIME])
        )
    )
    return {row["year"]: Ratio(row["on_time"], row["total"]) for row in rows}


def register_ratio(unit: Unit, year: int, today: datetime.date | None = None) -> Ratio:
    return ratios_by_year(unit, today or timezone.localdate()).get(year, Ratio(0, 0))


def ratio_leaves(campaign: Campaign) -> list[tuple[str, str]]:
    """(code, "code title") of the campaign's leaves answered as a numerator/denominator."""
    criteria = criteria_for(campaign.framework)
    return [
        (node.code, f"{node.code} {node.title}")
        for node in criteria.entered_leaves
        if widget_kind(criteria.rule_of(node.code)) == "ratio"
    ]


@transaction.atomic
def set_feed(actor, campaign: Campaign, node_code: str) -> RegisterFeed | None:
    """Make `node_code` the campaign's register-fed criterion ("" removes it); audited."""
    if not may_manage_feed(actor, campaign):
        raise PermissionDenied
    if node_code and node_code not in dict(ratio_leaves(campaign)):
        raise EntryRefused(
            _("%(code)s is not a ratio criterion of this set.") % {"code": node_code}
        )
    current = RegisterFeed.objects.select_for_update().filter(campaign=campaign).first()
    old = current.node_code if current else ""
    if old == node_code:
        return current
    if current and not node_code:
        current.delete()
        current = None
    elif current:
        current.node_code = node_code
        current.save(update_fields=["node_code"])
    else:
        current = RegisterFeed.objects.create(
            campaign=campaign, node_code=node_code, created_by=actor
        )
    log_action(
        actor,
        "assigned_tasks.feed_set",
        campaign,
        unit=campaign.jurisdiction,
        data={"node": [old, node_code]},
    )
    return current


def register_note(ratio: Ratio, year: int) -> str:
    """The entry's note, in the product's language like every stored explanation."""
    with translation.override(settings.LANGUAGE_CODE):
        return _(
            "Computed from the register of assigned tasks: %(on_time)s/%(total)s on time "
            "(tasks due in %(year)s)."
        ) % {"on_time": ratio.on_time, "total": ratio.total, "year": year}


def current_revision(assessment: Assessment, node_code: str) -> int:
    latest = (
        ScoreEntry.objects.filter(assessment=assessment, node_code=node_code, layer=Layer.SELF)
        .order_by("-revision")
        .values_list("revision", flat=True)
        .first()
    )
    return latest or 0


def fill_from_register(
    actor,
    assessment: Assessment,
    node_code: str,
    *,
    base_revision: int | None = None,
    today: datetime.date | None = None,
) -> ScoreEntry:
    """Record `node_code`'s self-assessment from the unit's register: inputs
    {"value": {"num": on_time, "den": total}} and a note saying so.

    PermissionDenied unless the actor may edit the unit's self-assessment; EntryRefused when
    the node is not a ratio leaf or the assessment is locked/closed; RevisionConflict when the
    node was saved after `base_revision` (None: the current revision, for callers who just
    read it)."""
    campaign = assessment.campaign
    if node_code not in dict(ratio_leaves(campaign)):
        raise EntryRefused(
            _("%(code)s is not a ratio criterion of this set.") % {"code": node_code}
        )
    ratio = register_ratio(assessment.unit, campaign.year, today)
    if base_revision is None:
        base_revision = current_revision(assessment, node_code)
    inputs = {"value": {"num": str(ratio.on_time), "den": str(ratio.total)}}
    return record_self_entry(
        actor, assessment, node_code, inputs, register_note(ratio, campaign.year), base_revision
    )
