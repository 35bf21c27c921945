"""Internal results pages: the campaign's ranking and charts, a unit's scorecard, the criterion
analysis. Thin: results/access.py decides who sees which snapshot, summary.py reads it,
charts.py turns it into charts; taking and publishing are in views_actions.py, the XLSX
downloads in views_charts.py."""

from dataclasses import replace
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from parindex.assessments.criteria import criteria_for
from parindex.orgs.models import UnitKind
from parindex.results import access, charts
from parindex.results.models import ResultSnapshot, UnitResult
from parindex.results.summary import (
    campaign_summary,
    criterion_losses,
    departments_of,
    unit_rows,
    unit_scorecard,
)

SORT_KEYS = {
    "rank": lambda r: r.rank,
    "code": lambda r: r.code,
    "name": lambda r: r.name,
    "kind": lambda r: r.kind,
    "total": lambda r: r.total,
    "index": lambda r: r.index,
    "group": lambda r: r.group or None,
    "change": lambda r: r.score_change,
    "rank_change": lambda r: r.rank_change,
}


def sort_rows(rows: list, sort: str) -> list:
    """`sort` is a key of SORT_KEYS, "-" in front for descending; rows without a value (no
    rank, no last year) come last either way; unknown keys keep the ranking order."""
    key = SORT_KEYS.get(sort.removeprefix("-"))
    if key is None:
        return rows
    having = [row for row in rows if key(row) is not None]
    lacking = [row for row in rows if key(row) is None]
    return sorted(having, key=key, reverse=sort.startswith("-")) + lacking


def filter_rows(rows: list, group: str, kind: str) -> list:
    return [
        row for row in rows if (not group or row.group == group) and (not kind or row.kind == kind)
    ]


def _snapshot_choices(campaign) -> list[ResultSnapshot]:
    """The campaign's snapshots for the picker, without their (large) stored summaries."""
    snapshots = ResultSnapshot.objects.filter(campaign=campaign).order_by("-taken_at", "-pk")
    return list(snapshots.only("pk", "campaign_id", "kind", "taken_at", "published_at"))


def _ranking_context(request: HttpRequest, campaign, snapshot) -> dict:
    rows = unit_rows(snapshot)
    group, kind = request.GET.get("group", ""), request.GET.get("kind", "")
    sort = request.GET.get("sort", "")
    present = {row.kind for row in rows}
    filters = {"snapshot": request.GET.get("snapshot", ""), "group": group, "kind": kind}
    return {
        "rows": sort_rows(filter_rows(rows, group, kind), sort),
        "all_units": len(rows),
        "group": group,
        "kind": kind,
        "sort": sort,
        "kinds": [(value, label) for value, label in UnitKind.choices if value in present],
        "filter_query": urlencode({k: v for k, v in filters.items() if v}),
        "sort_url": reverse("results:campaign", args=[campaign.pk]),
        "scorecard_url": "results:scorecard",
        "xlsx_url": reverse("results:ranking_xlsx", args=[campaign.pk]),
    }


def _download(campaign, snapshot, name: str, *args) -> str:
    return f"{reverse(name, args=[campaign.pk, *args])}?snapshot={snapshot.pk}"


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Where results are: the campaigns the user reads, the criterion analyses of department
    owners, a unit's own published scorecards."""
    user = request.user
    context = {
        "campaigns": access.results_campaigns(user).select_related("jurisdiction"),
        "analyses": access.criteria_campaigns(user)
        .exclude(pk__in=access.results_campaigns(user).values("pk"))
        .select_related("jurisdiction"),
        "own": access.own_published_results(user).select_related("campaign", "unit"),
    }
    return render(request, "results/index.html", context)


@login_required
@require_GET
def campaign_results(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_results_campaign(request.user, pk)
    snapshot = access.get_snapshot(campaign, request.GET.get("snapshot"))
    context = {
        "campaign": campaign,
        "snapshot": snapshot,
        "snapshots": _snapshot_choices(campaign),
        "can_manage": access.may_manage_results(request.user, campaign),
    }
    if snapshot is not None:
        snapshot.campaign = campaign  # already read with its jurisdiction
        summary = campaign_summary(snapshot)
        context |= _ranking_context(request, campaign, snapshot) | {
            "summary": summary,
            "groups_chart": charts.groups_chart(summary),
            "fields_chart": charts.fields_chart(summary),
            "groups_xlsx_url": _download(campaign, snapshot, "results:groups_xlsx"),
            "fields_xlsx_url": _download(campaign, snapshot, "results:fields_xlsx"),
        }
        if request.htmx:
            return render(request, "results/_ranking_table.html", context)
    return render(request, "results/campaign.html", context)


@login_required
@require_GET
def scorecard(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    campaign, unit, snapshot = access.get_scorecard(
        request.user, pk, code, request.GET.get("snapshot")
    )
    reader = access.may_read_results(request.user, campaign)
    context = {"campaign": campaign, "unit": unit, "snapshot": snapshot, "card": None}
    if reader:
        context["snapshots"] = _snapshot_choices(campaign)
    if snapshot is not None:
        snapshot.campaign = campaign
        try:
            card = unit_scorecard(snapshot, unit)
        except UnitResult.DoesNotExist:
            card = None
        if card is not None:
            context |= {
                "card": card,
                "radar": charts.radar_chart(card),
                "radar_xlsx_url": _download(campaign, snapshot, "results:radar_xlsx", unit.code),
            }
    context["is_reader"] = reader
    return render(request, "results/scorecard.html", context)


LEVELS = {
    "leaves": lambda loss: loss.is_leaf,
    "criteria": lambda loss: loss.depth == 1,
    "fields": lambda loss: loss.depth == 0,
}


def _owner(framework, code: str) -> str:
    node = framework.node(code)
    while node is not None and not node.department:
        node = framework.node(node.parent) if node.parent else None
    return node.department if node is not None else ""


def losses_with_owners(snapshot) -> list:
    """summary.criterion_losses, where a criterion without a department of its own belongs to
    its nearest ancestor's — as the appraisal assignments and the remediation pages read the
    tree (a set often names the department on the field only)."""
    framework = criteria_for(snapshot.framework).framework
    names = departments_of(snapshot)
    rows = []
    for loss in criterion_losses(snapshot):
        code = loss.department_code or _owner(framework, loss.code)
        rows.append(replace(loss, department_code=code, department_name=names.get(code, code)))
    return rows


def filter_losses(losses: list, level: str, department: str) -> list:
    """`level`: "leaves" (the scored items, default), "criteria" (second level), "fields"."""
    wanted = LEVELS.get(level, LEVELS["leaves"])
    return [
        loss
        for loss in losses
        if wanted(loss) and (not department or loss.department_code == department)
    ]


@login_required
@require_GET
def criteria(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_criteria_campaign(request.user, pk)
    snapshot = access.get_snapshot(campaign, request.GET.get("snapshot"))
    context = {
        "campaign": campaign,
        "snapshot": snapshot,
        "snapshots": _snapshot_choices(campaign),
        "is_reader": access.may_read_results(request.user, campaign),
    }
    if snapshot is not None:
        snapshot.campaign = campaign
        losses = losses_with_owners(snapshot)
        level = request.GET.get("level", "leaves")
        department = request.GET.get("department", "")
        shown = filter_losses(losses, level, department)
        departments = {loss.department_code: loss.department_name for loss in losses}
        departments.pop("", None)
        context |= {
            "losses": shown,
            "chart": charts.criteria_chart(shown),
            "level": level,
            "department": department,
            "departments": sorted(departments.items()),
            "xlsx_url": _download(campaign, snapshot, "results:criteria_xlsx")
            + "&"
            + urlencode({"level": level, "department": department}),
        }
    return render(request, "results/criteria.html", context)
