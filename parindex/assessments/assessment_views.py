"""The self-assessment page and its actions: save one node (htmx or plain POST), submit,
reopen, extend a deadline. Thin: access.py for who, entries/submission/services for what."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from parindex.assessments import services
from parindex.assessments.answer_widgets import inputs_from_post
from parindex.assessments.assessment_page import AssessmentPage, build_page, node_url
from parindex.assessments.criteria import criteria_for
from parindex.assessments.entries import (
    EntryError,
    EntryRefused,
    RevisionConflict,
    record_self_entry,
    self_entry_refusal,
)
from parindex.assessments.forms import ExtensionForm, ReasonForm
from parindex.assessments.leaf_text import page_labels
from parindex.assessments.models import Assessment
from parindex.assessments.schedule import due_for
from parindex.assessments.submission import (
    SubmissionBlocked,
    assessment_blockers,
    submit_assessment,
)
from parindex.orgs import access


def _leaves_context(request: HttpRequest, assessment: Assessment, page: AssessmentPage) -> dict:
    """What rendering leaves needs (a field's leaves, a saved node)."""
    editable = access.may_edit_self_assessment(request.user, assessment)
    refusal = self_entry_refusal(assessment)
    return {
        "assessment": assessment,
        "page": page,
        "labels": page_labels(),
        "refusal": refusal,
        "editable": editable and refusal is None,
        "may_edit": editable,
    }


def _page_context(request: HttpRequest, assessment: Assessment, page: AssessmentPage) -> dict:
    user, context = request.user, _leaves_context(request, assessment, page)
    return context | {
        "campaign": assessment.campaign,
        "due": due_for(assessment),
        "can_submit": access.may_submit_assessment(user, assessment) and not context["refusal"],
        "can_manage": access.may_manage_assessment(user, assessment),
    }


@login_required
@require_GET
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Every field's summary; the leaves of one field (?field=, else the first unfinished)."""
    assessment = access.get_assessment(request.user, pk)
    page = build_page(assessment)
    page.open_at(request.GET.get("field"))
    return render(request, "assessments/assessment.html", _page_context(request, assessment, page))


@login_required
@require_GET
def field_leaves(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """One field's leaves for its <details> as it opens (htmx), with its summary and the
    totals out of band (they may have changed since the page was loaded). Without htmx: the
    page with that field open."""
    assessment = access.get_assessment(request.user, pk)
    if not request.htmx:
        return redirect(node_url(assessment, code))
    page = build_page(assessment)
    field = page.by_code.get(code)
    if field is None or field.node.parent is not None:
        raise Http404
    page.open_field = field
    context = _leaves_context(request, assessment, page)
    return render(request, "assessments/_field_loaded.html", context)


def _saved_response(request, assessment: Assessment, code: str, error: EntryError | None):
    """The node's result (or, after a conflict, the whole node) plus out-of-band totals."""
    page = build_page(assessment)
    view = page.by_code[code]
    context = _leaves_context(request, assessment, page) | {
        "v": view,
        "ancestors": page.ancestors(code),
        "field": page.field_of(code),
    }
    if isinstance(error, RevisionConflict):
        view.message = error.message
        response = render(request, "assessments/_saved.html", context | {"whole_node": True})
        return reswap(retarget(response, f"#{view.dom_id}"), "outerHTML")
    if error is not None:
        view.error = error.message
    return render(request, "assessments/_saved.html", context)


def _base_revision(request: HttpRequest) -> int:
    text = request.POST.get("base_revision", "0")
    if not text.isdigit():
        raise EntryRefused(_("The form was incomplete: reload the page and try again."))
    return int(text)


@login_required
@require_POST
def save_node(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.SELF_ASSESSMENT_EDIT_ROLES)
    raw = criteria_for(assessment.campaign.framework).raw_nodes.get(code)
    if raw is None:
        raise Http404
    error: EntryError | None = None
    try:
        record_self_entry(
            request.user,
            assessment,
            code,
            inputs_from_post(raw, request.POST),
            request.POST.get("note", ""),
            _base_revision(request),
            na_reason=request.POST.get("na_reason", ""),
        )
    except EntryError as refused:
        error = refused
    if request.htmx:
        return _saved_response(request, assessment, code, error)
    if error is None:
        messages.success(request, _("%(code)s saved.") % {"code": code})
    else:
        prefix = _("%(code)s was not saved:") % {"code": code}
        messages.error(request, f"{prefix} {error.message}")
    return redirect(node_url(assessment, code))


@login_required
@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.SELF_ASSESSMENT_EDIT_ROLES)
    if request.method == "POST":
        try:
            done = submit_assessment(request.user, assessment)
        except SubmissionBlocked:
            messages.error(
                request, _("The assessment cannot be submitted yet: see the list below.")
            )
        except EntryError as refused:
            messages.error(request, refused.message)
        else:
            if done.late:
                messages.warning(request, _("Submitted after the deadline: recorded as late."))
            else:
                messages.success(request, _("Submitted. The self-assessment is now locked."))
            return redirect("assessments:assessment", assessment.pk)
    context = {
        "assessment": assessment,
        "blockers": [(b, node_url(assessment, b.code)) for b in assessment_blockers(assessment)],
        "refusal": self_entry_refusal(assessment),
        "may_submit": access.may_submit_assessment(request.user, assessment),
        "due": due_for(assessment),
    }
    return render(request, "assessments/submit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.CAMPAIGN_MANAGER_ROLES)
    if not access.may_manage_assessment(request.user, assessment):
        raise PermissionDenied
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reopen_assessment(request.user, assessment, form.cleaned_data["reason"])
        except services.CampaignRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Reopened: the unit can change its self-assessment again."))
            return redirect("assessments:assessment", assessment.pk)
    return render(request, "assessments/reopen.html", {"assessment": assessment, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def extend(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.CAMPAIGN_MANAGER_ROLES)
    if not access.may_manage_assessment(request.user, assessment):
        raise PermissionDenied
    form = ExtensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.extend_deadline(
                request.user, assessment, data["new_due"], data["reason"], deadline=data["deadline"]
            )
        except services.CampaignRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Deadline extended."))
            return redirect("assessments:dashboard", assessment.campaign_id)
    context = {"assessment": assessment, "form": form, "due": due_for(assessment)}
    return render(request, "assessments/extend.html", context)
