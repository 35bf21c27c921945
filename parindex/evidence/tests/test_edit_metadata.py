"""Metadata edits: NFC, audited with old and new values, never silently over another's edit."""

import datetime

import pytest
from django.urls import reverse

from parindex.audit.models import AuditEntry
from parindex.evidence.exceptions import EditConflict
from parindex.evidence.services import EvidenceMetadata, edit_metadata


def _form(document, **changes):
    data = {
        "number": document.number,
        "issued_on": document.issued_on.isoformat() if document.issued_on else "",
        "issuing_body": document.issuing_body,
        "title": document.title,
        "notes": document.notes,
        "version": document.version,
    }
    data.update(changes)
    return data


def test_edit_is_saved_nfc_and_audited_with_old_and_new(client_for, head, commune_pdf):
    url = reverse("evidence:edit", args=[commune_pdf.pk])

    response = client_for(head).post(
        url, _form(commune_pdf, number="125/QĐ-UBND", title="Quye\u0302\u0301t đi\u0323nh")
    )

    assert response.status_code == 302
    commune_pdf.refresh_from_db()
    assert commune_pdf.title == "Quyết định"
    assert commune_pdf.number == "125/QĐ-UBND"
    assert commune_pdf.version == 2
    entry = AuditEntry.objects.get(action="evidence.metadata_changed")
    assert entry.actor == head
    assert entry.unit == commune_pdf.unit
    assert entry.data["changes"] == {
        "number": ["", "125/QĐ-UBND"],
        "title": ["Kế hoạch CCHC năm 2022", "Quyết định"],
    }


def test_date_change_is_recorded_as_iso_text(reporter, commune_pdf):
    edit_metadata(
        actor=reporter,
        document=commune_pdf,
        metadata=EvidenceMetadata(title=commune_pdf.title, issued_on=datetime.date(2022, 12, 10)),
        expected_version=1,
    )

    entry = AuditEntry.objects.get(action="evidence.metadata_changed")
    assert entry.data["changes"] == {"issued_on": ["", "2022-12-10"]}


def test_saving_unchanged_values_records_nothing(client_for, reporter, commune_pdf):
    client_for(reporter).post(reverse("evidence:edit", args=[commune_pdf.pk]), _form(commune_pdf))

    commune_pdf.refresh_from_db()
    assert commune_pdf.version == 1
    assert not AuditEntry.objects.filter(action="evidence.metadata_changed").exists()


def test_stale_version_is_refused_and_nothing_saved(reporter, head, commune_pdf):
    edit_metadata(
        actor=head,
        document=commune_pdf,
        metadata=EvidenceMetadata(title="Bản của chủ tịch"),
        expected_version=1,
    )

    with pytest.raises(EditConflict):
        edit_metadata(
            actor=reporter,
            document=commune_pdf,
            metadata=EvidenceMetadata(title="Bản của cán bộ"),
            expected_version=1,
        )

    commune_pdf.refresh_from_db()
    assert commune_pdf.title == "Bản của chủ tịch"
    assert AuditEntry.objects.filter(action="evidence.metadata_changed").count() == 1


def test_conflict_page_keeps_typed_values_and_shows_saved_ones(
    client_for, reporter, head, commune_pdf
):
    stale_form = _form(commune_pdf, title="Bản của cán bộ")
    edit_metadata(
        actor=head,
        document=commune_pdf,
        metadata=EvidenceMetadata(title="Bản của chủ tịch"),
        expected_version=1,
    )

    response = client_for(reporter).post(
        reverse("evidence:edit", args=[commune_pdf.pk]), stale_form
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this document" in page
    assert 'value="Bản của cán bộ"' in page
    assert "Bản của chủ tịch" in page
    assert 'name="version" value="2"' in page


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("reporter", 200),
        ("head", 200),
        ("organiser", 200),
        ("council", 403),
        ("viewer", 403),
        ("appraiser", 403),
        ("dept_owner", 403),
        ("outsider", 404),
    ],
)
def test_who_may_open_the_edit_page(request, client_for, commune_pdf, persona, status):
    user = request.getfixturevalue(persona)

    response = client_for(user).get(reverse("evidence:edit", args=[commune_pdf.pk]))

    assert response.status_code == status
