"""The demo register reproduces seed 000's 17 overdue tasks by department and the demo set's
interim figure for 1.6.1 (103/120); loading it twice changes nothing."""

import datetime

from parindex.assigned_tasks.demo import load_demo_register
from parindex.assigned_tasks.feed import register_ratio
from parindex.assigned_tasks.models import AssignedTask, TaskStatus
from parindex.assigned_tasks.register import department_counts

TODAY = datetime.date(2025, 10, 1)


def test_seed_000s_overdue_tasks_by_department(district):
    assert district.code == "SL-PY"  # the demo district
    message = load_demo_register()
    assert message == "Assigned tasks: 120 tasks for SL-PY, 17 overdue (seed 000 by department)."

    tasks = AssignedTask.objects.filter(unit=district)
    counts, total = department_counts(tasks, TODAY)
    overdue = {c.code: c.overdue for c in counts if c.overdue}
    assert overdue == {"TCKH": 8, "NNPTNT": 1, "KTHT": 2, "TNMT": 2, "YT": 1, "CA": 3}
    assert (total.total, total.overdue, total.done_on_time, total.done_late) == (120, 17, 103, 0)
    ratio = register_ratio(district, 2025, TODAY)
    assert (ratio.on_time, ratio.total) == (103, 120)
    assert all(t.status_on(TODAY) != TaskStatus.OPEN for t in tasks)
    assert all(t.deadline <= datetime.date(2025, 6, 30) for t in tasks)  # the district's last day


def test_loading_twice_changes_nothing(district):
    load_demo_register()
    assert load_demo_register() == "Assigned tasks: register of SL-PY already loaded."
    assert AssignedTask.objects.count() == 120


def test_without_the_demo_district_it_says_so(db):
    assert load_demo_register() == "Assigned tasks: no demo district (run load_demo first)."
