"""Closing step 1 (organiser), the council's table and approval, the per-unit comparison, and
reopening / re-approving one approved unit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from parindex.appraisal.comparison import compare_unit, council_table
from parindex.appraisal.council import approve_campaign, approve_unit, reopen_unit
from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.notices import close_step1, step1_summary
from parindex.assessments.forms import ReasonForm
from parindex.assessments.models import CampaignStatus
from parindex.orgs import access


@login_required
@require_http_methods(["GET", "POST"])
def close_step1_page(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_campaign(request.user, pk, access.APPRAISAL_MANAGER_ROLES)
    if request.method == "POST":
        try:
            notices = close_step1(request.user, campaign)
        except AppraisalRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("Step 1 closed: %(n)d notices sent.") % {"n": len(notices)})
            return redirect("appraisal:council", campaign.pk)
    summary = step1_summary(campaign)
    context = {
        "campaign": campaign,
        "summary": summary,
        "pending": sum(unit.pending for unit in summary),
        "can_close": campaign.status == CampaignStatus.APPRAISAL,
    }
    return render(request, "appraisal/close_step1.html", context)


@login_required
@require_GET
def council(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_campaign(request.user, pk)
    rows, missing = council_table(campaign)
    context = {
        "campaign": campaign,
        "rows": rows,
        "missing": missing,
        "may_approve": access.may_approve(request.user, campaign)
        and campaign.status == CampaignStatus.FINAL_APPRAISAL,
        "can_manage": access.may_manage_campaign(request.user, campaign),
    }
    return render(request, "appraisal/council.html", context)


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = access.get_campaign(request.user, pk)
    if not access.may_approve(request.user, campaign):
        raise PermissionDenied
    try:
        approve_campaign(request.user, campaign)
    except AppraisalRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Approved: the campaign's scores are final and locked."))
    return redirect("appraisal:council", campaign.pk)


@login_required
@require_GET
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.COMPARISON_READER_ROLES)
    user, campaign = request.user, assessment.campaign
    context = {
        "assessment": assessment,
        "campaign": campaign,
        "comparison": compare_unit(assessment),
        "can_reopen": access.may_manage_assessment(user, assessment)
        and campaign.status == CampaignStatus.APPROVED,
        "can_approve": access.may_approve(user, campaign)
        and campaign.status == CampaignStatus.APPROVED,
    }
    return render(request, "appraisal/compare.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.APPRAISAL_MANAGER_ROLES)
    if not access.may_manage_assessment(request.user, assessment):
        raise PermissionDenied
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reopen_unit(request.user, assessment, form.cleaned_data["reason"])
        except AppraisalRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Reopened: its appraisers can correct step 2."))
            return redirect("appraisal:compare", assessment.pk)
    return render(request, "appraisal/reopen.html", {"assessment": assessment, "form": form})


@login_required
@require_POST
def approve_one(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.COUNCIL_ROLES)
    try:
        approve_unit(request.user, assessment)
    except AppraisalRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Approved again."))
    return redirect("appraisal:compare", assessment.pk)
