"""The organiser's assignment page: the tree with each node's department and appraisers, one
button to assign by department, a form to assign one node by hand, and withdrawals."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.forms import AssignForm
from parindex.appraisal.models import Assignment
from parindex.appraisal.services import (
    active_assignments,
    assign,
    assign_by_department,
    withdraw_assignment,
)
from parindex.assessments.criteria import criteria_for
from parindex.frameworks.models import FrameworkNode
from parindex.orgs import access
from parindex.scoring import Node


@dataclass
class NodeLine:
    node: Node
    department: str
    assignments: list[Assignment]


def _lines(campaign) -> list[NodeLine]:
    criteria = criteria_for(campaign.framework)
    departments = dict(
        FrameworkNode.objects.filter(
            version=campaign.framework, department__isnull=False
        ).values_list("code", "department__name")
    )
    by_node: dict[str, list[Assignment]] = {}
    for assignment in active_assignments(campaign):
        by_node.setdefault(assignment.node_code, []).append(assignment)
    return [
        NodeLine(node, departments.get(node.code, ""), by_node.get(node.code, []))
        for node in criteria.framework.nodes
    ]


@login_required
@require_http_methods(["GET", "POST"])
def assignments(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_campaign(request.user, pk, access.APPRAISAL_MANAGER_ROLES)
    appraisers = list(access.campaign_appraisers(campaign))
    form = AssignForm(
        request.POST or None, criteria=criteria_for(campaign.framework), appraisers=appraisers
    )
    if request.method == "POST" and form.is_valid():
        appraiser = get_object_or_404(get_user_model(), pk=form.cleaned_data["appraiser"])
        try:
            done = assign(request.user, campaign, appraiser, form.cleaned_data["node"])
        except AppraisalRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Assigned.") if done else _("Already assigned."))
            return redirect("appraisal:assignments", campaign.pk)
    context = {
        "campaign": campaign,
        "lines": _lines(campaign),
        "form": form,
        "appraisers": appraisers,
    }
    return render(request, "appraisal/assignments.html", context)


@login_required
@require_POST
def by_department(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_campaign(request.user, pk, access.APPRAISAL_MANAGER_ROLES)
    try:
        created = assign_by_department(request.user, campaign)
    except AppraisalRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("%(n)d assignments made by department.") % {"n": len(created)})
    return redirect("appraisal:assignments", campaign.pk)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_object_or_404(Assignment.objects.select_related("appraiser"), pk=pk)
    campaign = access.get_campaign(
        request.user, assignment.campaign_id, access.APPRAISAL_MANAGER_ROLES
    )
    assignment.campaign = campaign
    try:
        withdraw_assignment(request.user, assignment)
    except AppraisalRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Assignment withdrawn."))
    return redirect("appraisal:assignments", campaign.pk)
