"""The document page previews from our own URL and shows the metadata history."""

import pytest
from django.urls import reverse

from parindex.evidence.services import EvidenceMetadata, edit_metadata
from parindex.evidence.tests import samples


def _page(client, document) -> str:
    return client.get(reverse("evidence:detail", args=[document.pk])).content.decode()


def test_pdf_is_previewed_in_a_frame(client_for, reporter, commune_pdf):
    page = _page(client_for(reporter), commune_pdf)

    assert (
        f'<iframe class="evidence-preview" src="/evidence/documents/{commune_pdf.pk}/preview/"'
        in page
    )


def test_image_is_previewed_in_an_img(client_for, reporter, commune, upload):
    document = upload(commune, reporter, "a.png", samples.png_bytes()).document

    page = _page(client_for(reporter), document)

    assert f'<img class="evidence-preview" src="/evidence/documents/{document.pk}/preview/"' in page


@pytest.mark.parametrize(
    ("name", "content"), [("a.docx", samples.docx_bytes()), ("b.xlsx", samples.xlsx_bytes())]
)
def test_office_files_offer_a_download_only(client_for, reporter, commune, upload, name, content):
    document = upload(commune, reporter, name, content).document

    page = _page(client_for(reporter), document)

    assert "evidence-preview" not in page
    assert reverse("evidence:download", args=[document.pk]) in page


def test_history_shows_old_and_new_values(client_for, reporter, commune_pdf):
    edit_metadata(
        actor=reporter,
        document=commune_pdf,
        metadata=EvidenceMetadata(title="Kế hoạch sửa đổi"),
        expected_version=1,
    )

    page = _page(client_for(reporter), commune_pdf)

    assert "“Kế hoạch CCHC năm 2022” → “Kế hoạch sửa đổi”" in page


def test_edit_link_only_for_editors(client_for, reporter, viewer, commune_pdf):
    edit_url = reverse("evidence:edit", args=[commune_pdf.pk])

    assert edit_url in _page(client_for(reporter), commune_pdf)
    assert edit_url not in _page(client_for(viewer), commune_pdf)
