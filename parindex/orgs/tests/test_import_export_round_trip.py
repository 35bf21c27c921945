"""What an export writes, the import reads back unchanged (CSV and XLSX)."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from parindex.accounts.models import User
from parindex.orgs.models import Membership, Unit, UnitPredecessor
from parindex.orgs.tests.factories import UnitFactory
from parindex.orgs.tests.helpers_tables import xlsx_rows
from parindex.orgs.unit_table import import_units
from parindex.orgs.user_table import import_users

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(district, commune, other_commune, organiser, reporter, head, appraiser, outsider):
    merged = UnitFactory(code="PY-NEW", name='Xã =Mới, "có" dấu', parent=district)
    UnitPredecessor.objects.create(unit=merged, predecessor=commune, weight=Decimal("0.6"))
    UnitPredecessor.objects.create(unit=merged, predecessor=other_commune, weight=Decimal("0.4"))
    return merged


def unit_snapshot():
    return {
        (
            u.code,
            u.name,
            u.kind,
            u.parent.code if u.parent else "",
            u.valid_from,
            u.valid_to,
            tuple(sorted((k.predecessor.code, k.weight) for k in u.predecessor_links.all())),
        )
        for u in Unit.objects.select_related("parent")
    }


def role_snapshot():
    return {
        (
            m.user.username,
            m.user.full_name,
            m.user.email,
            m.unit.code,
            m.role,
            m.department.code if m.department else "",
        )
        for m in Membership.objects.select_related("user", "unit", "department")
    }


def download(client, what, fmt):
    response = client.get(reverse("orgs:export", args=[what, fmt]))
    assert response.status_code == 200
    return b"".join(response) if response.streaming else response.content


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_units_round_trip_recreates_deleted_units(client_for, organiser, world, fmt):
    before = unit_snapshot()
    data = download(client_for(organiser), "units", fmt)
    UnitPredecessor.objects.all().delete()
    Membership.objects.exclude(user=organiser).delete()
    Unit.objects.filter(code__in=["PY-NEW", "PY-TUONGPHU", "PY-TUONGTIEN"]).delete()
    result = import_units(
        organiser, SimpleUploadedFile(f"u.{fmt}", data), f"u.{fmt}", update_existing=True
    )
    assert result.ok, result.messages()
    assert sorted(result.created) == ["PY-NEW", "PY-TUONGPHU", "PY-TUONGTIEN"]
    assert unit_snapshot() == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_reimporting_an_export_changes_nothing(client_for, organiser, world, fmt):
    data = download(client_for(organiser), "units", fmt)
    result = import_units(
        organiser, SimpleUploadedFile(f"u.{fmt}", data), f"u.{fmt}", update_existing=True
    )
    assert result.ok, result.messages()
    assert (result.created, result.updated, result.unchanged) == ([], [], 4)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_users_round_trip(client_for, organiser, world, fmt):
    before = role_snapshot()
    data = download(client_for(organiser), "users", fmt)
    User.objects.exclude(pk=organiser.pk).delete()
    result = import_users(
        organiser, SimpleUploadedFile(f"r.{fmt}", data), f"r.{fmt}", update_existing=True
    )
    assert result.ok, result.messages()
    assert role_snapshot() == before


def test_export_headers_are_the_vietnamese_ones(client_for, organiser, world):
    rows = xlsx_rows(download(client_for(organiser), "units", "xlsx"))
    assert rows[0] == [
        "Mã đơn vị",
        "Tên đơn vị",
        "Loại",
        "Mã đơn vị cấp trên",
        "Hiệu lực từ",
        "Hiệu lực đến",
        "Sáp nhập từ",
    ]
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["PY-NEW"][6] == "PY-TUONGPHU:0.6;PY-TUONGTIEN:0.4"
    # A name starting with "=" is guarded so spreadsheets do not run it as a formula.
    assert by_code["PY-NEW"][1] == 'Xã =Mới, "có" dấu'


def test_csv_export_guards_formulas_and_has_a_bom(client_for, organiser, district):
    UnitFactory(code="PY-F", name='=HYPERLINK("x")', parent=district)
    text = download(client_for(organiser), "units", "csv").decode("utf-8")
    assert text.startswith("\ufeffMã đơn vị,")
    assert "'=HYPERLINK" in text
    assert io.StringIO(text).read().count("\r\n") == 3  # header + district + PY-F
