"""A unit's library: its own documents only, accent-insensitive search, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from parindex.evidence.tests import samples


@pytest.fixture
def library_url(commune):
    return reverse("evidence:library", args=[commune.pk])


def test_lists_the_units_documents_and_not_others(
    client_for, reporter, outsider, commune, other_commune, upload, library_url
):
    upload(commune, reporter, "a.pdf", samples.pdf_bytes("a"), title="Kế hoạch Tường Phù")
    upload(other_commune, outsider, "b.pdf", samples.pdf_bytes("b"), title="Kế hoạch Tường Tiến")

    page = client_for(reporter).get(library_url).content.decode()

    assert "Kế hoạch Tường Phù" in page
    assert "Kế hoạch Tường Tiến" not in page


@pytest.mark.parametrize("query", ["quyet dinh 125", "QUYẾT ĐỊNH", "125/qđ", "ubnd"])
def test_search_by_number_or_title_ignores_case_and_accents(
    client_for, reporter, commune, upload, library_url, query
):
    upload(
        commune, reporter, "a.pdf", samples.pdf_bytes("a"), title="Quyết định", number="125/QĐ-UBND"
    )
    upload(commune, reporter, "b.pdf", samples.pdf_bytes("b"), title="Báo cáo quý", number="7/BC")

    page = client_for(reporter).get(library_url, {"q": query}).content.decode()

    assert "Quyết định" in page
    assert "Báo cáo quý" not in page


def test_upload_form_only_for_those_who_may_upload(client_for, reporter, viewer, library_url):
    assert 'enctype="multipart/form-data"' in client_for(reporter).get(library_url).content.decode()
    assert (
        'enctype="multipart/form-data"' not in client_for(viewer).get(library_url).content.decode()
    )


@pytest.mark.parametrize(
    ("persona", "status"),
    [("reporter", 200), ("appraiser", 200), ("dept_owner", 403), ("outsider", 404)],
)
def test_library_access(request, client_for, library_url, persona, status):
    user = request.getfixturevalue(persona)

    assert client_for(user).get(library_url).status_code == status


def _queries_for_library(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_documents(
    client_for, commune, reporter, organiser, upload, library_url
):
    client = client_for(organiser)
    for i in range(5):
        upload(commune, reporter, f"{i}.pdf", samples.pdf_bytes(str(i)), title=f"Tài liệu {i}")
    with_five = _queries_for_library(client, library_url)

    for i in range(5, 50):
        upload(commune, reporter, f"{i}.pdf", samples.pdf_bytes(str(i)), title=f"Tài liệu {i}")
    with_fifty = _queries_for_library(client, library_url)

    assert with_fifty == with_five
    assert with_fifty <= 8
