"""Lost points, building a plan from them, the campaign's units and the department view."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from parindex.assessments.criteria import criteria_for
from parindex.assessments.models import Campaign
from parindex.orgs import access as org_access
from parindex.orgs.models import Role
from parindex.remediation import access, services
from parindex.remediation.departments import department_rows
from parindex.remediation.forms import BuildPlanForm
from parindex.remediation.losses import by_field, unit_losses
from parindex.remediation.models import RemediationPlan
from parindex.remediation.snapshots import latest_snapshot, unit_row
from parindex.remediation.what_if import result_what_if
from parindex.results.access import may_read_results
from parindex.results.models import UnitResult
from parindex.what_if_form import expected_points, outcome_of

# Fixed phrases of the official letter (Vietnamese whatever the interface language).
DEFAULT_SUBJECT = "V/v khắc phục tồn tại, hạn chế, nâng cao Chỉ số cải cách hành chính năm {year}"
DEFAULT_BODY = "ỦY BAN NHÂN DÂN {name}"
DEFAULT_SIGNER = "CHỦ TỊCH"


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    roles = access.DEPARTMENT_VIEW_ROLES | {Role.DEPARTMENT_OWNER}
    campaigns = Campaign.objects.filter(
        jurisdiction__in=org_access.units_with_role(user, roles)
    ).select_related("jurisdiction")
    plans = access.visible_plans(user).select_related("unit", "campaign")[:200]
    context = {"campaigns": campaigns, "plans": plans}
    return render(request, "remediation/index.html", context)


@login_required
@require_GET
def campaign_units(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign, _shown = access.get_department_campaign(request.user, campaign_id)
    snapshot = latest_snapshot(campaign)
    rows = []
    if snapshot is not None:
        rows = list(
            UnitResult.objects.filter(snapshot=snapshot)
            .select_related("unit")
            .only("unit", "total", "maximum", "index", "rank")
            .order_by("rank", "unit__code")
        )
    context = {"campaign": campaign, "snapshot": snapshot, "rows": rows}
    return render(request, "remediation/campaign.html", context)


def _unit_and_results(request, unit_id: int, campaign_id: int):
    unit = org_access.get_unit(request.user, unit_id)
    scope = access.scope_for(request.user, unit)
    campaign = get_object_or_404(Campaign.objects.select_related("framework"), pk=campaign_id)
    snapshot = latest_snapshot(campaign)
    row = unit_row(snapshot, unit) if snapshot is not None else None
    if snapshot is not None and row is None:
        raise Http404  # the unit is not in this campaign
    return unit, scope, campaign, snapshot, row


def _lost_context(request, unit, scope, campaign, snapshot, row, form=None) -> dict:
    context = {"unit": unit, "campaign": campaign, "snapshot": snapshot, "row": row}
    if snapshot is None:
        return context
    losses = [
        loss
        for loss in unit_losses(snapshot, row, unit)
        if scope.sees_department(loss.department.pk if loss.department else None)
    ]
    framework = snapshot.framework
    if scope.may_manage and form is None:
        form = BuildPlanForm(
            lost_codes=[loss.code for loss in losses],
            initial={
                "snapshot": snapshot.pk,
                "title": DEFAULT_SUBJECT.format(year=campaign.year + 1),
                "issuing_body": DEFAULT_BODY.format(name=unit.name.upper()),
                "signer_title": DEFAULT_SIGNER,
                "letter_date": timezone.localdate(),
                "codes": [loss.code for loss in losses],
            },
        )
    context.update(
        losses=losses,
        fields=by_field(criteria_for(framework).framework, losses),
        total_lost=sum((loss.lost for loss in losses), Decimal(0)),
        scope=scope,
        form=form,
        plans=RemediationPlan.objects.filter(unit=unit, campaign=campaign),
    )
    return context


@login_required
@require_GET
def lost_points(request: HttpRequest, unit_id: int, campaign_id: int) -> HttpResponse:
    found = _unit_and_results(request, unit_id, campaign_id)
    return render(request, "remediation/lost_points.html", _lost_context(request, *found))


@login_required
@require_POST
def plan_create(request: HttpRequest, unit_id: int, campaign_id: int) -> HttpResponse:
    unit, scope, campaign, snapshot, row = _unit_and_results(request, unit_id, campaign_id)
    if not scope.may_manage:
        raise PermissionDenied
    lost_codes = list(row.points) if row is not None else []
    form = BuildPlanForm(request.POST, lost_codes=lost_codes)
    if form.is_valid():
        try:
            plan = services.build_plan(
                request.user,
                unit,
                campaign,
                snapshot_id=form.cleaned_data["snapshot"],
                codes=form.cleaned_data["codes"],
                grouped=form.cleaned_data["grouped"],
                letter=form.letter(),
            )
        except services.RemediationRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The remediation plan was created."))
            return redirect("remediation:plan", pk=plan.pk)
    context = _lost_context(request, unit, scope, campaign, snapshot, row, form)
    return render(request, "remediation/lost_points.html", context, status=400)


@login_required
@require_GET
def departments(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign, shown = access.get_department_campaign(request.user, campaign_id)
    today = timezone.localdate()
    years, rows = department_rows(campaign, shown, today)
    context = {
        "campaign": campaign,
        "years": years,
        "rows": [(row, [row.lost_in(y.year) for y in years]) for row in rows],
        "current": years[0] if years and years[0].campaign == campaign else None,
    }
    return render(request, "remediation/departments.html", context)


def _what_if_scope(request, unit_id: int, campaign_id: int):
    """The unit's result for a what-if: readers of the campaign's results, or the unit's own
    people once the results are published (the rank compares with other units' figures)."""
    unit, scope, campaign, snapshot, row = _unit_and_results(request, unit_id, campaign_id)
    if snapshot is None:
        raise Http404
    if scope.departments is not None:
        raise PermissionDenied
    if not (may_read_results(request.user, campaign) or snapshot.is_published):
        raise PermissionDenied
    return unit, campaign, result_what_if(snapshot, row)


@login_required
@require_GET
def what_if_page(request: HttpRequest, unit_id: int, campaign_id: int) -> HttpResponse:
    unit, campaign, found = _what_if_scope(request, unit_id, campaign_id)
    context = {"unit": unit, "campaign": campaign, "w": found, "outcome": found.now}
    return render(request, "remediation/what_if.html", context)


@login_required
@require_POST
def what_if_outcome(request: HttpRequest, unit_id: int, campaign_id: int) -> HttpResponse:
    """Reads only: nothing a what-if computes is stored."""
    _unit, _campaign, found = _what_if_scope(request, unit_id, campaign_id)
    targets = expected_points(request.POST, [item.code for item in found.lost])
    outcome, error = outcome_of(found.apply, targets, found.now)
    context = {"outcome": outcome, "error": error, "ranked_among": found.ranked_among}
    return render(request, "whatif/_outcome.html", context)
