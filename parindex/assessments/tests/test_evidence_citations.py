"""Citing the unit's evidence documents for a node: a cited node needs no explanation;
another unit's document, a reader, or a locked self layer are refused; withdrawing keeps the
row and brings the requirement back. Every change is audited."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from parindex.assessments.entries import EntryRefused, record_self_entry
from parindex.assessments.evidence_links import (
    cite_evidence,
    nodes_with_evidence,
    withdraw_citation,
)
from parindex.assessments.models import EvidenceCitation
from parindex.assessments.submission import assessment_blockers, submit_assessment
from parindex.assessments.tests.factories import answer_everything
from parindex.audit.models import AuditEntry
from parindex.evidence.exceptions import CitationRefused
from parindex.evidence.models import EvidenceDocument, EvidenceFile


def _document(unit, title: str = "Kế hoạch CCHC năm 2022") -> EvidenceDocument:
    digest = hashlib.sha256(f"{unit.pk}{title}".encode()).hexdigest()
    blob = EvidenceFile.objects.create(sha256=digest, size=10, content_type="application/pdf")
    return EvidenceDocument.objects.create(
        unit=unit, file=blob, original_name="ke-hoach.pdf", title=title, number="12/KH-UBND"
    )


def test_a_cited_node_needs_no_explanation(reporter, commune, assessment):
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    assert "1.1" in {b.code for b in assessment_blockers(assessment) if b.kind != "missing"}

    citation = cite_evidence(reporter, assessment, "1.1", _document(commune), "trang 2, mục II")

    assert citation.locator == "trang 2, mục II"
    assert nodes_with_evidence(assessment.pk) == {"1.1"}
    assert "1.1" not in {b.code for b in assessment_blockers(assessment)}
    audit = AuditEntry.objects.get(action="assessment.evidence_cited")
    assert audit.data["sha256"] == citation.document.file.sha256


def test_another_units_document_cannot_be_cited(reporter, other_commune, assessment):
    with pytest.raises(CitationRefused):
        cite_evidence(reporter, assessment, "1.1", _document(other_commune))
    assert not EvidenceCitation.objects.exists()


def test_readers_cannot_cite_in_the_units_self_assessment(organiser, commune, assessment):
    with pytest.raises(PermissionDenied):
        cite_evidence(organiser, assessment, "1.1", _document(commune))


def test_after_submission_no_citation_changes(reporter, head, commune, assessment):
    document = _document(commune)
    citation = cite_evidence(reporter, assessment, "1.1", document)
    answer_everything(reporter, assessment)
    submit_assessment(head, assessment)
    with pytest.raises(EntryRefused):
        cite_evidence(reporter, assessment, "1.2", document)
    with pytest.raises(EntryRefused):
        withdraw_citation(reporter, citation)


def test_withdrawing_keeps_the_row_and_the_requirement_returns(reporter, commune, assessment):
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    citation = cite_evidence(reporter, assessment, "1.1", _document(commune))
    withdraw_citation(reporter, citation)

    citation.refresh_from_db()
    assert citation.withdrawn_at is not None and citation.withdrawn_by == reporter
    assert nodes_with_evidence(assessment.pk) == set()
    assert "1.1" in {b.code for b in assessment_blockers(assessment)}
    assert AuditEntry.objects.filter(action="assessment.evidence_withdrawn").count() == 1


def test_the_cite_page_links_a_document_and_the_node_shows_it(
    client_for, reporter, commune, assessment
):
    document = _document(commune)
    client = client_for(reporter)
    url = reverse("assessments:cite", args=[assessment.pk, "1.2"])
    response = client.post(url, {"document": document.pk, "locator": "trang 1"})

    assert response.status_code == 302 and response["Location"].endswith("#n2")
    page = client.get(reverse("assessments:assessment", args=[assessment.pk])).content.decode()
    assert "12/KH-UBND Kế hoạch CCHC năm 2022</a> — trang 1" in page


def test_the_cite_page_offers_only_the_units_own_documents(
    client_for, reporter, commune, other_commune, assessment
):
    _document(commune, "Của xã mình")
    _document(other_commune, "Của xã khác")
    url = reverse("assessments:cite", args=[assessment.pk, "1.2"])
    html = client_for(reporter).get(url).content.decode()
    assert "Của xã mình" in html and "Của xã khác" not in html
