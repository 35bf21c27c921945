"""The appraisal start page (what each role has to do) and the per-node history."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from parindex.assessments.criteria import criteria_for
from parindex.assessments.layers import node_history
from parindex.assessments.models import Campaign, CampaignStatus
from parindex.orgs import access


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    read = access.campaigns_for(user).exclude(status=CampaignStatus.DRAFT)
    appraised = Campaign.objects.filter(
        assignments__appraiser=user, assignments__withdrawn_at__isnull=True
    ).distinct()
    context = {
        "campaigns": read.select_related("jurisdiction"),
        "organised": set(
            access.campaigns_for(user)
            .filter(jurisdiction__in=access.organised_units(user))
            .values_list("pk", flat=True)
        ),
        "appraised": appraised.select_related("jurisdiction"),
        "notices": access.notices_for(user).select_related(
            "assessment__unit", "assessment__campaign"
        ),
    }
    return render(request, "appraisal/index.html", context)


@login_required
@require_GET
def history(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    assessment = access.get_node_history(request.user, pk, code)
    node = criteria_for(assessment.campaign.framework).framework.by_code.get(code)
    if node is None or node.rule is None:
        raise Http404
    context = {
        "assessment": assessment,
        "node": node,
        "entries": node_history(assessment.pk, code),
    }
    return render(request, "appraisal/history.html", context)
