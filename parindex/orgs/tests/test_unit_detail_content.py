"""Unit page: lineage "formed from A (0.6), B (0.4)", children, departments, members."""

from decimal import Decimal

import pytest
from django.urls import reverse

from parindex.orgs.models import UnitPredecessor
from parindex.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged(province, commune, other_commune):
    unit = UnitFactory(code="SL-MOI", name="Xã Mới", parent=province)
    UnitPredecessor.objects.create(unit=unit, predecessor=other_commune, weight=Decimal("0.4"))
    UnitPredecessor.objects.create(unit=unit, predecessor=commune, weight=Decimal("0.6000"))
    return unit


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_lineage_heaviest_first_with_plain_weights(client_for, merged, commune, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.test", "x")
    page = text(client_for(admin).get(reverse("orgs:unit_detail", args=[merged.pk])))
    assert "formed from" in page
    first = page.index("Xã Tường Phù</a> (0.6)")
    assert first < page.index("Xã Tường Tiến</a> (0.4)")


def test_predecessor_shows_what_it_merged_into(client_for, merged, commune, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.test", "x")
    page = text(client_for(admin).get(reverse("orgs:unit_detail", args=[commune.pk])))
    assert "Merged into" in page
    assert "Xã Mới</a> (0.6)" in page


def test_successor_outside_scope_is_named_but_not_linked(client_for, organiser, merged, commune):
    page = text(client_for(organiser).get(reverse("orgs:unit_detail", args=[commune.pk])))
    assert "Xã Mới (0.6)" in page
    assert reverse("orgs:unit_detail", args=[merged.pk]) not in page


def test_children_and_departments(client_for, organiser, district, commune, department):
    page = text(client_for(organiser).get(reverse("orgs:unit_detail", args=[district.pk])))
    assert "Xã Tường Phù" in page
    assert "Phòng Nội vụ" in page


@pytest.mark.parametrize(
    ("persona", "sees_members"),
    [("organiser", True), ("council", False), ("viewer", False), ("head", False)],
)
def test_members_are_for_organisers_only(
    request, client_for, commune, reporter, persona, sees_members
):
    user = request.getfixturevalue(persona)
    page = text(client_for(user).get(reverse("orgs:unit_detail", args=[commune.pk])))
    assert ("Lò Văn Báo Cáo" in page) == sees_members
