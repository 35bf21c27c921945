"""The export writes what the import reads: export → import with "update existing" changes
nothing; an edited cell changes exactly that field."""

import datetime
import io

from django.urls import reverse

from parindex.assigned_tasks.models import AssignedTask
from parindex.assigned_tasks.table import import_tasks
from parindex.assigned_tasks.tests.conftest import make_task
from parindex.assigned_tasks.tests.tables import read_xlsx, xlsx

D = datetime.date


def _register(district, department, finance):
    make_task(
        district,
        document_number="4010/UBND-KT",
        document_date=D(2022, 8, 29),
        issuer="UBND tỉnh Sơn La",
        content="=Báo cáo đất đai, dòng 1\ndòng 2",  # a formula-looking text stays text
        department=finance,
        deadline=D(2022, 9, 30),
        notes="Chưa xong",
    )
    make_task(district, content="Kế hoạch CCHC", department=department,
              deadline=D(2022, 2, 1), completed_on=D(2022, 1, 30))  # fmt: skip
    make_task(district, content="Không hạn")


def test_export_then_import_changes_nothing(client_for, organiser, district, department, finance):
    _register(district, department, finance)
    before = list(AssignedTask.objects.order_by("pk").values())
    response = client_for(organiser).get(
        reverse("assigned_tasks:export", args=[district.pk, "xlsx"])
    )
    assert response.status_code == 200
    rows = read_xlsx(response.content)
    assert rows[0][:5] == ["Mã nhiệm vụ", "Số hiệu văn bản", "Ngày văn bản", "Cơ quan giao",
                           "Nội dung nhiệm vụ"]  # fmt: skip
    status = {row[4].split(",")[0]: row[-1] for row in rows[1:]}
    # "'=…": the apostrophe keeps Excel from running the text as a formula; the import drops it.
    assert status == {"'=Báo cáo đất đai": "Overdue", "Kế hoạch CCHC": "Done on time",
                      "Không hạn": "Open"}  # fmt: skip

    result = import_tasks(organiser, district, io.BytesIO(response.content), "x.xlsx",
                          update_existing=True)  # fmt: skip

    assert result.ok, result.messages()
    assert result.unchanged == 3 and not result.created and not result.updated
    assert list(AssignedTask.objects.order_by("pk").values()) == before


def test_an_edited_export_updates_the_edited_field_only(
    client_for, organiser, district, department, finance
):
    _register(district, department, finance)
    response = client_for(organiser).get(
        reverse("assigned_tasks:export", args=[district.pk, "xlsx"])
    )
    rows = read_xlsx(response.content)
    (edited,) = [row for row in rows if row[1] == "4010/UBND-KT"]
    edited[7] = "28/09/2022"  # its completion date, typed day-first
    result = import_tasks(organiser, district, xlsx(rows), "x.xlsx", update_existing=True)
    assert result.ok and len(result.updated) == 1 and result.unchanged == 2
    task = AssignedTask.objects.get(document_number="4010/UBND-KT")
    assert task.completed_on == D(2022, 9, 28)
    assert task.content == "=Báo cáo đất đai, dòng 1\ndòng 2"


def test_the_csv_export_round_trips_too(client_for, organiser, district, department, finance):
    _register(district, department, finance)
    response = client_for(organiser).get(
        reverse("assigned_tasks:export", args=[district.pk, "csv"])
    )
    assert response["Content-Type"].startswith("text/csv")
    result = import_tasks(organiser, district, io.BytesIO(response.content), "x.csv",
                          update_existing=True)  # fmt: skip
    assert result.ok and result.unchanged == 3


def test_deleted_tasks_are_not_exported(client_for, organiser, district):
    from parindex.assigned_tasks.services import delete_task

    delete_task(organiser, make_task(district, content="Nhập nhầm"), "trùng")
    response = client_for(organiser).get(
        reverse("assigned_tasks:export", args=[district.pk, "xlsx"])
    )
    assert len(read_xlsx(response.content)) == 1
