"""Who sees which results, built on the primitives of parindex/orgs/access.py.

Decisions (docs in the module, tests in tests/test_access_results.py and test_views_*.py):

- The campaign's organisers, council members and viewers (roles over its jurisdiction) see
  every snapshot of the campaign — provisional, final, published — with every unit: the
  results page, every scorecard, the criterion analysis, every chart download.
- Organisers alone take snapshots and publish.
- Department owners of the jurisdiction see the criterion analysis (figures per criterion,
  no unit named), provisional ones included: it is the raw material of their improvement work.
  The ranking and the scorecards are not theirs (403).
- A unit's reporter and head see their own unit's scorecard, and only in a *published*
  snapshot: a final snapshot is approved but not yet the official figure until the
  publication decision, and a unit never sees anything unpublished of another unit either.
  Before publication their own scorecard is a 403 (they know it exists); another unit's is a
  404, published or not (the portal shows published results to everyone).
- Appraisers see nothing here (403 inside the jurisdiction): their view of scores is the
  appraisal pages of the leaves assigned to them; a results page cut down to those leaves
  would be neither a ranking nor a scorecard.
- Everyone else: 404 (the campaign's existence is not leaked), as orgs/access.py does.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from parindex.assessments.models import Assessment, Campaign
from parindex.orgs import access
from parindex.orgs.models import Role
from parindex.results.models import ResultSnapshot
from parindex.results.services import latest_snapshot

RESULTS_READER_ROLES = access.CAMPAIGN_READER_ROLES
RESULTS_MANAGER_ROLES = access.CAMPAIGN_MANAGER_ROLES
CRITERIA_READER_ROLES = RESULTS_READER_ROLES | {Role.DEPARTMENT_OWNER}
OWN_SCORECARD_ROLES = access.OWN_UNIT_ROLES


def get_results_campaign(user, pk: int):
    """The campaign whose results page and charts the user reads: 404 outside sight, else 403."""
    return access.get_campaign(user, pk, RESULTS_READER_ROLES)


def get_managed_campaign(user, pk: int):
    """The campaign whose snapshots the user takes and publishes (organisers)."""
    return access.get_campaign(user, pk, RESULTS_MANAGER_ROLES)


def get_criteria_campaign(user, pk: int):
    """The campaign whose criterion analysis the user reads (readers and department owners)."""
    return access.get_campaign(user, pk, CRITERIA_READER_ROLES)


def may_manage_results(user, campaign) -> bool:
    return access.has_role(user, campaign.jurisdiction, RESULTS_MANAGER_ROLES)


def may_read_results(user, campaign) -> bool:
    return access.has_role(user, campaign.jurisdiction, RESULTS_READER_ROLES)


def get_snapshot(campaign, pk: int | str | None = None, *, published_only: bool = False):
    """Snapshot `pk` of the campaign (404 if it is another campaign's or, with
    `published_only`, unpublished), else the one readers are shown by default
    (services.latest_snapshot); None when there is none."""
    if pk in (None, ""):
        return latest_snapshot(campaign, published_only=published_only)
    snapshots = ResultSnapshot.objects.filter(campaign=campaign).select_related(
        "campaign", "framework"
    )
    if published_only:
        snapshots = snapshots.filter(published_at__isnull=False)
    try:
        return snapshots.get(pk=int(pk))
    except (ValueError, ResultSnapshot.DoesNotExist):
        raise Http404 from None


def get_scorecard_snapshot(user, campaign, unit, snapshot_pk=None):
    """The snapshot in which the user may read `unit`'s scorecard.

    Readers of the campaign: the one asked for, else the default one. The unit's own reporter
    and head: a published one only (403 while there is none, 404 for an unpublished one asked
    by number). Anyone else who sees the unit: 403; who does not: 404."""
    if may_read_results(user, campaign):
        return get_snapshot(campaign, snapshot_pk)
    if access.has_role(user, unit, OWN_SCORECARD_ROLES):
        snapshot = get_snapshot(campaign, snapshot_pk, published_only=True)
        if snapshot is None:
            raise PermissionDenied
        return snapshot
    if access.has_role(user, unit, access.ALL_ROLES):
        raise PermissionDenied
    raise Http404


def get_scorecard(user, campaign_pk: int, unit_code: str, snapshot_pk=None):
    """(campaign, unit, snapshot) of a scorecard the user may read, or 404 / 403 as above.
    404 too when the unit is not one of the campaign's (whether it exists is not leaked)."""
    assessment = (
        Assessment.objects.select_related("unit", "campaign__jurisdiction", "campaign__framework")
        .filter(campaign_id=campaign_pk, unit__code=unit_code)
        .first()
    )
    if assessment is None:
        raise Http404
    campaign, unit = assessment.campaign, assessment.unit
    if not (may_read_results(user, campaign) or access.has_role(user, unit, access.ALL_ROLES)):
        raise Http404
    return campaign, unit, get_scorecard_snapshot(user, campaign, unit, snapshot_pk)


# --- the results index: what each user may open ---


def results_campaigns(user):
    """Campaigns whose results page the user reads."""
    return Campaign.objects.filter(
        jurisdiction__in=access.units_with_role(user, RESULTS_READER_ROLES)
    )


def criteria_campaigns(user):
    """Campaigns whose criterion analysis the user reads (readers and department owners)."""
    return Campaign.objects.filter(
        jurisdiction__in=access.units_with_role(user, CRITERIA_READER_ROLES)
    )


def own_published_results(user):
    """The user's own units' assessments in campaigns with a published snapshot."""
    published = ResultSnapshot.objects.filter(published_at__isnull=False).values("campaign_id")
    return Assessment.objects.filter(
        unit__in=access.units_with_role(user, OWN_SCORECARD_ROLES), campaign_id__in=published
    )
