"""Seed 003 in small: Phù Yên's 27 communes, 4 / 16 / 7 in groups B / C / D, three late.

Two campaigns over the same communes (2021 and 2022) on a two-field criteria set of manual
leaves (maximum 70, scaled to 100, as in seed 003), so every index is chosen here: Tường Phù
tops 2022 with 54/70 = 77.14, Huy Tường is last with 21/70 = 30. Answers are stored as self
entries in bulk (as the load benchmark does), with the final layer the council's approval
would write; the snapshots are final ones taken by take_snapshot: the engine computes every
figure.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from parindex.assessments import services as campaign_services
from parindex.assessments.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    CampaignStatus,
    Layer,
    ScoreEntry,
)
from parindex.frameworks import services as framework_services
from parindex.orgs.tests.factories import UnitFactory
from parindex.results.models import SnapshotKind
from parindex.results.snapshot import take_snapshot

# (name, 2022 total of 70, 2021 total of 70); seed 003's communes in its group order.
COMMUNES = [
    ("Tường Phù", "54", "56"),
    ("Thị trấn Phù Yên", "53", "55"),
    ("Tường Tiến", "51", "45"),
    ("Tường Phong", "49", "50"),
    *[
        (name, str(48 - Decimal("0.8") * n), str(49 - Decimal("0.8") * n))
        for n, name in enumerate(
            [
                "Huy Bắc",
                "Tường Thượng",
                "Tân Lang",
                "Huy Hạ",
                "Quang Huy",
                "Huy Tân",
                "Mường Lang",
                "Gia Phù",
                "Mường Bang",
                "Sập Xa",
                "Mường Cơi",
                "Mường Do",
                "Nam Phong",
                "Bắc Phong",
                "Suối Bau",
                "Đá Đỏ",
            ]
        )
    ],
    *[
        (name, str(34 - 2 * n), str(36 - 2 * n))
        for n, name in enumerate(
            ["Tân Phong", "Tường Hạ", "Kim Bon", "Suối Tọ", "Huy Thượng", "Mường Thải"]
        )
    ],
    ("Huy Tường", "21", "23"),
]
LATE = ("Bắc Phong", "Suối Tọ", "Huy Tường")
LEAVES = {"1.1": Decimal(10), "1.2.1": Decimal(10), "1.2.2": Decimal(10), "2.1": Decimal(40)}
SEVENTY = Decimal(70)


def _leaf(code: str, title: str, maximum: str) -> dict:
    return {"code": code, "title": title, "max": maximum, "rule": {"kind": "manual"}}


def report_set_document() -> dict:
    return {
        "format": "parindex-framework/1",
        "code": "py-xa",
        "title": "Bộ chỉ số CCHC cấp xã",
        "year": 2021,
        "unit_kind": "commune",
        "scale_to": "100",
        "groups": [
            {"label": "A", "min": "90"},
            {"label": "B", "min": "70"},
            {"label": "C", "min": "50"},
            {"label": "D", "min": "0"},
        ],
        "nodes": [
            {
                "code": "1",
                "title": "Công tác chỉ đạo, điều hành cải cách hành chính",
                "max": "30",
                "children": [
                    _leaf("1.1", "Kế hoạch CCHC năm", "10"),
                    {
                        "code": "1.2",
                        "title": "Báo cáo CCHC",
                        "max": "20",
                        "children": [
                            _leaf("1.2.1", "Báo cáo đúng hạn", "10"),
                            _leaf("1.2.2", "Báo cáo đủ nội dung", "10"),
                        ],
                    },
                ],
            },
            {
                "code": "2",
                "title": "Cải cách thể chế",
                "max": "40",
                "children": [_leaf("2.1", "Rà soát văn bản QPPL", "40")],
            },
        ],
    }


def split(total: Decimal) -> dict[str, Decimal]:
    """The leaves' points for a total of 70: each leaf the same share of its maximum."""
    points = {
        code: (maximum * total / SEVENTY).quantize(Decimal("0.0001"))
        for code, maximum in LEAVES.items()
    }
    points["2.1"] += total - sum(points.values())  # rounding left-over, so the total is exact
    return points


def _campaign(organiser, district, framework, units, year: int):
    now = timezone.now()
    schedule = {"self_open": now - datetime.timedelta(days=30), "submit_due": now}
    campaign = campaign_services.create_campaign(
        organiser,
        jurisdiction=district,
        framework=framework,
        year=year,
        title=f"Chỉ số CCHC năm {year} của UBND các xã, thị trấn",
        schedule=schedule,
        units=units,
    )
    return campaign_services.advance_campaign(organiser, campaign, CampaignStatus.OPEN)


def _answer(campaign, totals: dict[int, Decimal], late: set[int]) -> None:
    """Self and final entries of the same points; submitted (some late) and approved."""
    entries = []
    for assessment in campaign.assessments.all():
        for code, points in split(totals[assessment.unit_id]).items():
            for layer, note in ((Layer.SELF, "Tự chấm"), (Layer.FINAL, "self r1")):
                entries.append(
                    ScoreEntry(
                        assessment=assessment,
                        node_code=code,
                        layer=layer,
                        revision=1,
                        inputs={"value": str(points)},
                        points=points,
                        note=note,
                    )
                )
    ScoreEntry.objects.bulk_create(entries)
    due = campaign.submit_due
    on_time = campaign.assessments.exclude(unit_id__in=late)
    on_time.update(status=AssessmentStatus.APPROVED, submitted_at=due - datetime.timedelta(days=1))
    for number, assessment in enumerate(campaign.assessments.filter(unit_id__in=late)):
        Assessment.objects.filter(pk=assessment.pk).update(
            status=AssessmentStatus.APPROVED,
            late=True,
            submitted_at=due + datetime.timedelta(days=1, hours=number),
        )
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.APPROVED)
    campaign.refresh_from_db()


@pytest.fixture
def seed003(organiser, district, commune, other_commune):
    """{"snapshot": the 2022 final snapshot, "previous": 2021's, "units": {name: Unit}}."""
    units = {"Tường Phù": commune, "Tường Tiến": other_commune}
    for number, (name, _, _) in enumerate(COMMUNES):
        if name not in units:
            full = name if name.startswith("Thị trấn") else f"Xã {name}"
            units[name] = UnitFactory(code=f"PY-{number:02d}", name=full, parent=district)
    document = report_set_document()
    version = framework_services.import_document(None, district, document, departments={})
    version = framework_services.publish(None, version)
    snapshots = {}
    for year, column in ((2021, 2), (2022, 1)):
        campaign = _campaign(organiser, district, version, list(units.values()), year)
        totals = {units[row[0]].pk: Decimal(row[column]) for row in COMMUNES}
        late = {units[name].pk for name in LATE} if year == 2022 else set()
        _answer(campaign, totals, late)
        snapshots[year] = take_snapshot(organiser, campaign, SnapshotKind.FINAL)
    return {"snapshot": snapshots[2022], "previous": snapshots[2021], "units": units}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Built files go to a throw-away folder through the local storage."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return settings.MEDIA_ROOT
