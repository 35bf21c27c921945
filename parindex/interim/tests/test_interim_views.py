import datetime

import pytest
from django.urls import reverse

from parindex.assessments.tests.factories import published_set
from parindex.interim import services
from parindex.interim.models import InterimAnswer, InterimRound
from parindex.interim.tests.conftest import inputs_file

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def imported(organiser, nine_months, district):
    services.import_answers(organiser, nine_months, "9.yaml", inputs_file(district.code))
    return nine_months


def test_organiser_starts_a_round_from_the_form(client_for, organiser, district, district_set):
    response = client_for(organiser).post(
        reverse("interim:index"),
        {
            "unit": district.pk,
            "framework": district_set.pk,
            "as_of": "2025-09-30",
            "label": "9 tháng",
            "carry_over": "on",
        },
    )
    created = InterimRound.objects.get(unit=district)
    assert response.status_code == 302 and response.url == reverse(
        "interim:round", args=[created.pk]
    )
    assert created.as_of == datetime.date(2025, 9, 30)


def test_saving_a_leaf_by_htmx_shows_its_points_and_the_totals(client_for, organiser, imported):
    url = reverse("interim:save_leaf", args=[imported.pk, "1.5"])
    revision = services.current_answers(imported)["1.5"].revision
    response = client_for(organiser).post(url, {"value": "0", "base_revision": revision}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="leaf-1-5"' in html and 'id="totals"' in html and "hx-swap-oob" in html
    assert services.current_answers(imported)["1.5"].inputs == {"value": "0"}


def test_a_bad_value_is_shown_and_not_saved(client_for, organiser, imported):
    url = reverse("interim:save_leaf", args=[imported.pk, "1.6.1"])
    before = InterimAnswer.objects.count()
    response = client_for(organiser).post(
        url, {"num": "130", "den": "120", "base_revision": 1}, **HTMX
    )
    assert "Not saved:" in response.content.decode()
    assert InterimAnswer.objects.count() == before


def test_report_and_what_if_store_nothing(client_for, organiser, imported):
    client = client_for(organiser)
    page = client.get(reverse("interim:report", args=[imported.pk])).content.decode()
    assert "55.2" in page and "78.86" in page and "8.2" in page
    before = InterimAnswer.objects.count()
    response = client.post(
        reverse("interim:what_if", args=[imported.pk]), {"pts_1.6.1": "1"}, **HTMX
    )
    assert response.status_code == 200 and 'id="outcome"' in response.content.decode()
    too_much = client.post(reverse("interim:what_if", args=[imported.pk]), {"pts_1.6.1": "5"})
    assert "1.6.1" in too_much.content.decode()
    assert InterimAnswer.objects.count() == before


def test_import_error_names_the_row_and_imports_nothing(client_for, organiser, imported):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("x.csv", b"unit_code,unit_name,node,input,value\nSL-PY,P,,value,1\n")
    before = InterimAnswer.objects.count()
    response = client_for(organiser).post(
        reverse("interim:import", args=[imported.pk]), {"file": bad}, follow=True
    )
    assert "Nothing was imported: row 2, column 3" in response.content.decode()
    assert InterimAnswer.objects.count() == before


# Who may read (GET the round and report) and record (POST an answer) a district's round.
DISTRICT_MATRIX = {
    "organiser": (200, 200),
    "council": (200, 403),
    "viewer": (200, 403),
    "appraiser": (404, 404),
    "dept_owner": (404, 404),
    "reporter": (404, 404),
    "head": (404, 404),
    "outsider": (404, 404),
}


@pytest.mark.parametrize("who", DISTRICT_MATRIX)
def test_district_round_role_matrix(request, client_for, who, imported):
    client = client_for(request.getfixturevalue(who))
    read, record = DISTRICT_MATRIX[who]
    assert client.get(reverse("interim:round", args=[imported.pk])).status_code == read
    assert client.get(reverse("interim:report", args=[imported.pk])).status_code == read
    save = reverse("interim:save_leaf", args=[imported.pk, "1.5"])
    status = client.post(save, {"value": "1"}, **HTMX).status_code
    assert status == (200 if record == 200 else record)
    listed = client.get(reverse("interim:index")).content.decode()
    assert (reverse("interim:round", args=[imported.pk]) in listed) == (read == 200)


@pytest.mark.parametrize(
    "who, read, record",
    [("reporter", 200, 200), ("head", 200, 200), ("outsider", 404, 404), ("organiser", 200, 200)],
)
def test_commune_round_is_its_own_units(request, client_for, who, read, record, commune, district):
    version = published_set(district, leaves=5)
    round_ = services.start_round(
        request.getfixturevalue("organiser"), commune, version, datetime.date(2022, 9, 30), "Q3"
    )
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("interim:round", args=[round_.pk])).status_code == read
    save = reverse("interim:save_leaf", args=[round_.pk, "1.1"])
    assert client.post(save, {"value": "true"}, **HTMX).status_code == record
