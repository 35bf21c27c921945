"""Each role, inside and outside its scope, on the criteria-set pages."""

import pytest
from django.urls import reverse

from parindex.frameworks import services
from parindex.frameworks.tests.sample import sample_document

DISTRICT_ROLES = ["organiser", "council", "viewer", "appraiser", "dept_owner"]
EVERYONE = [*DISTRICT_ROLES, "reporter", "head", "outsider"]


def _get(request, client_for, role: str, name: str, *args):
    return client_for(request.getfixturevalue(role)).get(reverse(f"frameworks:{name}", args=args))


@pytest.mark.parametrize("role", EVERYONE)
def test_everyone_in_the_district_reads_its_published_set(request, client_for, role, published_set):
    response = _get(request, client_for, role, "detail", published_set.pk)
    assert response.status_code == 200
    assert "Tỷ lệ hồ sơ giải quyết trực tuyến" in response.text


@pytest.mark.parametrize("role", EVERYONE)
def test_nobody_sees_another_provinces_set(request, client_for, role, foreign_set):
    assert _get(request, client_for, role, "detail", foreign_set.pk).status_code == 404
    assert _get(request, client_for, role, "export_yaml", foreign_set.pk).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("organiser", 200),
        ("council", 200),
        ("viewer", 404),
        ("appraiser", 404),
        ("dept_owner", 404),
        ("reporter", 404),
        ("head", 404),
        ("outsider", 404),
    ],
)
def test_drafts_are_for_organisers_and_council(request, client_for, role, status, draft_set):
    assert _get(request, client_for, role, "detail", draft_set.pk).status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [("organiser", 200), ("council", 403), ("viewer", 404), ("reporter", 404)],
)
def test_only_organisers_edit_a_draft(request, client_for, role, status, draft_set):
    assert _get(request, client_for, role, "node_add", draft_set.pk).status_code == status
    assert _get(request, client_for, role, "publish", draft_set.pk).status_code == status


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("reporter", 403)])
def test_readers_of_a_published_set_may_not_manage_it(
    request, client_for, role, status, published_set
):
    client = client_for(request.getfixturevalue(role))
    response = client.post(reverse("frameworks:copy", args=[published_set.pk]))
    assert response.status_code == status


@pytest.mark.parametrize(("role", "status"), [("organiser", 200), ("council", 403)])
def test_only_organisers_create_and_import(request, client_for, role, status):
    assert _get(request, client_for, role, "create").status_code == status
    assert _get(request, client_for, role, "import").status_code == status


def test_a_provincial_set_is_read_by_units_below_but_its_drafts_are_not(
    client_for, province, department, organiser, reporter
):
    published = services.publish(
        None,
        services.import_document(None, province, sample_document(), departments={"NV": department}),
    )
    doc = sample_document() | {"code": "draft-2023"}
    draft = services.import_document(None, province, doc, departments={"NV": department})
    for user in (organiser, reporter):
        client = client_for(user)
        assert client.get(reverse("frameworks:detail", args=[published.pk])).status_code == 200
        assert client.get(reverse("frameworks:detail", args=[draft.pk])).status_code == 404


def test_the_list_shows_what_each_user_may_see(client_for, organiser, reporter, draft_set):
    published = services.copy_to_next_year(None, draft_set)
    services.publish(None, published)
    assert "commune-2022" in client_for(organiser).get(reverse("frameworks:list")).text
    listing = client_for(reporter).get(reverse("frameworks:list")).text
    assert "commune-2023" in listing and "commune-2022" not in listing


def test_anonymous_visitors_are_sent_to_log_in(client, published_set):
    response = client.get(reverse("frameworks:detail", args=[published_set.pk]))
    assert response.status_code == 302 and "login" in response["Location"]
