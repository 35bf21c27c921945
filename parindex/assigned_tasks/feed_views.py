"""Choosing the criterion a campaign's registers feed, and recording it for one unit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parindex.assessments.entries import EntryError
from parindex.assessments.templatetags.assessments_tags import points as points_text
from parindex.assigned_tasks import access
from parindex.assigned_tasks.feed import fill_from_register, ratio_leaves, set_feed
from parindex.assigned_tasks.forms import FeedForm
from parindex.assigned_tasks.models import RegisterFeed
from parindex.orgs import access as org_access

MAX_FEED_CAMPAIGNS = 20


@login_required
def feeds(request: HttpRequest) -> HttpResponse:
    """The organiser's campaigns, each with its register-fed criterion and a form to change it."""
    campaigns = list(
        access.feed_campaigns(request.user)
        .select_related("framework", "jurisdiction", "register_feed")
        .order_by("-year", "-pk")[:MAX_FEED_CAMPAIGNS]
    )
    if not campaigns and not org_access.is_organiser_anywhere(request.user):
        raise PermissionDenied
    rows = []
    for campaign in campaigns:
        feed = getattr(campaign, "register_feed", None)
        form = FeedForm(
            initial={"node_code": feed.node_code if feed else ""},
            leaves=ratio_leaves(campaign),
            prefix=f"c{campaign.pk}",
        )
        rows.append((campaign, feed, form))
    return render(request, "assigned_tasks/feeds.html", {"rows": rows})


@login_required
@require_POST
def feed_set(request: HttpRequest, campaign_pk: int) -> HttpResponse:
    campaign = org_access.get_campaign(request.user, campaign_pk, access.FEED_MANAGER_ROLES)
    form = FeedForm(request.POST, leaves=ratio_leaves(campaign), prefix=f"c{campaign.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose a criterion of the list."))
        return redirect("assigned_tasks:feeds")
    try:
        set_feed(request.user, campaign, form.cleaned_data["node_code"])
    except EntryError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Saved: %(title)s.") % {"title": campaign.title})
    return redirect("assigned_tasks:feeds")


def _base_revision(request: HttpRequest) -> int | None:
    text = request.POST.get("base_revision", "")
    return int(text) if text.isdigit() else None


@login_required
@require_POST
def fill(request: HttpRequest, unit_pk: int, assessment_pk: int) -> HttpResponse:
    unit = access.get_register_unit(request.user, unit_pk, edit=True)
    assessment = org_access.get_assessment(
        request.user, assessment_pk, org_access.SELF_ASSESSMENT_EDIT_ROLES
    )
    feed = RegisterFeed.objects.filter(campaign_id=assessment.campaign_id).first()
    if assessment.unit_id != unit.pk or feed is None:
        raise Http404
    try:
        entry = fill_from_register(
            request.user, assessment, feed.node_code, base_revision=_base_revision(request)
        )
    except EntryError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(code)s recorded from the register: %(points)s points.")
            % {"code": entry.node_code, "points": points_text(entry.points)},
        )
    return redirect("assigned_tasks:register", unit.pk)
