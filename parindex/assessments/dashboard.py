"""The campaign dashboard table: per unit, status, progress, self-score so far, lateness.

Two queries for any number of units (assessments with their stored self-score summaries,
extensions), three when some summary is missing or stale and those units are scored by the
engine here (self_scores.py). Filtering and sorting are done on the rows.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.assessments.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    Deadline,
    DeadlineExtension,
)
from parindex.assessments.schedule import effective_due, latest_extensions
from parindex.assessments.self_scores import FIGURES, campaign_figures
from parindex.assessments.templatetags.assessments_tags import points


@dataclass
class DashboardRow:
    assessment: Assessment
    answered: int
    leaves: int
    total: Decimal
    maximum: Decimal
    index: Decimal | None
    due: datetime.datetime | None
    extended: bool
    page_url: str = ""  # the unit's self-assessment page (set by the view: link_rows)
    extend_url: str = ""

    @property
    def unit(self):
        return self.assessment.unit

    # What each cell shows, computed here rather than by template filters and tags: the table
    # has a row per unit (hundreds in a province), and each filter or tag costs in every row.
    @property
    def status_label(self) -> str:
        return str(AssessmentStatus(self.assessment.status).label)

    @property
    def score(self) -> str:
        return f"{points(self.total)} / {points(self.maximum)}"

    @property
    def submitted_text(self) -> str:
        return _wall_clock(self.assessment.submitted_at)

    @property
    def due_text(self) -> str:
        return _wall_clock(self.due)

    @property
    def percent(self) -> int:
        return self.answered * 100 // self.leaves if self.leaves else 100

    @property
    def overdue(self) -> bool:
        """Not submitted and past the deadline in force."""
        return not self.assessment.locked and self.due is not None and timezone.now() > self.due


def _wall_clock(moment: datetime.datetime | None) -> str:
    """The time in TIME_ZONE as the date filter "d/m/Y H:i" writes it (10/12/2022 17:00)."""
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


PK_MARK = 9_007_199_254_740_993  # stands for a primary key in a reversed URL


def pk_url(name: str) -> Callable[[int], str]:
    """reverse(name, args=[pk]) for any pk, at the cost of one reverse (not two per row)."""
    head, tail = reverse(name, args=[PK_MARK]).rsplit(str(PK_MARK), 1)
    return lambda pk: f"{head}{pk}{tail}"


def link_rows(rows: list["DashboardRow"]) -> list["DashboardRow"]:
    """Set each row's links (the page's, not the exports')."""
    page_url, extend_url = pk_url("assessments:assessment"), pk_url("assessments:extend")
    for row in rows:
        row.page_url, row.extend_url = page_url(row.assessment.pk), extend_url(row.assessment.pk)
    return rows


ROW_COLUMNS = (
    *("campaign_id", "status", "submitted_at", "late"),
    *("unit__code", "unit__name"),
    *(f"self_score__{name}" for name in ("framework_id", "year", *FIGURES)),
)


def dashboard_rows(campaign: Campaign) -> list[DashboardRow]:
    # Only the columns the table shows: building hundreds of full rows (units, submitters) took
    # a fifth of the page's CPU. A deferred column read later would cost a query per row; the
    # query-count tests would catch it.
    query = campaign.assessments.select_related("unit", "self_score").only(*ROW_COLUMNS)
    assessments = list(query)
    ids = [a.pk for a in assessments]
    figures = campaign_figures(campaign, assessments)
    extensions = latest_extensions(
        DeadlineExtension.objects.filter(assessment_id__in=ids, deadline=Deadline.SUBMIT)
    )
    rows = []
    for assessment in assessments:
        found = figures[assessment.pk]
        extension = extensions.get((assessment.pk, Deadline.SUBMIT))
        rows.append(
            DashboardRow(
                assessment=assessment,
                answered=found.answered,
                leaves=found.leaves,
                total=found.total,
                maximum=found.maximum,
                index=found.index,
                due=effective_due(campaign, extension),
                extended=extension is not None,
            )
        )
    return rows


LATE_FILTER = "late"
NEVER = datetime.datetime.max.replace(tzinfo=datetime.UTC)  # not submitted: sorts last
SORT_KEYS = {
    "code": lambda r: r.unit.code,
    "name": lambda r: r.unit.name,
    "status": lambda r: list(AssessmentStatus.values).index(r.assessment.status),
    "progress": lambda r: (r.percent, r.answered),
    "total": lambda r: r.total,
    "index": lambda r: r.index if r.index is not None else Decimal(-1),
    "submitted": lambda r: r.assessment.submitted_at or NEVER,
    "late": lambda r: r.assessment.late,
}


def filter_rows(rows: list[DashboardRow], status: str) -> list[DashboardRow]:
    """`status` is an AssessmentStatus value, "late" (submitted late, whatever came next), or ""."""
    if status == LATE_FILTER:
        return [r for r in rows if r.assessment.late]
    if status:
        return [r for r in rows if r.assessment.status == status]
    return rows


def sort_rows(rows: list[DashboardRow], sort: str) -> list[DashboardRow]:
    """`sort` is a key of SORT_KEYS, with "-" in front for descending; unknown keys keep order."""
    key = SORT_KEYS.get(sort.removeprefix("-"))
    if key is None:
        return rows
    return sorted(rows, key=key, reverse=sort.startswith("-"))


def export_headers() -> list[str]:
    return [
        _("Code"),
        _("Unit"),
        _("Status"),
        _("Answered"),
        _("Criteria"),
        _("Self-score"),
        _("Maximum"),
        _("Index"),
        _("Submitted at"),
        _("Late"),
        _("Deadline"),
    ]


def _local(moment: datetime.datetime | None) -> datetime.datetime | None:
    # Spreadsheets have no time zones: write the local wall-clock time, without tzinfo.
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def export_row(row: DashboardRow) -> list:
    assessment = row.assessment
    return [
        row.unit.code,
        row.unit.name,
        assessment.get_status_display(),
        row.answered,
        row.leaves,
        row.total,
        row.maximum,
        row.index,
        _local(assessment.submitted_at),
        _("yes") if assessment.late else "",
        _local(row.due),
    ]
