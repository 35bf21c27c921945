"""Criteria sets of any size, campaigns and assessments for the assessment tests.

`set_document(leaves)` cycles through every rule kind a unit answers, so a set of 10 leaves and
one of 60 exercise the same widgets; `published_set` imports and publishes it like an organiser.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from parindex.assessments import services
from parindex.assessments.entries import record_self_entry
from parindex.assessments.models import Campaign, CampaignStatus
from parindex.frameworks import services as framework_services
from parindex.frameworks.models import FrameworkVersion
from parindex.orgs.models import Unit

LEAF_RULES: list[tuple[str, dict, dict]] = [
    # (max, rule, extra node keys)
    ("0.5", {"kind": "yes_no"}, {}),
    ("0.5", {"kind": "deadline", "due": "01-31", "tiers": [{"days_late": 0, "points": "0.5"}]}, {}),
    (
        "1",
        {
            "kind": "bands",
            "measure": "ratio",
            "percent": True,
            "bands": [
                {"min": "0", "max": "80", "points": "0"},
                {"min": "80", "max": "100", "max_inclusive": True, "points": "1"},
            ],
        },
        {"na": "exclude"},
    ),
    ("1", {"kind": "proportional", "floor": "80", "target": "100"}, {}),
    (
        "1",
        {
            "kind": "formula",
            "inputs": [{"name": "a", "type": "count"}, {"name": "b", "type": "count"}],
            "expression": "if(a > 0, b / a, 1)",
        },
        {},
    ),
    (
        "1",
        {
            "kind": "choice",
            "options": [
                {"key": "tot", "label": "Tốt", "points": "1"},
                {"key": "dat", "label": "Đạt", "points": "0.5"},
            ],
        },
        {"year_end_only": True},
    ),
    (
        "1",
        {
            "kind": "deductions",
            "events": [
                {"key": "late", "label": "Báo cáo trễ", "each": "0.25"},
                {"key": "reprimand", "label": "Bị phê bình", "zeroes": True},
            ],
            "nothing_arose": "full",
        },
        {},
    ),
    (
        "0.3",
        {
            "kind": "checklist",
            "items": [
                {"key": "a", "label": "Có mục tiêu", "points": "0.1"},
                {"key": "b", "label": "Có phân công", "points": "0.1"},
                {"key": "c", "label": "Có thời hạn", "points": "0.1"},
            ],
        },
        {},
    ),
    (
        "2",
        {
            "kind": "bands",
            "measure": "count",
            "bands": [{"min": "0", "max": "2", "points": "0"}, {"min": "2", "points": "2"}],
        },
        {},
    ),
    ("1", {"kind": "manual", "step": "0.25"}, {"na": "full"}),
]


def set_document(leaves: int, *, code: str = "test-set", year: int = 2022) -> dict:
    """A commune criteria set with `leaves` leaves in fields of up to 5 criteria."""
    fields = []
    for index in range(leaves):
        field_no, item_no = divmod(index, 5)
        if item_no == 0:
            fields.append(
                {
                    "code": str(field_no + 1),
                    "title": f"Lĩnh vực {field_no + 1}",
                    "max": "0",
                    "children": [],
                }
            )
        maximum, rule, extra = LEAF_RULES[index % len(LEAF_RULES)]
        field = fields[-1]
        field["children"].append(
            {
                "code": f"{field_no + 1}.{item_no + 1}",
                "title": f"Tiêu chí {field_no + 1}.{item_no + 1}",
                "max": maximum,
                "rule": rule,
                **extra,
            }
        )
    for field in fields:
        field["max"] = str(sum(Decimal(c["max"]) for c in field["children"]))
    return {
        "format": "parindex-framework/1",
        "code": code,
        "title": f"Bộ chỉ số thử nghiệm {code}",
        "year": year,
        "unit_kind": "commune",
        "scale_to": "100",
        "groups": [
            {"label": "A", "min": "90"},
            {"label": "B", "min": "70"},
            {"label": "C", "min": "50"},
            {"label": "D", "min": "0"},
        ],
        "nodes": fields,
    }


def published_set(jurisdiction: Unit, leaves: int = 10, **kwargs) -> FrameworkVersion:
    doc = set_document(leaves, **kwargs)
    version = framework_services.import_document(None, jurisdiction, doc, departments={})
    return framework_services.publish(None, version)


def schedule(opened_days_ago: int = 10, due_in_days: int = 10) -> dict[str, datetime.datetime]:
    now = timezone.now()
    return {
        "self_open": now - datetime.timedelta(days=opened_days_ago),
        "submit_due": now + datetime.timedelta(days=due_in_days),
    }


def open_campaign(organiser, jurisdiction: Unit, units, *, leaves: int = 10, **kwargs) -> Campaign:
    """A campaign on a fresh published set, already opened, self-assessment running now."""
    framework = published_set(jurisdiction, leaves, code=kwargs.pop("code", f"set-{leaves}"))
    campaign = services.create_campaign(
        organiser,
        jurisdiction=jurisdiction,
        framework=framework,
        year=2022,
        title=kwargs.pop("title", "Chỉ số CCHC cấp xã năm 2022"),
        schedule=kwargs.pop("schedule", schedule()),
        units=units,
    )
    return services.advance_campaign(organiser, campaign, CampaignStatus.OPEN)


# A valid answer for every leaf of the 10-leaf set (codes 1.1–1.5, 2.1–2.5).
COMPLETE_ANSWERS: dict[str, dict] = {
    "1.1": {"value": True},
    "1.2": {"value": "2022-01-20"},
    "1.3": {"value": {"num": "9", "den": "10"}},
    "1.4": {"value": {"num": "95", "den": "100"}},
    "1.5": {"a": "4", "b": "3"},
    "2.1": {"value": "tot"},
    "2.2": {"nothing_arose": True},
    "2.3": {"value": ["a", "b"]},
    "2.4": {"value": "3"},
    "2.5": {"value": "0.75"},
}


def answer_everything(user, assessment, note: str = "Giải trình: chưa có văn bản") -> None:
    """Save COMPLETE_ANSWERS as `user`, each with `note` (so nothing blocks the submission)."""
    current = {e.node_code: e.revision for e in assessment.entries.all()}
    for code, inputs in COMPLETE_ANSWERS.items():
        record_self_entry(user, assessment, code, inputs, note, current.get(code, 0))
