"""The register page's panel of criteria it feeds: per campaign of the unit with a feed, the
ratio the register gives, the criterion's current self-assessment and whether the user may
record it now. A constant number of queries, whatever the number of campaigns."""

import datetime
from dataclasses import dataclass

from parindex.assessments.entries import self_entry_refusal
from parindex.assessments.layers import current_entries
from parindex.assessments.models import Assessment, Layer, ScoreEntry
from parindex.assigned_tasks import access
from parindex.assigned_tasks.feed import Ratio, ratios_by_year
from parindex.orgs import access as org_access
from parindex.orgs.models import Unit

MAX_CAMPAIGNS = 5  # the latest years; older campaigns are closed anyway


@dataclass
class FeedPanel:
    assessment: Assessment
    node_code: str
    ratio: Ratio
    entry: ScoreEntry | None
    refusal: str | None  # why the self layer cannot be written now
    may_fill: bool


def feed_panels(user, unit: Unit, today: datetime.date) -> list[FeedPanel]:
    if not access.may_read_all(user, unit):
        return []
    assessments = list(
        Assessment.objects.filter(unit=unit, campaign__register_feed__isnull=False)
        .select_related("unit", "campaign__register_feed", "campaign__framework")
        .order_by("-campaign__year", "-campaign_id")[:MAX_CAMPAIGNS]
    )
    if not assessments:
        return []
    entries = current_entries([a.pk for a in assessments], [Layer.SELF])
    ratios = ratios_by_year(unit, today)
    panels = []
    for assessment in assessments:
        code = assessment.campaign.register_feed.node_code
        refusal = self_entry_refusal(assessment)
        panels.append(
            FeedPanel(
                assessment=assessment,
                node_code=code,
                ratio=ratios.get(assessment.campaign.year, Ratio(0, 0)),
                entry=entries.get(assessment.pk, {}).get(Layer.SELF, {}).get(code),
                refusal=refusal,
                may_fill=refusal is None and org_access.may_edit_self_assessment(user, assessment),
            )
        )
    return panels
