"""Export pages: choose an output of a snapshot, watch its job, download the file. Thin:
access.py decides, services.py records and builds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_POST

from parindex.orgs.models import Unit
from parindex.reports import access
from parindex.reports.models import ExportJob, ExportKind
from parindex.reports.services import OUTPUTS, ExportRefused, start_export
from parindex.results.models import ResultSnapshot
from parindex.results.services import latest_snapshot

RECENT_JOBS = 10
CAMPAIGN_KINDS = [kind for kind in ExportKind if kind != ExportKind.SCORECARD]


def _snapshots(user, campaign) -> list[ResultSnapshot]:
    snapshots = ResultSnapshot.objects.filter(campaign=campaign).order_by("-taken_at", "-pk")
    if not access.may_read_reports(user, campaign):
        snapshots = snapshots.filter(published_at__isnull=False)
    return list(snapshots)


@login_required
@require_GET
def exports(request: HttpRequest, pk: int) -> HttpResponse:
    """The campaign's export page: the snapshot (the shown one by default), what to build."""
    campaign = access.get_campaign(request.user, pk)
    snapshots = _snapshots(request.user, campaign)
    chosen = request.GET.get("snapshot")
    if chosen:
        snapshot = next((s for s in snapshots if str(s.pk) == chosen), None)
        if snapshot is None:
            raise Http404
    elif access.may_read_reports(request.user, campaign):
        snapshot = latest_snapshot(campaign)
    else:
        snapshot = latest_snapshot(campaign, published_only=True)
    reader = access.may_read_reports(request.user, campaign)
    units = (
        list(Unit.objects.filter(pk__in=snapshot.units.values("unit_id")).order_by("name"))
        if snapshot and reader
        else access.own_units(request.user, campaign)
    )
    jobs = ExportJob.objects.filter(requested_by=request.user, snapshot=snapshot).select_related(
        "unit"
    )[:RECENT_JOBS]
    context = {
        "campaign": campaign,
        "snapshot": snapshot,
        "snapshots": snapshots,
        "kinds": CAMPAIGN_KINDS if reader else [],
        "units": units,
        "jobs": jobs,
    }
    return render(request, "reports/exports.html", context)


@login_required
@require_POST
def start(request: HttpRequest, pk: int) -> HttpResponse:
    snapshot = access.get_snapshot(request.user, pk)
    kind = request.POST.get("kind", "")
    if kind not in ExportKind.values:
        raise Http404
    unit = None
    if kind == ExportKind.SCORECARD:
        unit = Unit.objects.filter(pk=request.POST.get("unit") or 0).first()
    try:
        job = start_export(request.user, snapshot, kind, unit)
    except ExportRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("reports:exports", snapshot.campaign_id)
    return redirect("reports:job", job.pk)


@login_required
@require_GET
def job(request: HttpRequest, pk: int) -> HttpResponse:
    """The job's page; htmx polls it every second for the progress fragment while it runs."""
    export = access.get_job(request.user, pk)
    template = "reports/_job.html" if request.htmx else "reports/job.html"
    return render(request, template, {"job": export})


@login_required
@require_GET
def download(request: HttpRequest, pk: int) -> FileResponse:
    export = access.get_job(request.user, pk)
    if not export.done:
        raise Http404
    output = OUTPUTS[ExportKind(export.kind)]
    response = FileResponse(
        storages["default"].open(export.file.name, "rb"),
        as_attachment=True,
        filename=export.file_name,
        content_type=output.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_cache=True)
    return response
