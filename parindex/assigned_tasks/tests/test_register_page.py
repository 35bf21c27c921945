"""The register page: overdue rows stand out, the counts by department, the filters."""

import datetime

import pytest
from django.urls import reverse

from parindex.assigned_tasks.tests.conftest import make_task

D = datetime.date


@pytest.fixture
def page_for(client_for, organiser, district):
    def get(**params) -> str:
        url = reverse("assigned_tasks:register", args=[district.pk])
        return client_for(organiser).get(url, params).content.decode()

    return get


@pytest.fixture
def tasks(district, department, finance):
    make_task(district, content="Đất đai quá hạn", department=finance, deadline=D(2022, 9, 1))
    make_task(district, content="Ngân sách quá hạn", department=finance, deadline=D(2022, 8, 1))
    make_task(district, content="Kế hoạch trễ", department=department, deadline=D(2022, 1, 31),
              completed_on=D(2022, 2, 3))  # fmt: skip
    make_task(district, content="Báo cáo đúng hạn", department=department, deadline=D(2022, 3, 1),
              completed_on=D(2022, 3, 1))  # fmt: skip
    make_task(district, content="Việc chưa đến hạn", deadline=D(2099, 1, 1))


def test_overdue_rows_stand_out_and_counts_come_by_department(page_for, tasks):
    page = page_for()
    assert page.count('<tr class="status-overdue">') == 2
    assert page.count('<strong class="tag overdue">Overdue</strong>') == 2
    assert '<span class="tag late">Done late</span>' in page
    finance_row = page[page.index("Phòng Tài chính – Kế hoạch <span") :].split("</tr>")[0]
    cells = [c.split(">")[-1] for c in finance_row.split("</td>")[1:6]]
    assert cells == ["2", "0", "2", "0", "0"]  # tasks, open, overdue, done late, on time
    assert '<tr class="overdue">' in page  # the department with overdue tasks stands out


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "overdue"}, {"Đất đai quá hạn", "Ngân sách quá hạn"}),
        ({"status": "late"}, {"Đất đai quá hạn", "Ngân sách quá hạn", "Kế hoạch trễ"}),
        ({"status": "open"}, {"Việc chưa đến hạn"}),
        ({"department": "none"}, {"Việc chưa đến hạn"}),
        ({"q": "DAT DAI"}, {"Đất đai quá hạn"}),
        ({"year": "2099"}, {"Việc chưa đến hạn"}),
    ],
)
def test_filters(page_for, tasks, params, expected):
    page = page_for(**params)
    table = page[page.index('id="task-table"') :]
    shown = {
        name
        for name in ("Đất đai quá hạn", "Ngân sách quá hạn", "Kế hoạch trễ", "Báo cáo đúng hạn",
                     "Việc chưa đến hạn")
        if name in table
    }  # fmt: skip
    assert shown == expected


def test_filter_by_department(page_for, tasks, finance):
    table = page_for(department=str(finance.pk)).split('id="task-table"')[1]
    assert "Đất đai quá hạn" in table and "Kế hoạch trễ" not in table
