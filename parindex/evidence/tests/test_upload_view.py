"""The upload page: who may post, what a refusal looks like, where success leads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from parindex.evidence.models import EvidenceDocument
from parindex.evidence.tests import samples
from parindex.evidence.tests.conftest import assert_nothing_stored


def _post(client, unit, name: str, content: bytes, **fields):
    data = {"file": SimpleUploadedFile(name, content), "title": "Kế hoạch CCHC", **fields}
    return client.post(reverse("evidence:upload", args=[unit.pk]), data)


def test_upload_redirects_to_the_new_document(client_for, reporter, commune):
    response = _post(client_for(reporter), commune, "Kế hoạch.pdf", samples.pdf_bytes())

    document = EvidenceDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("evidence:detail", args=[document.pk])
    assert document.title == "Kế hoạch CCHC"


def test_refusal_is_shown_on_the_form_and_nothing_is_stored(
    client_for, reporter, commune, media_root
):
    response = _post(client_for(reporter), commune, "report.pdf", b"#!/bin/sh\necho hi\n")

    assert response.status_code == 200
    assert "whatever its name says" in response.content.decode()
    assert_nothing_stored(media_root)


def test_empty_file_gets_the_services_message(client_for, reporter, commune, media_root):
    response = _post(client_for(reporter), commune, "empty.pdf", b"")

    assert "The file is empty" in response.content.decode()
    assert_nothing_stored(media_root)


def test_uploading_the_same_file_twice_warns(client_for, reporter, commune):
    client = client_for(reporter)
    _post(client, commune, "a.pdf", samples.pdf_bytes(), title="Bản đầu")

    response = _post(client, commune, "b.pdf", samples.pdf_bytes(), title="Bản sau")

    followed = client.get(response["Location"]).content.decode()
    assert "already in this library as" in followed
    assert "Bản đầu" in followed


def test_title_is_required(client_for, reporter, commune, media_root):
    response = _post(client_for(reporter), commune, "a.pdf", samples.pdf_bytes(), title="")

    assert response.status_code == 200
    assert_nothing_stored(media_root)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("reporter", 302),
        ("head", 302),
        ("organiser", 302),
        ("council", 403),
        ("viewer", 403),
        ("appraiser", 403),
        ("dept_owner", 403),
        ("outsider", 404),
    ],
)
def test_who_may_upload(request, client_for, commune, persona, status):
    user = request.getfixturevalue(persona)

    response = _post(client_for(user), commune, "a.pdf", samples.pdf_bytes())

    assert response.status_code == status
    assert EvidenceDocument.objects.count() == (1 if status == 302 else 0)


def test_anonymous_post_goes_to_login_and_stores_nothing(client, commune, media_root):
    response = _post(client, commune, "a.pdf", samples.pdf_bytes())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert_nothing_stored(media_root)


def test_post_without_a_file_shows_the_missing_file(client_for, reporter, commune, media_root):
    response = client_for(reporter).post(reverse("evidence:upload", args=[commune.pk]), {})

    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert_nothing_stored(media_root)


def test_form_states_the_configured_limit(client_for, reporter, commune, settings):
    settings.UPLOAD_MAX_BYTES = 5 * 1024 * 1024

    page = client_for(reporter).get(reverse("evidence:upload", args=[commune.pk])).content.decode()

    assert "at most 5.0\xa0MB" in page
