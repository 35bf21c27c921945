"""The appraiser's queue and the per-row save (htmx, or a plain POST without JavaScript)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.queue import STATUS_FILTERS, build_queue, build_row
from parindex.assessments.answer_widgets import build_widget, inputs_from_post
from parindex.assessments.criteria import criteria_for
from parindex.assessments.entries import EntryError, EntryRefused, RevisionConflict
from parindex.orgs import access

ROWS_PER_PAGE = 100


def _filters(request: HttpRequest) -> dict:
    unit = request.GET.get("unit", "")
    status = request.GET.get("status", "")
    return {
        "unit_id": int(unit) if unit.isdigit() else None,
        "field_code": request.GET.get("field", ""),
        "status": status if status in STATUS_FILTERS else "",
    }


@login_required
@require_GET
def queue(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_campaign(request.user, pk, access.APPRAISER_ROLES)
    filters = _filters(request)
    found = build_queue(request.user, campaign, **filters)
    page = Paginator(found.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "campaign": campaign,
        "queue": found,
        "page": page,
        "filters": filters,
        "statuses": [
            ("pending", _("pending")),
            ("accepted", _("accepted")),
            ("changed", _("changed")),
        ],
        "query": query.urlencode(),
    }
    return render(request, "appraisal/queue.html", context)


def _base_revision(request: HttpRequest) -> int:
    text = request.POST.get("base_revision", "0")
    if not text.isdigit():
        raise EntryRefused(_("The form was incomplete: reload the page and try again."))
    return int(text)


@login_required
@require_POST
def appraise(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    assessment = access.get_appraised_node(request.user, pk, code)
    raw = criteria_for(assessment.campaign.framework).raw_nodes.get(code)
    if raw is None:
        raise Http404
    error, typed = "", None
    try:
        typed = inputs_from_post(raw, request.POST)
        appraise_node(
            request.user,
            assessment,
            code,
            typed,
            request.POST.get("reason", ""),
            _base_revision(request),
            accept=request.POST.get("action") == "accept",
            na_reason=request.POST.get("na_reason", ""),
        )
    except RevisionConflict as conflict:
        error, typed = conflict.message, None  # show what is saved now, not what was typed
    except (EntryError, AppraisalRefused) as refused:
        error = refused.message
    if not request.htmx:
        (messages.error if error else messages.success)(request, error or _("Saved."))
        return redirect(reverse("appraisal:queue", args=[assessment.campaign_id]))
    row = build_row(request.user, assessment, code)
    if error:
        row.error = error
        if typed is not None:
            row.widget = build_widget(raw, typed)
    return render(
        request,
        "appraisal/_row.html",
        {"row": row, "reason": request.POST.get("reason", "") if error else "", "saved": not error},
    )
