"""The organisers' actions on results: take a provisional or final snapshot, publish.

The work and its refusals are the results services' (services.py); these views only ask,
show the refusal message as it is, and go back to the results page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from parindex.results import access, services
from parindex.results.models import SnapshotKind

TAKERS = {
    SnapshotKind.PROVISIONAL: services.take_provisional,
    SnapshotKind.FINAL: services.take_final,
}


@login_required
@require_POST
def take(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    campaign = access.get_managed_campaign(request.user, pk)
    taker = TAKERS.get(kind)
    if taker is None:
        raise Http404
    try:
        snapshot = taker(request.user, campaign)
    except services.SnapshotRefused as refused:
        messages.error(request, refused.message)
        return redirect("results:campaign", campaign.pk)
    messages.success(
        request,
        _("%(kind)s snapshot taken: %(units)d units.")
        % {"kind": snapshot.get_kind_display(), "units": snapshot.units.count()},
    )
    return redirect(f"{_results_url(campaign)}?snapshot={snapshot.pk}")


def _results_url(campaign) -> str:
    return reverse("results:campaign", args=[campaign.pk])


@login_required
@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page naming what will be published; the POST needs a reason (the
    publication decision), which the audit trail keeps."""
    campaign = access.get_managed_campaign(request.user, pk)
    reason = request.POST.get("reason", "").strip()
    error = ""
    if request.method == "POST":
        if not reason:
            error = _("Give the publication decision or the reason for publishing.")
        else:
            try:
                snapshot = services.publish(request.user, campaign, reason)
            except services.SnapshotRefused as refused:
                messages.error(request, refused.message)
                return redirect("results:campaign", campaign.pk)
            messages.success(request, _("Results published."))
            return redirect(f"{_results_url(campaign)}?snapshot={snapshot.pk}")
    context = {
        "campaign": campaign,
        "current": services.current_final(campaign),
        "reason": reason,
        "error": error,
    }
    return render(request, "results/publish.html", context, status=400 if error else 200)
