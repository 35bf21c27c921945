"""The unit's explanation page: its step-1 notice, one form per changed criterion (htmx saves),
more evidence per criterion, and the head's submission."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.explanations import (
    cite_for_explanation,
    explanation_refusal,
    record_explanation,
    submit_explanations,
)
from parindex.appraisal.notices import latest_notice
from parindex.assessments.answer_widgets import Widget, build_widget, inputs_from_post
from parindex.assessments.criteria import criteria_for
from parindex.assessments.entries import EntryError, EntryRefused, RevisionConflict
from parindex.assessments.evidence_links import citations_by_node
from parindex.assessments.forms import CitationForm
from parindex.assessments.layers import current_entries
from parindex.assessments.models import Assessment, EvidenceCitation, Layer, ScoreEntry
from parindex.evidence.exceptions import CitationRefused
from parindex.evidence.services import citable_documents
from parindex.orgs import access


@dataclass
class ExplainedNode:
    item: dict  # the notice line: code, title, self_points, step1_points, reason, appraiser
    dom_id: str
    entry: ScoreEntry | None  # the current explanation
    widget: Widget
    citations: list[EvidenceCitation] = field(default_factory=list)
    error: str = ""
    typed_text: str | None = None  # what was typed, shown again after a refusal

    @property
    def base_revision(self) -> int:
        return self.entry.revision if self.entry else 0


def _nodes(assessment: Assessment, notice, only: str | None = None) -> list[ExplainedNode]:
    criteria = criteria_for(assessment.campaign.framework)
    layers = current_entries([assessment.pk], [Layer.SELF, Layer.EXPLANATION])
    by_layer = layers.get(assessment.pk, {})
    cited = citations_by_node([assessment.pk], [Layer.EXPLANATION]).get(assessment.pk, {})
    nodes = []
    for item in notice.items if notice else []:
        code = item["code"]
        if only and code != only:
            continue
        entry = by_layer.get(Layer.EXPLANATION, {}).get(code)
        start = entry or by_layer.get(Layer.SELF, {}).get(code)
        raw = criteria.raw_nodes[code]
        position = criteria.framework.by_code[code].position
        widget = build_widget(raw, start.inputs if start else None)
        nodes.append(ExplainedNode(item, f"x{position}", entry, widget, cited.get(code, [])))
    return nodes


def _context(request: HttpRequest, assessment: Assessment, nodes, notice) -> dict:
    refusal = explanation_refusal(assessment)
    may_explain = access.has_role(request.user, assessment.unit, access.EXPLANATION_ROLES)
    return {
        "assessment": assessment,
        "campaign": assessment.campaign,
        "notice": notice,
        "nodes": nodes,
        "refusal": refusal,
        "editable": may_explain and refusal is None,
        "may_submit": refusal is None
        and access.has_role(request.user, assessment.unit, access.EXPLANATION_SUBMIT_ROLES),
    }


@login_required
@require_GET
def explanations(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.COMPARISON_READER_ROLES)
    notice = latest_notice(assessment)
    nodes = _nodes(assessment, notice)
    return render(
        request, "appraisal/explanations.html", _context(request, assessment, nodes, notice)
    )


def _base_revision(request: HttpRequest) -> int:
    text = request.POST.get("base_revision", "0")
    if not text.isdigit():
        raise EntryRefused(_("The form was incomplete: reload the page and try again."))
    return int(text)


@login_required
@require_POST
def explain(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.EXPLANATION_ROLES)
    raw = criteria_for(assessment.campaign.framework).raw_nodes.get(code)
    if raw is None:
        raise Http404
    error, typed, conflict = "", None, False
    try:
        typed = inputs_from_post(raw, request.POST)
        record_explanation(
            request.user,
            assessment,
            code,
            typed,
            request.POST.get("text", ""),
            _base_revision(request),
            na_reason=request.POST.get("na_reason", ""),
        )
    except RevisionConflict as refused:
        error, typed, conflict = refused.message, None, True  # show what is saved now
    except (EntryError, AppraisalRefused) as refused:
        error = refused.message
    back = reverse("appraisal:explanations", args=[assessment.pk])
    if not request.htmx:
        (messages.error if error else messages.success)(request, error or _("Saved."))
        return redirect(back)
    notice = latest_notice(assessment)
    nodes = _nodes(assessment, notice, only=code)
    if not nodes:
        raise Http404
    node = nodes[0]
    if error:
        node.error = error
        if not conflict:
            node.typed_text = request.POST.get("text", "")
        if typed is not None:
            node.widget = build_widget(raw, typed)
    context = _context(request, assessment, nodes, notice) | {"x": node}
    return render(request, "appraisal/_explained.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cite(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.EXPLANATION_ROLES)
    notice = latest_notice(assessment)
    nodes = _nodes(assessment, notice, only=code)
    if not nodes:
        raise Http404
    form = CitationForm(
        request.POST or None, documents=citable_documents(request.user, assessment.unit)
    )
    back = reverse("appraisal:explanations", args=[assessment.pk]) + f"#{nodes[0].dom_id}"
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cite_for_explanation(request.user, assessment, code, data["document"], data["locator"])
        except (AppraisalRefused, EntryError, CitationRefused) as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Evidence cited for %(code)s.") % {"code": code})
            return redirect(back)
    context = {"assessment": assessment, "x": nodes[0], "form": form, "back": back}
    return render(request, "appraisal/cite.html", context)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.EXPLANATION_ROLES)
    if not access.has_role(request.user, assessment.unit, access.EXPLANATION_SUBMIT_ROLES):
        raise PermissionDenied
    try:
        submit_explanations(request.user, assessment)
    except AppraisalRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Explanations submitted."))
    return redirect("appraisal:explanations", assessment.pk)
