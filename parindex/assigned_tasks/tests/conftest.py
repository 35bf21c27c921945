"""Fixtures of the register tests, on top of the shared cast in the root conftest.py.

Tường Phù (`commune`) has a register; the district has departments NV (`department`, the
cast's) and TCKH (`finance`). `campaign` is an open 2022 campaign over the two communes whose
10-leaf set has a ratio leaf 1.3 (bands: < 80% → 0, 80–100% → 1) and a yes/no leaf 1.1.
"""

import datetime

import pytest
from django.utils import translation

from parindex.assessments.tests.factories import open_campaign
from parindex.assigned_tasks.models import AssignedTask
from parindex.orgs.tests.factories import DepartmentFactory

TODAY = datetime.date(2022, 10, 1)


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def finance(district):
    return DepartmentFactory(jurisdiction=district, code="TCKH", name="Phòng Tài chính – Kế hoạch")


def make_task(unit, *, deadline=None, completed_on=None, department=None, **kwargs):
    kwargs.setdefault("content", f"Nhiệm vụ {AssignedTask.objects.count() + 1}")
    return AssignedTask.objects.create(
        unit=unit, deadline=deadline, completed_on=completed_on, department=department, **kwargs
    )


@pytest.fixture
def campaign(organiser, district, commune, other_commune):
    return open_campaign(organiser, district, [commune, other_commune])


@pytest.fixture
def assessment(campaign, commune):
    return campaign.assessments.select_related("campaign__framework", "unit").get(unit=commune)
