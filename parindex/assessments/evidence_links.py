"""Citing evidence documents for a node: the link between the evidence library and scoring.

The evidence app decides who may cite which document and cleans the page/section text
(`evidence.services.check_citation`); this module keeps the links. "Has evidence" for the
submission rule means: at least one citation not withdrawn in the layer.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.assessments.criteria import criteria_for
from parindex.assessments.entries import EntryRefused, self_entry_refusal
from parindex.assessments.models import Assessment, EvidenceCitation, Layer
from parindex.audit.services import log_action
from parindex.evidence.models import EvidenceDocument
from parindex.evidence.services import check_citation
from parindex.orgs import access


def nodes_with_evidence(assessment_id: int, layer: str = Layer.SELF) -> set[str]:
    """Codes of the nodes with at least one citation in force (one query)."""
    return set(
        EvidenceCitation.objects.filter(
            assessment_id=assessment_id, layer=layer, withdrawn_at__isnull=True
        ).values_list("node_code", flat=True)
    )


def citations_by_node(
    assessment_ids: Iterable[int], layers: Iterable[str] = (Layer.SELF,)
) -> dict[int, dict[str, list[EvidenceCitation]]]:
    """{assessment_id: {node_code: [citations in force]}} with their documents (one query)."""
    found: dict[int, dict[str, list[EvidenceCitation]]] = {}
    query = EvidenceCitation.objects.filter(
        assessment_id__in=list(assessment_ids), layer__in=list(layers), withdrawn_at__isnull=True
    ).select_related("document")
    for citation in query:
        found.setdefault(citation.assessment_id, {}).setdefault(citation.node_code, []).append(
            citation
        )
    return found


def _refuse_if_self_layer_closed(actor, assessment: Assessment, layer: str) -> None:
    if layer != Layer.SELF:
        return  # the appraisal services check the explanation window themselves
    if not access.may_edit_self_assessment(actor, assessment):
        raise PermissionDenied
    fresh = Assessment.objects.select_for_update().select_related("campaign").get(pk=assessment.pk)
    refusal = self_entry_refusal(fresh)
    if refusal:
        raise EntryRefused(refusal)


def _refuse_unless_leaf(assessment: Assessment, node_code: str) -> None:
    node = criteria_for(assessment.campaign.framework).framework.by_code.get(node_code)
    if node is None or node.rule is None:
        raise EntryRefused(
            _("%(code)s is not a scored criterion of this set.") % {"code": node_code}
        )


@transaction.atomic
def cite_evidence(
    actor,
    assessment: Assessment,
    node_code: str,
    document: EvidenceDocument,
    locator: str = "",
    *,
    layer: str = Layer.SELF,
) -> EvidenceCitation:
    """Cite `document` (page/section `locator`) for a node of the self layer (or `layer`).

    PermissionDenied / CitationRefused from the evidence app; EntryRefused when the self layer is
    closed or the node is not a leaf. Citing the same document twice keeps the first citation.
    """
    locator = check_citation(actor, document, assessment.unit, locator)
    _refuse_unless_leaf(assessment, node_code)
    _refuse_if_self_layer_closed(actor, assessment, layer)
    citation, created = EvidenceCitation.objects.get_or_create(
        assessment=assessment,
        node_code=node_code,
        layer=layer,
        document=document,
        withdrawn_at=None,
        defaults={"locator": locator, "cited_by": actor},
    )
    if created:
        data = {
            "node": node_code,
            "layer": layer,
            "document": document.pk,
            "sha256": document.file.sha256,
            "locator": locator,
        }
        log_action(actor, "assessment.evidence_cited", assessment, unit=assessment.unit, data=data)
    return citation


@transaction.atomic
def withdraw_citation(actor, citation: EvidenceCitation) -> EvidenceCitation:
    """Take a citation back (the row stays, marked withdrawn); same checks as citing."""
    assessment = citation.assessment
    check_citation(actor, citation.document, assessment.unit, citation.locator)
    _refuse_if_self_layer_closed(actor, assessment, citation.layer)
    if citation.withdrawn_at is None:
        citation.withdrawn_at, citation.withdrawn_by = timezone.now(), actor
        citation.save(update_fields=["withdrawn_at", "withdrawn_by"])
        data = {
            "node": citation.node_code,
            "layer": citation.layer,
            "document": citation.document_id,
        }
        log_action(
            actor, "assessment.evidence_withdrawn", assessment, unit=assessment.unit, data=data
        )
    return citation
