"""Campaign pages: list, open (create), edit, units, stage, dashboard and its export. Thin:
access.py decides who sees what, services.py changes things, dashboard.py builds the table."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from parindex.assessments import services
from parindex.assessments.dashboard import (
    LATE_FILTER,
    dashboard_rows,
    export_headers,
    export_row,
    filter_rows,
    sort_rows,
)
from parindex.assessments.dashboard_html import rows_html
from parindex.assessments.forms import (
    CampaignCreateForm,
    ScheduleForm,
    UnitsForm,
    groups_as_text,
)
from parindex.assessments.models import CAMPAIGN_FLOW, AssessmentStatus, CampaignStatus
from parindex.assessments.schedule import SCHEDULE_FIELDS, schedule_of
from parindex.frameworks.models import Status
from parindex.orgs import access
from parindex.orgs.models import Unit
from parindex.orgs.tabular_export import table_response


@login_required
@require_GET
def campaign_list(request: HttpRequest) -> HttpResponse:
    context = {
        "campaigns": access.campaigns_for(request.user).select_related("jurisdiction", "framework"),
        "own": access.own_assessments(request.user).select_related("campaign", "unit"),
        "can_create": access.campaign_jurisdictions(request.user).exists(),
    }
    return render(request, "assessments/campaign_list.html", context)


def _create_form(request: HttpRequest) -> CampaignCreateForm:
    jurisdictions = access.campaign_jurisdictions(request.user)
    frameworks = access.framework_versions_for(request.user).filter(status=Status.PUBLISHED)
    return CampaignCreateForm(
        request.POST or None,
        jurisdictions=jurisdictions,
        frameworks=frameworks.select_related("jurisdiction"),
        initial={"jurisdiction": jurisdictions.first()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def campaign_create(request: HttpRequest) -> HttpResponse:
    if not access.campaign_jurisdictions(request.user).exists():
        raise PermissionDenied
    form = _create_form(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = services.create_campaign(
                request.user,
                jurisdiction=data["jurisdiction"],
                framework=data["framework"],
                year=data["year"],
                title=data["title"],
                schedule=form.schedule(),
                units=form.units(),
                groups=data["groups_text"],
            )
        except services.CampaignRefused as refused:
            form.show_problems(refused.problems)
        else:
            messages.success(
                request, _("Campaign created as a draft. Check its units, then open it.")
            )
            return redirect("assessments:campaign_units", campaign.pk)
    context = {"form": form, "creating": True, "time_zone": settings.TIME_ZONE}
    return render(request, "assessments/campaign_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_campaign(request.user, pk, access.CAMPAIGN_MANAGER_ROLES)
    initial = {"title": campaign.title, "groups_text": groups_as_text(campaign.groups)}
    form = ScheduleForm(request.POST or None, initial=initial | schedule_of(campaign))
    if request.method == "POST" and form.is_valid():
        fields = {"title": form.cleaned_data["title"], "groups": form.cleaned_data["groups_text"]}
        try:
            services.update_campaign(request.user, campaign, **fields, **form.schedule())
        except services.CampaignRefused as refused:
            form.show_problems(refused.problems)
        else:
            messages.success(request, _("Campaign saved."))
            return redirect("assessments:dashboard", campaign.pk)
    context = {"form": form, "campaign": campaign, "time_zone": settings.TIME_ZONE}
    return render(request, "assessments/campaign_form.html", context)


def _candidate_units(campaign):
    kinds = services.KIND_FAMILIES.get(campaign.framework.unit_kind, {campaign.framework.unit_kind})
    jurisdiction = campaign.jurisdiction
    return (
        Unit.objects.filter(path__startswith=jurisdiction.path, kind__in=kinds)
        .exclude(pk=jurisdiction.pk)
        .order_by("path", "code")
    )


@login_required
@require_http_methods(["GET", "POST"])
def campaign_units(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_campaign(request.user, pk, access.CAMPAIGN_MANAGER_ROLES)
    chosen = list(campaign.assessments.values_list("unit_id", flat=True))
    form = UnitsForm(
        request.POST or None, candidates=_candidate_units(campaign), initial={"units": chosen}
    )
    if request.method == "POST" and form.is_valid():
        try:
            change = services.set_campaign_units(request.user, campaign, form.cleaned_data["units"])
        except services.CampaignRefused as refused:
            for message in refused.problems.get("units", []):
                form.add_error("units", message)
        else:
            messages.success(
                request,
                _("Units saved: %(added)d added, %(removed)d taken out.")
                % {"added": len(change["added"]), "removed": len(change["removed"])},
            )
            return redirect("assessments:dashboard", campaign.pk)
    return render(request, "assessments/campaign_units.html", {"form": form, "campaign": campaign})


# Closing step 1 sends the notices and the council's approval writes the final layer: those two
# moves are made on the appraisal app's pages (docs/appraisal.md), never by a bare advance.
APPRAISAL_MOVES = {
    CampaignStatus.EXPLANATION: "appraisal:close_step1",
    CampaignStatus.APPROVED: "appraisal:council",
}


@login_required
@require_POST
def campaign_advance(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_campaign(request.user, pk, access.CAMPAIGN_MANAGER_ROLES)
    appraisal_page = APPRAISAL_MOVES.get(request.POST.get("status", ""))
    if appraisal_page:
        messages.info(request, _("This stage is reached from the appraisal pages."))
        return redirect(appraisal_page, campaign.pk)
    try:
        services.advance_campaign(
            request.user,
            campaign,
            request.POST.get("status", ""),
            reason=request.POST.get("reason", ""),
        )
    except (services.CampaignRefused, ValueError) as refused:
        messages.error(request, str(refused) or _("The campaign cannot move to that stage."))
    else:
        messages.success(request, _("The campaign has moved on."))
    return redirect("assessments:dashboard", campaign.pk)


def _table(request: HttpRequest, campaign) -> tuple[list, str, str]:
    status = request.GET.get("status", "")
    sort = request.GET.get("sort", "code")
    return sort_rows(filter_rows(dashboard_rows(campaign), status), sort), status, sort


NUMERIC_COLUMNS = frozenset({"progress", "total", "index"})


def _columns() -> list[tuple[str, str]]:
    return [
        ("code", _("Code")),
        ("name", _("Unit")),
        ("status", _("Status")),
        ("progress", _("Answered")),
        ("total", _("Self-score")),
        ("index", _("Index")),
        ("submitted", _("Submitted at")),
        ("late", _("Late")),
    ]


def _next_status(campaign) -> str | None:
    position = CAMPAIGN_FLOW.index(campaign.status)
    return CAMPAIGN_FLOW[position + 1] if position + 1 < len(CAMPAIGN_FLOW) else None


@login_required
@require_GET
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_campaign(request.user, pk)
    rows, status, sort = _table(request, campaign)
    next_status = _next_status(campaign)
    may_manage = access.may_manage_campaign(request.user, campaign)
    context = {
        "campaign": campaign,
        "rows": rows,
        "rows_html": rows_html(rows, may_manage),
        "status": status,
        "sort": sort,
        "statuses": [*AssessmentStatus.choices, (LATE_FILTER, _("Submitted late (any stage)"))],
        "schedule": [
            (campaign._meta.get_field(n).verbose_name, getattr(campaign, n))
            for n in SCHEDULE_FIELDS
        ],
        "can_manage": may_manage,
        "next_status": next_status and CampaignStatus(next_status),
        "appraisal_page": APPRAISAL_MOVES.get(next_status or ""),
        "columns": _columns(),
        "numeric": NUMERIC_COLUMNS,
    }
    if request.htmx:
        return render(request, "assessments/dashboard.html#table", context)
    return render(request, "assessments/dashboard.html", context)


@login_required
@require_GET
def dashboard_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    campaign = access.get_campaign(request.user, pk)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    rows, _status, _sort = _table(request, campaign)
    filename = f"campaign-{campaign.pk}-{campaign.year}"
    return table_response(fmt, filename, export_headers(), [export_row(row) for row in rows])
