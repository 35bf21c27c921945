"""The import page: upload, then a summary (created/updated) or the full list of problems."""

import pytest
from django.urls import reverse

from parindex.orgs.models import Unit
from parindex.orgs.tests.helpers_tables import csv_upload

pytestmark = pytest.mark.django_db
HEADER = "Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên\n"


def upload(client, text, update=False):
    data = {"units-file": csv_upload(HEADER + text)}
    if update:
        data["units-update_existing"] = "on"
    return client.post(reverse("orgs:import_table", args=["units"]), data)


def test_summary_after_a_good_file(client_for, organiser, commune):
    response = upload(
        client_for(organiser),
        "PY-A,Xã A,Xã,SL-PY\nPY-TUONGPHU,Xã Tường Phù mới,Xã,SL-PY\n",
        update=True,
    )
    page = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert "1 created, 1 updated, 0 unchanged." in page
    assert Unit.objects.filter(code="PY-A").exists()


def test_problems_listed_and_nothing_saved(client_for, organiser, district):
    response = upload(client_for(organiser), "PY-A,Xã A,Xã,SL-PY\nPY-B,,Xã,SL-PY\n")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was imported" in page
    assert "Row 3, column 2 (Tên đơn vị): This cell is required." in page
    assert not Unit.objects.filter(code="PY-A").exists()


def test_missing_file_shows_the_form_again(client_for, organiser):
    response = client_for(organiser).post(reverse("orgs:import_table", args=["units"]), {})
    assert response.status_code == 400
    assert response.context["unit_form"].errors


def test_unknown_table_is_404(client_for, organiser):
    response = client_for(organiser).post(reverse("orgs:import_table", args=["budgets"]))
    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["council", "reporter"])
def test_non_organisers_cannot_post_imports(request, client_for, district, persona):
    response = upload(client_for(request.getfixturevalue(persona)), "PY-A,Xã A,Xã,SL-PY\n")
    assert response.status_code == 403
    assert not Unit.objects.filter(code="PY-A").exists()
