"""The functions the assessment app calls to cite a document for a unit's answer."""

import pytest
from django.core.exceptions import PermissionDenied

from parindex.evidence.exceptions import CitationRefused
from parindex.evidence.services import LOCATOR_MAX_LENGTH, check_citation, citable_documents
from parindex.evidence.tests import samples


def test_citable_documents_are_the_units_own(
    commune, other_commune, reporter, outsider, upload, commune_pdf
):
    upload(other_commune, outsider, "x.pdf", samples.pdf_bytes("x"))

    assert list(citable_documents(reporter, commune)) == [commune_pdf]


@pytest.mark.parametrize("persona", ["viewer", "appraiser", "council", "outsider"])
def test_nothing_is_citable_for_those_who_may_not_edit(request, commune, commune_pdf, persona):
    user = request.getfixturevalue(persona)

    assert not citable_documents(user, commune).exists()


def test_check_returns_the_locator_in_nfc(reporter, commune, commune_pdf):
    locator = check_citation(reporter, commune_pdf, commune, "  trang 3, mu\u0323c 2 ")

    assert locator == "trang 3, mục 2"


def test_another_units_document_is_refused(outsider, other_commune, commune_pdf):
    with pytest.raises(CitationRefused):
        check_citation(outsider, commune_pdf, other_commune, "trang 1")


def test_user_without_edit_role_is_refused(appraiser, commune, commune_pdf):
    with pytest.raises(PermissionDenied):
        check_citation(appraiser, commune_pdf, commune, "trang 1")


def test_overlong_locator_is_refused(reporter, commune, commune_pdf):
    with pytest.raises(CitationRefused):
        check_citation(reporter, commune_pdf, commune, "x" * (LOCATOR_MAX_LENGTH + 1))
