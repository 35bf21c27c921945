"""The same bytes are stored once; every upload still gets its own document."""

from parindex.evidence.models import EvidenceDocument, EvidenceFile
from parindex.evidence.tests import samples
from parindex.evidence.tests.conftest import stored_files


def test_two_uploads_of_one_file_share_one_blob(
    commune, other_commune, reporter, outsider, upload, media_root
):
    content = samples.pdf_bytes()

    first = upload(commune, reporter, "QĐ 125.pdf", content, title="Bản của Tường Phù")
    second = upload(other_commune, outsider, "quyet-dinh.pdf", content, title="Bản của Tường Tiến")

    assert EvidenceFile.objects.count() == 1
    assert EvidenceDocument.objects.count() == 2
    assert len(stored_files(media_root)) == 1
    assert first.document.file_id == second.document.file_id
    assert (first.reused_file, second.reused_file) == (False, True)
    assert second.document.original_name == "quyet-dinh.pdf"
    assert second.document.unit == other_commune


def test_second_upload_in_the_same_unit_reports_the_earlier_document(commune, reporter, upload):
    content = samples.png_bytes()
    first = upload(commune, reporter, "a.png", content).document

    second = upload(commune, reporter, "b.png", content)

    assert second.same_file_in_unit == [first]


def test_different_bytes_get_different_blobs(commune, reporter, upload, media_root):
    upload(commune, reporter, "a.png", samples.png_bytes(2, 2))
    upload(commune, reporter, "b.png", samples.png_bytes(3, 3))

    assert EvidenceFile.objects.count() == 2
    assert len(stored_files(media_root)) == 2
