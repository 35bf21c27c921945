"""A task's status follows from its deadline, completion date and today — in Python for one
task and in SQL for filters and counts, and the two always agree."""

import datetime
import itertools

import pytest

from parindex.assigned_tasks.models import AssignedTask, TaskStatus
from parindex.assigned_tasks.tests.conftest import make_task

D = datetime.date
TODAY = D(2022, 10, 1)


@pytest.mark.parametrize(
    ("deadline", "completed_on", "expected"),
    [
        (D(2022, 10, 5), None, TaskStatus.OPEN),
        (TODAY, None, TaskStatus.OPEN),  # due today is not overdue yet
        (D(2022, 9, 30), None, TaskStatus.OVERDUE),
        (None, None, TaskStatus.OPEN),  # no deadline: never overdue
        (D(2022, 9, 30), D(2022, 9, 30), TaskStatus.DONE_ON_TIME),  # on the day counts
        (D(2022, 9, 30), D(2022, 9, 1), TaskStatus.DONE_ON_TIME),
        (D(2022, 9, 30), D(2022, 10, 1), TaskStatus.DONE_LATE),
        (None, D(2022, 9, 1), TaskStatus.DONE_ON_TIME),
    ],
)
def test_status_on_a_day(deadline, completed_on, expected):
    task = AssignedTask(deadline=deadline, completed_on=completed_on)
    assert task.status_on(TODAY) == expected


def test_the_sql_status_agrees_with_python_for_every_combination(commune):
    days = [None, D(2022, 9, 29), TODAY, D(2022, 10, 3)]
    for deadline, completed_on in itertools.product(days, [None, D(2022, 9, 29), TODAY]):
        make_task(commune, deadline=deadline, completed_on=completed_on)
    annotated = AssignedTask.objects.with_status(TODAY)
    assert annotated.count() == 12
    for task in annotated:
        assert task.status == task.status_on(TODAY), (task.deadline, task.completed_on)
    for status in TaskStatus.values:
        expected = {t.pk for t in annotated if t.status_on(TODAY) == status}
        assert set(AssignedTask.objects.in_status(status, TODAY).values_list("pk", flat=True)) == (
            expected
        )


def test_an_open_task_becomes_overdue_the_day_after_its_deadline(commune):
    task = make_task(commune, deadline=TODAY)
    assert task.status_on(TODAY) == TaskStatus.OPEN
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert task.status_on(tomorrow) == TaskStatus.OVERDUE
    assert list(AssignedTask.objects.in_status(TaskStatus.OVERDUE, tomorrow)) == [task]


def test_text_is_stored_nfc_with_an_accent_free_search_column(commune):
    decomposed = "Ba\u0301o ca\u0301o ĐẤT ĐAI"
    task = make_task(commune, content=decomposed, document_number=" 4010/UBND-KT ")
    task.refresh_from_db()
    assert task.content == "Báo cáo ĐẤT ĐAI" and task.document_number == "4010/UBND-KT"
    assert "bao cao dat dai" in task.search_text
