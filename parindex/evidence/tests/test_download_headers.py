"""Downloads stream the exact bytes with a safe type, nosniff and an RFC 5987 file name."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from parindex.evidence import filetypes
from parindex.evidence.models import EvidenceDocument
from parindex.evidence.tests import samples


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("Kế hoạch.pdf", samples.pdf_bytes(), filetypes.PDF),
        ("Ảnh chụp.png", samples.png_bytes(), filetypes.PNG),
    ],
)
def test_preview_of_pdf_and_images_is_inline(
    client_for, commune, reporter, upload, name, content, mime
):
    document = upload(commune, reporter, name, content).document

    response = client_for(reporter).get(reverse("evidence:preview", args=[document.pk]))

    assert response.streaming
    assert response["Content-Type"] == mime
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert _body(response) == content


@pytest.mark.parametrize(
    ("name", "content"),
    [("Báo cáo.docx", samples.docx_bytes()), ("Bảng.xlsx", samples.xlsx_bytes())],
)
def test_preview_of_office_files_is_an_attachment(
    client_for, commune, reporter, upload, name, content
):
    document = upload(commune, reporter, name, content).document

    response = client_for(reporter).get(reverse("evidence:preview", args=[document.pk]))

    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == document.file.content_type
    _body(response)


def test_download_is_always_an_attachment_with_encoded_vietnamese_name(
    client_for, commune_pdf, reporter
):
    response = client_for(reporter).get(reverse("evidence:download", args=[commune_pdf.pk]))

    # "Quyết định 125.pdf", percent-encoded UTF-8 per RFC 5987.
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20125.pdf"
    )
    assert response["Content-Type"] == filetypes.PDF
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert int(response["Content-Length"]) == commune_pdf.file.size
    assert _body(response) == samples.pdf_bytes()


def test_ascii_name_with_quotes_is_escaped(client_for, commune, reporter, upload):
    document = upload(commune, reporter, 'a"b.pdf', samples.pdf_bytes()).document

    response = client_for(reporter).get(reverse("evidence:download", args=[document.pk]))

    assert response["Content-Disposition"] == 'attachment; filename="a\\"b.pdf"'
    _body(response)


def test_type_comes_from_the_content_not_the_browser(client_for, commune, reporter):
    fake = SimpleUploadedFile("ảnh.png", samples.png_bytes(), content_type="text/html")
    client = client_for(reporter)
    client.post(
        reverse("evidence:upload", args=[commune.pk]), {"file": fake, "title": "Ảnh"}, follow=False
    )
    document = EvidenceDocument.objects.get()
    response = client.get(reverse("evidence:preview", args=[document.pk]))

    assert response["Content-Type"] == filetypes.PNG
    _body(response)
