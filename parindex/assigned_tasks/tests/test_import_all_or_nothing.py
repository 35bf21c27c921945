"""Importing a register: every row checked, then all written in one transaction with one
audit entry — or nothing written and every problem named by row and column."""

import datetime

import pytest

from parindex.assigned_tasks.models import AssignedTask
from parindex.assigned_tasks.table import import_tasks
from parindex.assigned_tasks.tests.conftest import make_task
from parindex.assigned_tasks.tests.tables import xlsx
from parindex.audit.models import AuditEntry

HEADER = ["STT", "Số hiệu văn bản", "Ngày văn bản", "Cơ quan giao", "Nội dung", "Phòng phụ trách",
          "Hạn hoàn thành", "Ngày hoàn thành", "Ghi chú"]  # fmt: skip


def _import(actor, unit, rows, **kwargs):
    return import_tasks(actor, unit, xlsx(rows), "so-theo-doi.xlsx", **kwargs)


def test_a_good_file_is_imported_whole(organiser, district, department, finance):
    rows = [
        ["DANH SÁCH NHIỆM VỤ UBND TỈNH GIAO NĂM 2022"],  # a title line above the header
        HEADER,
        [1, "4010/UBND-KT", "29/08/2022", "UBND tỉnh", "Báo cáo đất đai", "tai chinh - ke hoach",
         "30/09/2022", "", ""],
        [2, "12/QĐ-UBND", datetime.date(2022, 1, 5), "Chủ tịch UBND tỉnh", "Kế hoạch CCHC", "NV",
         "2022-02-01", datetime.date(2022, 1, 30), "xong"],
    ]  # fmt: skip
    result = _import(organiser, district, rows)

    assert result.ok, result.messages()
    assert len(result.created) == 2 and result.ignored_headers == ["STT"]
    first, second = AssignedTask.objects.order_by("pk")
    assert (first.document_number, first.document_date, first.department) == (
        "4010/UBND-KT", datetime.date(2022, 8, 29), finance
    )  # fmt: skip
    assert (second.deadline, second.completed_on, second.department) == (
        datetime.date(2022, 2, 1), datetime.date(2022, 1, 30), department
    )  # fmt: skip
    entry = AuditEntry.objects.get(action="assigned_tasks.imported")
    assert entry.data["unit"] == district.code and len(entry.data["created"]) == 2
    assert AuditEntry.objects.filter(action="assigned_task.created").count() == 2


def test_every_problem_is_listed_with_row_column_and_header_and_nothing_is_saved(
    organiser, district, finance
):
    rows = [
        HEADER,
        [1, "1/UBND", "01/02/2022", "UBND tỉnh", "Đúng", "TCKH", "01/03/2022", "", ""],
        [2, "2/UBND", "31/02/2022", "UBND tỉnh", "Ngày sai", "TCKH", "", "", ""],
        [3, "3/UBND", "", "UBND tỉnh", "", "Phòng Không Có", "", "", ""],
        [4, "4/UBND", "10/03/2022", "UBND tỉnh", "Hạn trước ngày ban hành", "", "01/03/2022",
         "", ""],
    ]  # fmt: skip
    result = _import(organiser, district, rows)

    assert not result.ok
    assert result.messages() == [
        "Row 3, column 3 (Ngày văn bản): “31/02/2022” is not a date (write 2025-07-01 or "
        "01/07/2025).",
        "Row 4, column 5 (Nội dung): This cell is required.",
        "Row 4, column 6 (Phòng phụ trách): Unknown department “Phòng Không Có”: give the code "
        "or name of a department of this unit or above it.",
        "Row 5, column 7 (Hạn hoàn thành): The deadline is before the document date.",
    ]
    assert not AssignedTask.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="assigned_task").exists()


def test_a_missing_content_column_refuses_the_file(organiser, district):
    result = _import(organiser, district, [["Số hiệu", "Hạn hoàn thành"], ["1/UBND", "01/03/2022"]])
    assert result.messages() == ["Row 1: Nội dung nhiệm vụ: This column is missing."]


def test_a_completion_date_in_the_future_is_refused(organiser, district):
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    result = _import(organiser, district, [["Nội dung", "Ngày hoàn thành"], ["Việc", future]])
    assert result.messages() == [
        "Row 2, column 2 (Ngày hoàn thành): The completion date cannot be in the future."
    ]


def test_importing_the_same_file_twice_does_not_double_the_register(organiser, district):
    rows = [["Số hiệu", "Nội dung", "Hạn hoàn thành"], ["9/UBND", "Báo cáo quý", "31/03/2022"]]
    assert _import(organiser, district, rows).ok
    again = _import(organiser, district, rows)
    task = AssignedTask.objects.get()
    assert again.messages() == [
        f"Row 2, column 2 (Nội dung): This task is already in the register (ID {task.pk}). "
        "Give its ID to update it."
    ]


def test_the_same_document_may_assign_the_same_report_for_several_deadlines(organiser, district):
    rows = [
        ["Số hiệu", "Nội dung", "Hạn hoàn thành"],
        ["9/UBND", "Báo cáo quý", "31/03/2022"],
        ["9/UBND", "Báo cáo quý", "30/06/2022"],
    ]
    assert _import(organiser, district, rows).ok
    assert AssignedTask.objects.count() == 2


@pytest.mark.parametrize("update", [False, True])
def test_a_row_with_an_id_updates_only_when_asked(organiser, district, update):
    task = make_task(district, content="Cũ", deadline=datetime.date(2022, 3, 1))
    rows = [["Mã nhiệm vụ", "Nội dung", "Ngày hoàn thành"], [task.pk, "Mới", "02/03/2022"]]
    result = _import(organiser, district, rows, update_existing=update)
    task.refresh_from_db()
    if update:
        assert result.ok and result.updated == [str(task.pk)]
        assert (task.content, task.completed_on) == ("Mới", datetime.date(2022, 3, 2))
        assert task.deadline == datetime.date(2022, 3, 1)  # column absent: left unchanged
        change = AuditEntry.objects.get(action="assigned_task.updated").data["changes"]
        assert change["content"] == ["Cũ", "Mới"]
    else:
        assert not result.ok and "Tick “Update existing records”" in result.messages()[0]
        assert task.content == "Cũ"


def test_an_id_of_another_register_is_refused(organiser, district, commune):
    elsewhere = make_task(commune, content="Của xã")
    result = _import(
        organiser, district, [["Mã nhiệm vụ", "Nội dung"], [elsewhere.pk, "Ghi đè"]],
        update_existing=True,
    )  # fmt: skip
    assert result.messages() == [
        f"Row 2, column 1 (Mã nhiệm vụ): No task {elsewhere.pk} in this register."
    ]
    elsewhere.refresh_from_db()
    assert elsewhere.content == "Của xã"


def test_a_department_is_found_by_code_or_name_and_the_nearest_wins(
    organiser, province, district, commune
):
    from parindex.orgs.tests.factories import DepartmentFactory

    provincial = DepartmentFactory(jurisdiction=province, code="YT", name="Sở Y tế")
    local = DepartmentFactory(jurisdiction=district, code="YT", name="Phòng Y tế")
    rows = [["Nội dung", "Cơ quan tham mưu"], ["a", "yt"], ["b", "Y TẾ"], ["c", "Sở Y tế"]]
    assert _import(organiser, commune, rows).ok
    got = list(AssignedTask.objects.order_by("pk").values_list("department_id", flat=True))
    assert got == [local.pk, local.pk, provincial.pk]


def test_an_unreadable_file_is_refused_whole(organiser, district):
    import io

    result = import_tasks(organiser, district, io.BytesIO(b"not a zip"), "x.xlsx")
    assert result.messages() == ["The file is not a valid XLSX workbook."]
