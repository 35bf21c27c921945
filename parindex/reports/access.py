"""Who may build and download which official output, on orgs/access.py's primitives.

Decisions (tests: tests/test_view_permissions.py):

- The campaign's organisers, council members and viewers (roles over its jurisdiction) build
  every output of every snapshot — provisional ones carry a "provisional figures" mark.
- A unit's reporter and head build their own unit's scorecard, from published snapshots only
  (as the results pages decide: a final snapshot is not the official figure until the
  decision is signed). The report, its tables and the draft decision are the office's working
  documents: not theirs (403), though the published figures reach them on the portal.
- Appraisers and department owners of the jurisdiction: 403; everyone else: 404.
- A job and its file belong to whoever asked for it: another user's job is a 404, and the
  permission is checked again at download (a role removed since then closes the file).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from parindex.assessments.models import Assessment, Campaign
from parindex.orgs import access
from parindex.orgs.models import Unit
from parindex.reports.models import ExportJob, ExportKind
from parindex.results.models import ResultSnapshot

READER_ROLES = access.CAMPAIGN_READER_ROLES
OWN_UNIT_ROLES = access.OWN_UNIT_ROLES
UNIT_KINDS = frozenset({ExportKind.SCORECARD})


def may_read_reports(user, campaign) -> bool:
    return access.has_role(user, campaign.jurisdiction, READER_ROLES)


def own_units(user, campaign) -> list[Unit]:
    """The campaign's units the user reports for or heads."""
    mine = access.units_with_role(user, OWN_UNIT_ROLES)
    assessed = Assessment.objects.filter(campaign=campaign, unit__in=mine).values("unit_id")
    return list(Unit.objects.filter(pk__in=assessed).order_by("code"))


def _refuse(user, campaign) -> None:
    """403 when the user sees the campaign at all (a role in its jurisdiction or a unit in
    it), else 404."""
    if access.has_role(user, campaign.jurisdiction, access.ALL_ROLES) or own_units(user, campaign):
        raise PermissionDenied
    raise Http404


def get_campaign(user, pk: int):
    """The campaign whose export page the user opens: readers, and the units' own people."""
    campaign = Campaign.objects.select_related("jurisdiction", "framework").filter(pk=pk).first()
    if campaign is None:
        raise Http404
    if may_read_reports(user, campaign) or own_units(user, campaign):
        return campaign
    return _refuse(user, campaign)


def get_snapshot(user, pk: int) -> ResultSnapshot:
    snapshot = (
        ResultSnapshot.objects.select_related("campaign__jurisdiction", "campaign__framework")
        .filter(pk=pk)
        .first()
    )
    if snapshot is None:
        raise Http404
    campaign = snapshot.campaign
    if may_read_reports(user, campaign):
        return snapshot
    if own_units(user, campaign) and snapshot.is_published:
        return snapshot
    return _refuse(user, campaign)


def may_export(user, snapshot: ResultSnapshot, kind: str, unit: Unit | None) -> bool:
    campaign = snapshot.campaign
    if may_read_reports(user, campaign):
        return True
    return (
        kind in UNIT_KINDS
        and snapshot.is_published
        and unit is not None
        and access.has_role(user, unit, OWN_UNIT_ROLES)
    )


def check_export(user, snapshot: ResultSnapshot, kind: str, unit: Unit | None) -> None:
    """403 for an output the user may not have of a snapshot they see; 404 for another
    unit's scorecard (its existence is not the user's business)."""
    if may_export(user, snapshot, kind, unit):
        return
    if unit is not None and not access.has_role(user, unit, access.ALL_ROLES):
        raise Http404
    raise PermissionDenied


def get_job(user, pk: int) -> ExportJob:
    """The user's own job, still within their permission; 404 otherwise."""
    job = (
        ExportJob.objects.select_related("snapshot__campaign__jurisdiction", "unit")
        .filter(pk=pk, requested_by_id=getattr(user, "pk", None))
        .first()
    )
    if job is None or not may_export(user, job.snapshot, job.kind, job.unit):
        raise Http404
    return job
