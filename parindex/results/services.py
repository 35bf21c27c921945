"""Results workflows: take a snapshot, publish; and which snapshot a reader is shown.

Taking and publishing are the organiser's (the campaign jurisdiction's `organiser` role, as
for every campaign workflow); each runs in one transaction with its audit entry. Refusals are
SnapshotRefused with a message for the user; a missing permission is PermissionDenied.

The final snapshot is not taken automatically when the council approves (an organiser may
still reopen an approved unit for correction); the approval only stores each unit's final
bundle (results/bundles.py), which the snapshot reads. The organiser takes it ("take final
snapshot"), or publishing takes it when no final snapshot is current.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.assessments.models import (
    SELF_EDITABLE_STATUSES,
    AssessmentStatus,
    Campaign,
    CampaignStatus,
    Layer,
    ScoreEntry,
)
from parindex.assessments.services import advance_campaign
from parindex.audit.services import log_action
from parindex.orgs import access
from parindex.results.models import ResultSnapshot, SnapshotKind
from parindex.results.snapshot import FINAL_STATUSES, SnapshotRefused, take_snapshot
from parindex.textnorm import nfc

__all__ = [
    "SnapshotRefused",
    "current_final",
    "latest_snapshot",
    "may_take_snapshots",
    "publish",
    "take_final",
    "take_provisional",
]


def latest_snapshot(campaign: Campaign, *, published_only: bool = False) -> ResultSnapshot | None:
    """The snapshot a reader is shown: the latest final one if any, else the latest provisional
    one; with `published_only` (the portal), the latest published final one. None if none."""
    snapshots = ResultSnapshot.objects.filter(campaign=campaign).select_related(
        "campaign", "framework"
    )
    if published_only:
        return (
            snapshots.filter(kind=SnapshotKind.FINAL, published_at__isnull=False)
            .order_by("-published_at", "-pk")
            .first()
        )
    final = snapshots.filter(kind=SnapshotKind.FINAL).order_by("-taken_at", "-pk").first()
    if final is not None:
        return final
    return snapshots.filter(kind=SnapshotKind.PROVISIONAL).order_by("-taken_at", "-pk").first()


def may_take_snapshots(user, campaign: Campaign) -> bool:
    """Organisers of the campaign's jurisdiction (or above it) take snapshots and publish."""
    return access.may_manage_campaign(user, campaign)


def _require_organiser(actor, campaign: Campaign) -> None:
    if not may_take_snapshots(actor, campaign):
        raise PermissionDenied


def _unapproved_units(campaign: Campaign) -> list[str]:
    """Submitted units not approved: reopened for correction after the council's approval."""
    query = campaign.assessments.exclude(status__in=SELF_EDITABLE_STATUSES).exclude(
        status=AssessmentStatus.APPROVED
    )
    return sorted(query.values_list("unit__name", flat=True))


def _refuse_reopened(campaign: Campaign) -> None:
    reopened = _unapproved_units(campaign)
    if reopened:
        raise SnapshotRefused(
            _("Approve these units again first: %(units)s.") % {"units": ", ".join(reopened)}
        )


def current_final(campaign: Campaign) -> ResultSnapshot | None:
    """The latest final snapshot if it still reflects the final layer: no final score was
    written after it (a reopened unit approved again writes new ones)."""
    snapshot = (
        ResultSnapshot.objects.filter(campaign=campaign, kind=SnapshotKind.FINAL)
        .order_by("-taken_at", "-pk")
        .first()
    )
    if snapshot is None:
        return None
    newest = ScoreEntry.objects.filter(assessment__campaign=campaign, layer=Layer.FINAL).aggregate(
        newest=Max("created_at")
    )["newest"]
    if newest is not None and newest > snapshot.taken_at:
        return None
    return snapshot


def _snapshot(actor, campaign: Campaign, kind: str) -> ResultSnapshot:
    snapshot = take_snapshot(actor, campaign, kind)
    log_action(
        actor,
        "results.snapshot_taken",
        snapshot,
        unit=campaign.jurisdiction,
        data={"kind": kind, "units": snapshot.summary["units"], "source": snapshot.source},
    )
    return snapshot


@transaction.atomic
def take_provisional(actor, campaign: Campaign) -> ResultSnapshot:
    """A provisional snapshot of the scores so far (self → step 1 → step 2 per leaf) of every
    submitted unit; refused for a draft campaign or when no unit has submitted."""
    _require_organiser(actor, campaign)
    if campaign.status == CampaignStatus.DRAFT:
        raise SnapshotRefused(_("The campaign has not started."))
    return _snapshot(actor, campaign, SnapshotKind.PROVISIONAL)


@transaction.atomic
def take_final(actor, campaign: Campaign) -> ResultSnapshot:
    """The final snapshot from the council's final layer; refused before approval and while an
    approved unit is reopened for correction."""
    _require_organiser(actor, campaign)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status not in FINAL_STATUSES:
        raise SnapshotRefused(_("A final snapshot is taken after the council approves."))
    _refuse_reopened(campaign)
    return _snapshot(actor, campaign, SnapshotKind.FINAL)


@transaction.atomic
def publish(actor, campaign: Campaign, reason: str = "") -> ResultSnapshot:
    """Publish the approved campaign: take the final snapshot unless one is current, mark it
    published, and move the campaign to Published. Returns the published snapshot."""
    _require_organiser(actor, campaign)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != CampaignStatus.APPROVED:
        raise SnapshotRefused(_("Only a campaign approved by the council can be published."))
    _refuse_reopened(campaign)
    snapshot = current_final(campaign) or take_final(actor, campaign)
    snapshot.published_at, snapshot.published_by = timezone.now(), actor
    snapshot.save(update_fields=["published_at", "published_by"])
    reason = nfc(reason or "")
    advance_campaign(actor, campaign, CampaignStatus.PUBLISHED, reason=reason)
    log_action(
        actor,
        "results.published",
        snapshot,
        unit=campaign.jurisdiction,
        reason=reason,
        data={"snapshot": snapshot.pk, "units": snapshot.summary["units"]},
    )
    return snapshot
