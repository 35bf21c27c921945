"""XLSX downloads: the data of each chart and the two tables of the results pages, for the
snapshot the page showed (?snapshot=, else the default one) and with the page's filters.
Who may download is who may read the page (results/access.py)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from parindex.results import access, charts
from parindex.results.models import UnitResult
from parindex.results.summary import (
    campaign_summary,
    unit_rows,
    unit_scorecard,
)
from parindex.results.views import filter_losses, filter_rows, losses_with_owners, sort_rows


def _snapshot(request: HttpRequest, campaign):
    snapshot = access.get_snapshot(campaign, request.GET.get("snapshot"))
    if snapshot is None:
        raise Http404
    snapshot.campaign = campaign
    return snapshot


def _name(campaign, snapshot, what: str) -> str:
    return f"results-{campaign.pk}-{campaign.year}-{snapshot.kind}-{snapshot.pk}-{what}"


@login_required
@require_GET
def ranking_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_results_campaign(request.user, pk)
    snapshot = _snapshot(request, campaign)
    rows = filter_rows(
        unit_rows(snapshot), request.GET.get("group", ""), request.GET.get("kind", "")
    )
    headers, table = charts.ranking_table(sort_rows(rows, request.GET.get("sort", "")))
    return charts.xlsx_response(
        headers, table, campaign.title, _name(campaign, snapshot, "ranking")
    )


@login_required
@require_GET
def groups_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_results_campaign(request.user, pk)
    snapshot = _snapshot(request, campaign)
    chart = charts.groups_chart(campaign_summary(snapshot))
    return charts.chart_xlsx_response(chart, _name(campaign, snapshot, "groups"))


@login_required
@require_GET
def fields_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_results_campaign(request.user, pk)
    snapshot = _snapshot(request, campaign)
    chart = charts.fields_chart(campaign_summary(snapshot))
    return charts.chart_xlsx_response(chart, _name(campaign, snapshot, "fields"))


@login_required
@require_GET
def criteria_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """Every criterion of the page's level and department, not only the chart's costliest."""
    campaign = access.get_criteria_campaign(request.user, pk)
    snapshot = _snapshot(request, campaign)
    losses = filter_losses(
        losses_with_owners(snapshot),
        request.GET.get("level", "leaves"),
        request.GET.get("department", ""),
    )
    headers, table = charts.losses_table(losses)
    return charts.xlsx_response(
        headers, table, campaign.title, _name(campaign, snapshot, "criteria")
    )


@login_required
@require_GET
def radar_xlsx(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    campaign, unit, snapshot = access.get_scorecard(
        request.user, pk, code, request.GET.get("snapshot")
    )
    if snapshot is None:
        raise Http404
    snapshot.campaign = campaign
    try:
        card = unit_scorecard(snapshot, unit)
    except UnitResult.DoesNotExist:
        raise Http404 from None
    chart = charts.radar_chart(card)
    return charts.chart_xlsx_response(chart, _name(campaign, snapshot, f"radar-{unit.pk}"))
