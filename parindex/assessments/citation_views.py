"""Citing a document of the unit's evidence library for one node, and withdrawing a citation.

A page of its own per node (not a picker repeated on every node of the tree), so the
self-assessment page stays small and this works without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from parindex.assessments.assessment_page import node_url
from parindex.assessments.criteria import criteria_for
from parindex.assessments.entries import EntryError
from parindex.assessments.evidence_links import citations_by_node, cite_evidence, withdraw_citation
from parindex.assessments.forms import CitationForm
from parindex.assessments.models import EvidenceCitation
from parindex.evidence.exceptions import CitationRefused
from parindex.evidence.services import citable_documents
from parindex.orgs import access


@login_required
@require_http_methods(["GET", "POST"])
def cite(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    assessment = access.get_assessment(request.user, pk, access.SELF_ASSESSMENT_EDIT_ROLES)
    node = criteria_for(assessment.campaign.framework).framework.by_code.get(code)
    if node is None or node.rule is None:
        raise Http404
    form = CitationForm(
        request.POST or None, documents=citable_documents(request.user, assessment.unit)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cite_evidence(request.user, assessment, code, data["document"], data["locator"])
        except (EntryError, CitationRefused) as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Evidence cited for %(code)s.") % {"code": code})
            return redirect(node_url(assessment, code))
    context = {
        "assessment": assessment,
        "node": node,
        "form": form,
        "citations": citations_by_node([assessment.pk]).get(assessment.pk, {}).get(code, []),
        "back": node_url(assessment, code),
    }
    return render(request, "assessments/cite.html", context)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    citation = get_object_or_404(
        EvidenceCitation.objects.select_related("document", "assessment__campaign__framework"),
        pk=pk,
    )
    assessment = access.get_assessment(
        request.user, citation.assessment_id, access.SELF_ASSESSMENT_EDIT_ROLES
    )
    citation.assessment = assessment
    try:
        withdraw_citation(request.user, citation)
    except (EntryError, CitationRefused) as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Citation withdrawn."))
    return redirect(node_url(assessment, citation.node_code))
