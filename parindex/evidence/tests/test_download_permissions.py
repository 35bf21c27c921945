"""Download, preview and detail for every role, inside and outside its scope.

The document belongs to the commune (Tường Phù). District-level roles cover it; the reporter
and head of the commune cover it; the other commune's reporter does not even learn it exists.
"""

import pytest
from django.urls import reverse

from parindex.evidence.tests import samples

VIEWS = ["evidence:download", "evidence:preview", "evidence:detail"]

INSIDE = [
    ("reporter", 200),
    ("head", 200),
    ("organiser", 200),
    ("council", 200),
    ("viewer", 200),
    ("appraiser", 200),
    ("dept_owner", 403),  # in scope, but department owners do not read units' evidence
    ("outsider", 404),
]


def _get(client, view, document):
    response = client.get(reverse(view, args=[document.pk]))
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)  # close the file handle
    return response


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(("persona", "status"), INSIDE)
def test_commune_document(request, client_for, commune_pdf, view, persona, status):
    user = request.getfixturevalue(persona)

    assert _get(client_for(user), view, commune_pdf).status_code == status


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(
    "persona", ["reporter", "head", "organiser", "council", "viewer", "appraiser", "dept_owner"]
)
def test_province_document_is_outside_every_district_scope(
    request, client_for, province, upload, view, persona
):
    user = request.getfixturevalue(persona)
    superuser = type(user).objects.create_superuser("root", "root@example.test", "x")
    document = upload(province, superuser, "tinh.pdf", samples.pdf_bytes()).document

    assert _get(client_for(user), view, document).status_code == 404


@pytest.mark.parametrize("view", VIEWS)
def test_anonymous_is_sent_to_login(client, commune_pdf, view):
    response = _get(client, view, commune_pdf)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("view", VIEWS)
def test_missing_document_is_404(client_for, organiser, view):
    response = client_for(organiser).get(reverse(view, args=[987654]))

    assert response.status_code == 404
