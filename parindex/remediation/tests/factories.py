"""A small district-like criteria set in seed 004's codes, campaigns on it, and result
snapshots computed by the results app's own engine run (results.snapshot.compute) over given
inputs, without walking the whole appraisal flow for each year."""

import datetime

from django.utils import timezone

from parindex.assessments import services as campaign_services
from parindex.assessments.criteria import criteria_for
from parindex.assessments.models import Campaign, Layer, ScoreEntry
from parindex.frameworks import services as framework_services
from parindex.frameworks.models import FrameworkVersion
from parindex.orgs.models import Department, Unit
from parindex.results.models import ResultSnapshot, SnapshotKind, UnitResult
from parindex.results.snapshot import compute

RATIO = {"kind": "proportional", "floor": "0", "target": "100"}


def _leaf(code: str, title: str, maximum: str, department: str, rule: dict, **extra) -> dict:
    return {
        "code": code,
        "title": title,
        "max": maximum,
        "department": department,
        "rule": rule,
        **extra,
    }


def seed_document(year: int, code: str) -> dict:
    """Field 1 (Phòng Nội vụ, Văn hóa) and field 7 (Văn hóa, Văn phòng) of seed 004."""
    initiatives = {
        "kind": "bands",
        "measure": "count",
        "bands": [{"min": "2", "points": "1"}, {"min": "0", "max": "2", "points": "0"}],
    }
    iso = {
        "kind": "choice",
        "options": [
            {"key": "tot", "label": "Tốt", "points": "1"},
            {"key": "dat", "label": "Đạt", "points": "0.5"},
        ],
    }
    channels = {
        "kind": "choice",
        "options": [
            {"key": "da_dang", "label": "Đa dạng", "points": "0.75"},
            {"key": "truyen_thong", "label": "Truyền thống", "points": "0"},
        ],
    }
    fixing = {
        "kind": "formula",
        "inputs": [{"name": "a", "type": "count"}, {"name": "b", "type": "count"}],
        "expression": "if(a > 0, b / a, 1)",
    }
    field1 = {
        "code": "1",
        "title": "Công tác chỉ đạo điều hành",
        "max": "2.75",
        "department": "NV",
        "children": [
            {
                "code": "1.3",
                "title": "Kiểm tra CCHC",
                "max": "1",
                "department": "NV",
                "children": [
                    _leaf(
                        "1.3.3", "Xử lý các vấn đề phát hiện qua kiểm tra CCHC", "1", "NV", fixing
                    )
                ],
            },
            {
                "code": "1.4",
                "title": "Tuyên truyền CCHC",
                "max": "0.75",
                "children": [
                    _leaf("1.4.3", "Mức độ đa dạng trong tuyên truyền CCHC", "0.75", "VH", channels)
                ],
            },
            _leaf("1.5", "Sáng kiến trong cải cách hành chính", "1", "NV", initiatives),
        ],
    }
    field7 = {
        "code": "7",
        "title": "Xây dựng và phát triển chính quyền điện tử",
        "max": "3",
        "children": [
            {
                "code": "7.3",
                "title": "Dịch vụ công trực tuyến",
                "max": "2",
                "department": "VH",
                "children": [
                    _leaf(
                        "7.3.2", "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3", "1", "VH", RATIO
                    ),
                    _leaf(
                        "7.3.3", "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 4", "1", "VH", RATIO
                    ),
                ],
            },
            {
                "code": "7.6",
                "title": "Hệ thống quản lý chất lượng",
                "max": "1",
                "children": [
                    _leaf(
                        "7.6.1",
                        "Duy trì và cải tiến Hệ thống quản lý chất lượng ISO 9001",
                        "1",
                        "VP",
                        iso,
                        year_end_only=True,
                    )
                ],
            },
        ],
    }
    return {
        "format": "parindex-framework/1",
        "code": code,
        "year": year,
        "title": f"Bộ chỉ số CCHC cấp xã năm {year}",
        "unit_kind": "commune",
        "scale_to": "100",
        "groups": [{"label": "A", "min": "90"}, {"label": "B", "min": "0"}],
        "nodes": [field1, field7],
    }


# Seed 004's district in 2022: 1.3.3 −1, 1.4.3 −0.75, 1.5 −1, 7.3.2 −0.8042, 7.3.3 −0.8255,
# 7.6.1 −0.5 (4.8797 points lost).
SEED_004_INPUTS = {
    "1.3.3": {"a": "4", "b": "0"},
    "1.4.3": {"value": "truyen_thong"},
    "1.5": {"value": "1"},
    "7.3.2": {"value": {"num": "1958", "den": "10000"}},
    "7.3.3": {"value": {"num": "1745", "den": "10000"}},
    "7.6.1": {"value": "dat"},
}
SEED_004_LOST = {
    "1.3.3": "1",
    "1.4.3": "0.75",
    "1.5": "1",
    "7.3.2": "0.8042",
    "7.3.3": "0.8255",
    "7.6.1": "0.5",
}
FULL_INPUTS = {
    "1.3.3": {"a": "4", "b": "4"},
    "1.4.3": {"value": "da_dang"},
    "1.5": {"value": "2"},
    "7.3.2": {"value": {"num": "1", "den": "1"}},
    "7.3.3": {"value": {"num": "1", "den": "1"}},
    "7.6.1": {"value": "tot"},
}


def seed_departments(jurisdiction: Unit) -> dict[str, Department]:
    """NV is the cast's `department`; VH and VP are created beside it."""
    found = {d.code: d for d in Department.objects.filter(jurisdiction=jurisdiction)}
    for code, name in (
        ("NV", "Phòng Nội vụ"),
        ("VH", "Phòng Văn hóa - Thông tin"),
        ("VP", "Văn phòng HĐND và UBND"),
    ):
        if code not in found:
            found[code] = Department.objects.create(jurisdiction=jurisdiction, code=code, name=name)
    return found


def seed_set(jurisdiction: Unit, year: int) -> FrameworkVersion:
    doc = seed_document(year, f"seed-{year}")
    version = framework_services.import_document(
        None, jurisdiction, doc, departments=seed_departments(jurisdiction)
    )
    return framework_services.publish(None, version)


def seed_campaign(organiser, jurisdiction: Unit, units, year: int) -> Campaign:
    now = timezone.now()
    return campaign_services.create_campaign(
        organiser,
        jurisdiction=jurisdiction,
        framework=seed_set(jurisdiction, year),
        year=year,
        title=f"Chỉ số CCHC cấp xã năm {year}",
        schedule={
            "self_open": now - datetime.timedelta(days=30),
            "submit_due": now - datetime.timedelta(days=1),
        },
        units=units,
    )


def take(
    campaign: Campaign, inputs: dict[Unit, dict], kind: str = SnapshotKind.FINAL, taken_at=None
) -> ResultSnapshot:
    """A snapshot of `campaign` whose figures the engine computes from `inputs` per unit."""
    assessments = [
        a
        for a in campaign.assessments.select_related("unit").order_by("unit__code")
        if a.unit in inputs
    ]
    layers = {
        a.pk: {
            Layer.FINAL: {
                code: ScoreEntry(
                    node_code=code, layer=Layer.FINAL, revision=1, inputs=value, note=""
                )
                for code, value in inputs[a.unit].items()
            }
        }
        for a in assessments
    }
    rows = compute(criteria_for(campaign.framework), campaign, assessments, layers, kind)[1]
    snapshot = ResultSnapshot.objects.create(
        campaign=campaign,
        kind=kind,
        framework=campaign.framework,
        source="final",
        groups=campaign.groups,
        taken_at=taken_at or timezone.now(),
    )
    for row in rows:
        row.snapshot = snapshot
    UnitResult.objects.bulk_create(rows)
    return snapshot
