"""Organisers create and edit units through the form; changes are audited, never lost."""

from decimal import Decimal

import pytest
from django.urls import reverse

from parindex.audit.models import AuditEntry
from parindex.orgs.models import Unit

pytestmark = pytest.mark.django_db


def form_data(unit_form_response, **changes):
    form = unit_form_response.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(changes)
    return data


def test_create_unit_under_the_jurisdiction(client_for, organiser, district):
    client = client_for(organiser)
    response = client.post(
        reverse("orgs:unit_create"),
        {"code": " PY-NEW ", "name": "Xã Mới", "kind": "commune", "parent": district.pk},
    )
    unit = Unit.objects.get(code="PY-NEW")
    assert response.url == reverse("orgs:unit_detail", args=[unit.pk])
    assert unit.parent == district
    assert unit.path == f"{district.path}{unit.pk}/"
    entry = AuditEntry.objects.get(action="unit.created")
    assert entry.actor == organiser and entry.unit == unit


def test_parent_outside_the_jurisdiction_is_not_a_choice(client_for, organiser, province):
    response = client_for(organiser).post(
        reverse("orgs:unit_create"),
        {"code": "X", "name": "X", "kind": "commune", "parent": province.pk},
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    assert not Unit.objects.filter(code="X").exists()


def test_organiser_must_give_a_parent(client_for, organiser, district):
    response = client_for(organiser).post(
        reverse("orgs:unit_create"), {"code": "X", "name": "X", "kind": "commune"}
    )
    assert "parent" in response.context["form"].errors


def test_edit_records_old_and_new_values_and_lineage(client_for, organiser, commune, other_commune):
    client = client_for(organiser)
    url = reverse("orgs:unit_edit", args=[commune.pk])
    data = form_data(client.get(url), name="Xã Tường Phù Mới", predecessors="PY-TUONGTIEN:0,25")
    assert client.post(url, data).status_code == 302
    commune.refresh_from_db()
    assert commune.name == "Xã Tường Phù Mới"
    link = commune.predecessor_links.get()
    assert (link.predecessor, link.weight) == (other_commune, Decimal("0.25"))
    entry = AuditEntry.objects.get(action="unit.updated")
    assert entry.data["changes"]["name"] == ["Xã Tường Phù", "Xã Tường Phù Mới"]
    assert entry.data["changes"]["lineage"] == ["", "PY-TUONGTIEN:0.25"]


def test_saving_unchanged_form_logs_nothing(client_for, organiser, commune):
    client = client_for(organiser)
    url = reverse("orgs:unit_edit", args=[commune.pk])
    client.post(url, form_data(client.get(url)))
    assert not AuditEntry.objects.filter(action="unit.updated").exists()


def test_someone_elses_later_edit_is_not_overwritten(client_for, organiser, commune):
    client = client_for(organiser)
    url = reverse("orgs:unit_edit", args=[commune.pk])
    data = form_data(client.get(url), name="Tên của tôi")
    Unit.objects.filter(pk=commune.pk).update(name="Tên của người khác")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Someone else changed this record" in response.content.decode()
    commune.refresh_from_db()
    assert commune.name == "Tên của người khác"


@pytest.mark.parametrize(
    ("predecessors", "message"),
    [
        ("PY-TUONGTIEN:0", "greater than 0"),
        ("NOPE:1", "Unknown unit codes: NOPE"),
        ("PY-TUONGPHU:1", "cannot be formed from itself"),
        ("PY-TUONGTIEN:abc", "is not a number"),
        ("SL:1", "Unknown unit codes: SL"),  # outside the organiser's sight
    ],
)
def test_bad_lineage_is_refused(
    client_for, organiser, province, commune, other_commune, predecessors, message
):
    client = client_for(organiser)
    url = reverse("orgs:unit_edit", args=[commune.pk])
    response = client.post(url, form_data(client.get(url), predecessors=predecessors))
    assert message in " ".join(response.context["form"].errors["predecessors"])


def test_end_before_start_is_refused(client_for, organiser, commune):
    client = client_for(organiser)
    url = reverse("orgs:unit_edit", args=[commune.pk])
    response = client.post(
        url, form_data(client.get(url), valid_from="2025-07-01", valid_to="2025-06-30")
    )
    assert "The end of validity is before its start." in response.content.decode()


def test_a_unit_cannot_move_below_its_child(client_for, organiser, district, commune):
    client = client_for(organiser)
    url = reverse("orgs:unit_edit", args=[district.pk])
    response = client.post(url, form_data(client.get(url), parent=commune.pk))
    assert "parent" in response.context["form"].errors
