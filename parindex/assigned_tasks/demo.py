"""The demo register: Phù Yên district's tasks assigned by the province in 2025.

Seed 000: "17 nội dung công việc quá hạn (Phòng Tài chính-Kế hoạch: 08; Phòng NN&PTNT: 01;
Phòng KT&HT: 02; Phòng TN&MT: 02; Trung tâm Y tế huyện: 01 và Công an huyện: 03)". The demo
world has no "Trung tâm Y tế huyện": its task goes to Phòng Y tế (YT). The 120 tasks in all and
the 103 done on time are the demo criteria set's interim figure (district-2025-interim-inputs:
1.6.1 = 103/120 → 0.5 points); contents and document numbers are made up ("[Demo]").

Idempotent: a district whose register has any task is left as it is.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from parindex.assigned_tasks.feed import ratio_leaves
from parindex.assigned_tasks.models import AssignedTask, RegisterFeed
from parindex.audit.services import log_action
from parindex.orgs import demo_world as world
from parindex.orgs.models import Department, Unit

OVERDUE = {"TCKH": 8, "NNPTNT": 1, "KTHT": 2, "TNMT": 2, "YT": 1, "CA": 3}  # seed 000
ON_TIME = {  # [Demo]: 103 in all
    "VP": 20,
    "NV": 15,
    "TP": 10,
    "VHTT": 10,
    "TCKH": 12,
    "KTHT": 8,
    "NNPTNT": 8,
    "TNMT": 8,
    "YT": 6,
    "CA": 6,
}
YEAR = 2025
DEMO_SET = "phu-yen-huyen-2025"
FED_NODE = "1.6.1"
ISSUERS = ("UBND tỉnh Sơn La", "Chủ tịch UBND tỉnh Sơn La")
SUBJECTS = (
    "Báo cáo kết quả thực hiện",
    "Rà soát, tham mưu triển khai",
    "Tổng hợp, đánh giá tình hình",
    "Xây dựng kế hoạch thực hiện",
)


def _departments(district: Unit) -> dict[str, Department]:
    found = {}
    for code, (office, _provincial) in world.DEPARTMENTS.items():
        found[code], _created = Department.objects.get_or_create(
            jurisdiction=district, code=code, defaults={"name": office}
        )
    return found


def _task(district: Unit, department: Department, number: int, done: bool) -> AssignedTask:
    # Deadlines from mid-January to the end of June 2025 (the district ends on 30 June).
    deadline = datetime.date(YEAR, 1, 15) + datetime.timedelta(days=(number * 37) % 166)
    issued = deadline - datetime.timedelta(days=30)
    subject = SUBJECTS[number % len(SUBJECTS)]
    return AssignedTask(
        unit=district,
        document_number=f"{1000 + number * 17}/UBND-{'KT' if number % 2 else 'TH'}",
        document_date=issued,
        issuer=ISSUERS[number % 2],
        content=f"[Demo] {subject} nhiệm vụ số {number} ({department.name})",
        department=department,
        deadline=deadline,
        completed_on=deadline - datetime.timedelta(days=number % 9) if done else None,
        notes="" if done else "[Demo] Quá hạn, chưa báo cáo kết quả (seed 000).",
    )


def _tasks(district: Unit, departments: dict[str, Department]) -> list[AssignedTask]:
    tasks, number = [], 0
    for counts, done in ((ON_TIME, True), (OVERDUE, False)):
        for code, count in counts.items():
            for _i in range(count):
                number += 1
                tasks.append(_task(district, departments[code], number, done))
    return tasks


def _feed_demo_campaigns() -> int:
    """Point the demo district campaigns (if any) at 1.6.1: how many were set now."""
    from parindex.assessments.models import Campaign

    campaigns = [
        campaign
        for campaign in Campaign.objects.filter(
            framework__code=DEMO_SET, register_feed__isnull=True
        ).select_related("jurisdiction", "framework")
        if FED_NODE in dict(ratio_leaves(campaign))
    ]
    for campaign in campaigns:
        RegisterFeed.objects.create(campaign=campaign, node_code=FED_NODE)
        log_action(
            None,
            "assigned_tasks.feed_set",
            campaign,
            unit=campaign.jurisdiction,
            data={"node": ["", FED_NODE], "source": "load_demo"},
        )
    return len(campaigns)


@transaction.atomic
def load_demo_register() -> str:
    """Load the demo register of Phù Yên district; returns a line for load_demo to print."""
    district = Unit.objects.filter(code=world.DISTRICT[0]).first()
    if district is None:
        return "Assigned tasks: no demo district (run load_demo first)."
    feeds = _feed_demo_campaigns()
    if AssignedTask.objects.filter(unit=district).exists():
        return f"Assigned tasks: register of {district.code} already loaded."
    now = timezone.now()
    tasks = _tasks(district, _departments(district))
    for task in tasks:
        task.created_at = task.updated_at = now
        task.save()  # save(), not bulk_create: it normalises and fills search_text
    log_action(
        None,
        "assigned_tasks.imported",
        unit=district,
        data={"source": "load_demo", "created": len(tasks), "feeds": feeds},
    )
    overdue = sum(OVERDUE.values())
    return (
        f"Assigned tasks: {len(tasks)} tasks for {district.code}, {overdue} overdue "
        f"(seed 000 by department)."
    )
