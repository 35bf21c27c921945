"""Per department: points owned across all units, lost this year and last year, open tasks;
department owners see their own department only."""

import datetime
import re
from decimal import Decimal

from django.urls import reverse

from parindex.remediation.departments import department_rows
from parindex.remediation.services import build_plan
from parindex.remediation.tests.factories import SEED_004_LOST


def test_owned_and_lost_points_per_department_and_year(
    campaign, snapshot, last_year, departments, organiser, commune
):
    plan = build_plan(
        organiser,
        commune,
        campaign,
        snapshot_id=snapshot.pk,
        codes=list(SEED_004_LOST),
        grouped=[],
        letter={"title": "Kế hoạch"},
    )
    plan.tasks.filter(department=departments["NV"]).update(deadline=datetime.date(2020, 1, 1))
    years, rows = department_rows(campaign, None, datetime.date(2023, 1, 1))
    assert [y.year for y in years] == [2022, 2021]
    by_code = {row.department.code: row for row in rows}
    # Two communes: NV owns 1.3.3 and 1.5 (2 points each), VH 1.4.3, 7.3.2, 7.3.3 (2.75 each).
    assert by_code["NV"].owned == Decimal(4)
    assert by_code["VH"].owned == Decimal("5.5")
    assert by_code["VP"].owned == Decimal(2)
    assert by_code["NV"].lost == {2022: Decimal(2), 2021: Decimal(1)}
    assert by_code["VH"].lost == {2022: Decimal("2.3797"), 2021: Decimal("0.5")}
    assert by_code["VP"].lost == {2022: Decimal("0.5")}
    assert (by_code["NV"].open_tasks, by_code["NV"].overdue_tasks) == (2, 2)
    assert (by_code["VH"].open_tasks, by_code["VH"].overdue_tasks) == (3, 0)


def test_a_department_owner_sees_only_their_department(
    client_for, dept_owner, organiser, campaign, snapshot, departments
):
    url = reverse("remediation:departments", args=[campaign.pk])
    own = client_for(dept_owner).get(url).content.decode()
    assert re.findall(r'id="department-(\w+)"', own) == ["NV"]
    everything = client_for(organiser).get(url).content.decode()
    assert sorted(re.findall(r'id="department-(\w+)"', everything)) == ["NV", "VH", "VP"]


def test_a_department_owner_sees_only_their_departments_lost_points(
    client_for, dept_owner, campaign, snapshot, commune
):
    url = reverse("remediation:lost_points", args=[commune.pk, campaign.pk])
    page = client_for(dept_owner).get(url).content.decode()
    assert re.findall(r'id="loss-([\d.]+)"', page) == ["1.3.3", "1.5"]
    assert 'name="codes"' not in page  # no plan building for them
