"""Unit import: all or nothing, every problem named by row and column, scope enforced."""

import datetime
from decimal import Decimal

import pytest

from parindex.audit.models import AuditEntry
from parindex.orgs.models import Unit, UnitKind
from parindex.orgs.tests.helpers_tables import csv_upload, xlsx_upload
from parindex.orgs.unit_table import import_units

pytestmark = pytest.mark.django_db
HEADER = "Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Hiệu lực từ,Hiệu lực đến,Sáp nhập từ\n"


def run(actor, text, update=False, name="units.csv"):
    return import_units(actor, csv_upload(HEADER + text, name), name, update_existing=update)


def test_valid_file_creates_units_with_parents_dates_and_lineage(organiser, district):
    result = run(
        organiser,
        "PY-A,Xã A,Xã,SL-PY,,2025-06-30,\n"
        "PY-B,Xã B,xa,SL-PY,,30/06/2025,\n"
        'PY-AB,Xã A-B,Commune,SL-PY,01/07/2025,,"PY-A:0,6;PY-B:0.4"\n',
    )
    assert result.ok, result.messages()
    assert sorted(result.created) == ["PY-A", "PY-AB", "PY-B"]
    merged = Unit.objects.get(code="PY-AB")
    assert merged.parent == district
    assert merged.valid_from == datetime.date(2025, 7, 1)
    assert Unit.objects.get(code="PY-B").valid_to == datetime.date(2025, 6, 30)
    weights = {k.predecessor.code: k.weight for k in merged.predecessor_links.all()}
    assert weights == {"PY-A": Decimal("0.6"), "PY-B": Decimal("0.4")}


def test_one_bad_row_refuses_the_file_and_names_row_and_column(organiser, district):
    result = run(
        organiser,
        "PY-A,Xã A,Xã,SL-PY,,,\n"
        "PY-B,Xã B,Làng,SL-PY,,,\n"  # row 3: unknown kind, column 3
        "PY-C,Xã C,Xã,SL-PY,,,\n",
    )
    assert not result.ok
    assert len(result.problems) == 1
    message = result.messages()[0]
    assert message.startswith("Row 3, column 3 (Loại): ")
    assert "Làng" in message
    assert not Unit.objects.filter(code__in=["PY-A", "PY-B", "PY-C"]).exists()
    assert not AuditEntry.objects.filter(action__startswith="unit").exists()


def test_every_problem_is_reported_not_only_the_first(organiser, district):
    result = run(
        organiser,
        ",Xã A,Xã,SL-PY,,,\n"  # row 2: no code
        "PY-B,,Xã,SL-PY,,,\n"  # row 3: no name
        "PY-C,Xã C,Xã,SL-PY,2025-13-01,,\n"  # row 4: bad date
        "PY-D,Xã D,Xã,SL-PY,2025-07-01,2025-01-01,\n"  # row 5: end before start
        "PY-E,Xã E,Xã,SL-PY,,,PY-Z:0\n",  # row 6: weight 0
    )
    cells = [(p.row, p.column) for p in result.problems]
    assert cells == [(2, 1), (3, 2), (4, 5), (5, 6), (6, 7)]


def test_duplicate_code_within_the_file(organiser, district):
    result = run(organiser, "PY-A,Xã A,Xã,SL-PY,,,\nPY-A,Xã A bis,Xã,SL-PY,,,\n")
    assert result.messages() == [
        "Row 3, column 1 (Mã đơn vị): Code PY-A is already used on row 2 of this file."
    ]


def test_existing_code_is_refused_unless_update_is_ticked(organiser, commune):
    text = "PY-TUONGPHU,Xã Tường Phù (mới),Xã,SL-PY,,,\n"
    refused = run(organiser, text)
    assert "already exists" in refused.messages()[0]
    assert "Update existing records" in refused.messages()[0]
    commune.refresh_from_db()
    assert commune.name == "Xã Tường Phù"

    updated = run(organiser, text, update=True)
    assert updated.ok and updated.updated == ["PY-TUONGPHU"]
    commune.refresh_from_db()
    assert commune.name == "Xã Tường Phù (mới)"
    entry = AuditEntry.objects.get(action="unit.updated")
    assert entry.data["changes"]["name"] == ["Xã Tường Phù", "Xã Tường Phù (mới)"]


def test_parent_may_come_later_in_the_file(organiser, district):
    result = run(organiser, "PY-A1,Thôn A1,Xã,PY-A,,,\nPY-A,Xã A,Xã,SL-PY,,,\n")
    assert result.ok, result.messages()
    assert Unit.objects.get(code="PY-A1").parent.code == "PY-A"


def test_organiser_cannot_import_outside_the_jurisdiction(organiser, province, district):
    result = run(organiser, "SL-NEW,Xã Mới,Xã,SL,,,\nTOP,Tỉnh Mới,Tỉnh,,,,\n")
    assert result.messages() == [
        "Row 2, column 4 (Mã đơn vị cấp trên): Parent SL is outside your jurisdiction.",
        "Row 3, column 4 (Mã đơn vị cấp trên): Give the parent unit's code: you can only "
        "add units inside your jurisdiction.",
    ]


def test_organiser_cannot_update_a_unit_outside_the_jurisdiction(organiser, province, district):
    result = run(organiser, "SL,Tỉnh Sơn La 2,Tỉnh,,,,\n", update=True)
    assert "SL is outside your jurisdiction" in result.messages()[0]


def test_unknown_parent_and_loops(organiser, district):
    result = run(organiser, "PY-A,A,Xã,PY-B,,,\nPY-B,B,Xã,PY-A,,,\nPY-C,C,Xã,NOWHERE,,,\n")
    messages = result.messages()
    assert any(m.startswith("Row 2, column 4") and "below itself" in m for m in messages)
    assert any(m.startswith("Row 3, column 4") and "below itself" in m for m in messages)
    assert any(m.startswith("Row 4, column 4") and "NOWHERE" in m for m in messages)


def test_moving_a_unit_below_its_own_descendant_is_refused(organiser, district, commune):
    result = run(
        organiser,
        "PY-TUONGPHU,Xã Tường Phù,Xã,SL-PY,,,\nSL-PY,Huyện Phù Yên,Huyện,PY-TUONGPHU,,,\n",
        update=True,
    )
    assert any("below itself" in m for m in result.messages())


def test_root_of_jurisdiction_keeps_its_parent_outside_the_scope(organiser, district):
    result = run(organiser, "SL-PY,Huyện Phù Yên,Huyện,SL,,2025-06-30,\n", update=True)
    assert result.ok, result.messages()
    assert result.unchanged == 1


def test_headers_without_accents_and_in_english(organiser, district):
    upload = csv_upload("ma don vi;TEN DON VI;loai;Parent code;STT\nPY-X;Xã X;xã;SL-PY;1\n")
    result = import_units(organiser, upload, "u.csv")
    assert result.ok, result.messages()
    assert result.ignored_headers == ["STT"]
    assert Unit.objects.get(code="PY-X").kind == UnitKind.COMMUNE


def test_text_is_stored_nfc(organiser, district):
    decomposed = "Xã Tường Phù Mới".replace("ờ", "ơ\u0300")
    assert decomposed != "Xã Tường Phù Mới"
    result = run(organiser, f"PY-N,{decomposed},Xã,SL-PY,,,\n")
    assert result.ok
    assert Unit.objects.get(code="PY-N").name == "Xã Tường Phù Mới"


def test_xlsx_with_real_dates(organiser, district):
    upload = xlsx_upload(
        [
            ["Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Hiệu lực đến"],
            ["PY-Q", "Xã Q", "Xã", "SL-PY", datetime.datetime(2025, 6, 30)],
            ["PY-R", "Xã R", "Ward", "SL-PY", None],
        ]
    )
    result = import_units(organiser, upload, "units.xlsx")
    assert result.ok, result.messages()
    assert Unit.objects.get(code="PY-Q").valid_to == datetime.date(2025, 6, 30)
    assert Unit.objects.get(code="PY-R").kind == UnitKind.WARD


def test_title_rows_above_the_header_are_skipped_and_rows_keep_sheet_numbers(organiser, district):
    upload = xlsx_upload(
        [
            ["DANH SÁCH ĐƠN VỊ"],  # a title line above the header, as offices write them
            [],
            ["Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên"],
            ["PY-Q", "Xã Q", "Xã", "SL-PY"],
            ["PY-R", "Xã R", "Xã", "KHONG-CO"],
        ]
    )
    result = import_units(organiser, upload, "units.xlsx")
    assert [(p.row, p.column) for p in result.problems] == [(5, 4)]


def test_missing_required_column(organiser, district):
    result = import_units(organiser, csv_upload("Mã đơn vị,Tên đơn vị\nA,B\n"), "u.csv")
    assert result.messages() == ["Row 1: Loại: This column is missing."]


def test_absent_column_leaves_the_field_unchanged(organiser, district, commune):
    commune.valid_to = datetime.date(2025, 6, 30)
    commune.save()
    upload = csv_upload("Mã đơn vị,Tên đơn vị,Loại\nPY-TUONGPHU,Xã Tường Phù,Xã\n")
    result = import_units(organiser, upload, "u.csv", update_existing=True)
    assert result.ok and result.unchanged == 1
    commune.refresh_from_db()
    assert commune.valid_to == datetime.date(2025, 6, 30)
    assert commune.parent == district


def test_not_a_table(organiser):
    result = import_units(organiser, csv_upload("x", "units.pdf"), "units.pdf")
    assert result.messages() == ["Upload a .csv or .xlsx file."]


def test_import_is_audited_with_a_summary(organiser, district):
    result = run(organiser, "PY-A,Xã A,Xã,SL-PY,,,\n", name="danh-sach.csv")
    assert result.ok
    summary = AuditEntry.objects.get(action="units.imported")
    assert summary.data["file"] == "danh-sach.csv"
    assert summary.data["created"] == ["PY-A"]
    created = AuditEntry.objects.get(action="unit.created")
    assert created.data["source"] == "import:danh-sach.csv"
