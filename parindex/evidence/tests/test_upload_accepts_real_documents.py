"""Real small files of every allow-listed type are accepted, hashed and stored intact."""

import hashlib

import pytest
from django.core.files.storage import storages

from parindex.audit.models import AuditEntry
from parindex.evidence import filetypes
from parindex.evidence.tests import samples


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("Quyết định.pdf", samples.pdf_bytes(), filetypes.PDF),
        ("ảnh.png", samples.png_bytes(), filetypes.PNG),
        ("scan.JPG", samples.JPEG_HEAD, filetypes.JPEG),
        ("scan.jpeg", samples.JPEG_HEAD, filetypes.JPEG),
        ("pixel.gif", samples.GIF_BYTES, filetypes.GIF),
        ("photo.webp", samples.WEBP_HEAD, filetypes.WEBP),
        ("Báo cáo.docx", samples.docx_bytes(), filetypes.DOCX),
        ("Bảng điểm.xlsx", samples.xlsx_bytes(), filetypes.XLSX),
    ],
)
def test_accepted_with_detected_type_and_exact_bytes(
    commune, reporter, upload, name, content, mime
):
    document = upload(commune, reporter, name, content).document

    blob = document.file
    assert blob.content_type == mime
    assert blob.size == len(content)
    assert blob.sha256 == hashlib.sha256(content).hexdigest()
    with storages["default"].open(blob.storage_name, "rb") as stored:
        assert stored.read() == content
    assert document.original_name == name
    assert document.unit == commune
    assert document.uploaded_by == reporter


def test_blob_is_named_by_its_hash_not_by_the_user(commune, reporter, upload):
    content = samples.pdf_bytes()
    blob = upload(commune, reporter, "Kế hoạch.pdf", content).document.file

    sha = hashlib.sha256(content).hexdigest()
    assert blob.storage_name == f"evidence/{sha[:2]}/{sha[2:4]}/{sha}.pdf"


def test_upload_is_audited_with_hash_and_metadata(commune, reporter, upload):
    document = upload(
        commune, reporter, "kh.pdf", samples.pdf_bytes(), title="Kế hoạch", number="12/KH-UBND"
    ).document

    entry = AuditEntry.objects.get(action="evidence.uploaded")
    assert entry.actor == reporter
    assert entry.unit == commune
    assert entry.object_id == str(document.pk)
    assert entry.data["sha256"] == document.file.sha256
    assert entry.data["number"] == "12/KH-UBND"
    assert entry.data["file_name"] == "kh.pdf"


def test_metadata_and_name_are_stored_nfc_and_folded_for_search(commune, reporter, upload):
    decomposed_title = "Quyê\u0301t đi\u0323nh"  # NFD, as some Mac and scanner software sends
    document = upload(
        commune, reporter, "Quye\u0302\u0301t.pdf", samples.pdf_bytes(), title=decomposed_title
    ).document

    assert document.title == "Quyết định"
    assert document.original_name == "Quyết.pdf"
    assert "quyet dinh" in document.search_text
