"""The department view: per department, the points it owns and loses across all units, this
year and the years before, and its open remediation tasks.

A leaf belongs to the department its `department` code resolves to from each unit upwards
(losses.py). "Owned" is the sum of the leaves' maxima after N/A over every unit of the current
snapshot; "lost" the sum of maximum − points. Earlier years come from the latest final
snapshot of each earlier campaign of the same jurisdiction and kind of unit (seed 000 looks back
three years; we show as many as there are). Queries: a fixed handful plus one per year.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from parindex.assessments.criteria import criteria_for
from parindex.assessments.models import Campaign
from parindex.frameworks.documents import ancestor_ids
from parindex.orgs.models import Department, Unit
from parindex.remediation.losses import department_code
from parindex.remediation.models import PENDING_STATUSES, RemediationTask, overdue_condition
from parindex.remediation.snapshots import earlier_campaigns, latest_snapshot
from parindex.results.models import ResultSnapshot, UnitResult

ZERO = Decimal(0)


@dataclass
class DepartmentRow:
    department: Department
    owned: Decimal = ZERO
    lost: dict[int, Decimal] = field(default_factory=dict)  # {year: points lost}
    open_tasks: int = 0
    overdue_tasks: int = 0

    def lost_in(self, year: int) -> Decimal:
        return self.lost.get(year, ZERO)


@dataclass(frozen=True)
class Year:
    year: int
    campaign: Campaign
    snapshot: ResultSnapshot


class Resolver:
    """Department codes resolved from each unit upwards, from one query for all units."""

    def __init__(self, units: list[Unit]) -> None:
        chains = {unit.pk: ancestor_ids(unit) for unit in units}
        ids = {pk for chain in chains.values() for pk in chain}
        found: dict[tuple[int, str], Department] = {
            (d.jurisdiction_id, d.code): d for d in Department.objects.filter(jurisdiction__in=ids)
        }
        self._chains, self._found = chains, found

    def resolve(self, unit_id: int, code: str | None) -> Department | None:
        if not code:
            return None
        for jurisdiction_id in self._chains[unit_id]:
            department = self._found.get((jurisdiction_id, code))
            if department is not None:
                return department
        return None


def years_of(campaign: Campaign) -> list[Year]:
    """This campaign's latest snapshot (final, else provisional), then earlier years' finals."""
    years = []
    current = latest_snapshot(campaign)
    if current is not None:
        years.append(Year(campaign.year, campaign, current))
    seen = {campaign.year}
    for earlier in earlier_campaigns(campaign):
        if earlier.year in seen:
            continue
        snapshot = latest_snapshot(earlier, final_only=True)
        if snapshot is not None:
            seen.add(earlier.year)
            years.append(Year(earlier.year, earlier, snapshot))
    return years


def _add_year(rows: dict[int, DepartmentRow], year: Year, *, owned: bool) -> None:
    results = list(
        UnitResult.objects.filter(snapshot=year.snapshot)
        .select_related("unit")
        .only("unit", "unit__path", "points", "maxima")
    )
    framework = criteria_for(year.snapshot.framework).framework
    codes = [(leaf.code, department_code(framework, leaf)) for leaf in framework.leaves]
    resolver = Resolver([r.unit for r in results])
    for result in results:
        for code, department_code_ in codes:
            department = resolver.resolve(result.unit_id, department_code_)
            if department is None:
                continue
            row = rows.setdefault(department.pk, DepartmentRow(department))
            maximum = Decimal(result.maxima.get(code, "0"))
            lost = maximum - Decimal(result.points.get(code, "0"))
            if owned:
                row.owned += maximum
            if lost > ZERO:
                row.lost[year.year] = row.lost_in(year.year) + lost


def _add_tasks(rows: dict[int, DepartmentRow], today: datetime.date) -> None:
    counts = (
        RemediationTask.objects.filter(department_id__in=rows, status__in=PENDING_STATUSES)
        .values("department_id")
        .annotate(open=Count("id"), overdue=Count("id", filter=overdue_condition(today)))
    )
    for count in counts:
        row = rows[count["department_id"]]
        row.open_tasks, row.overdue_tasks = count["open"], count["overdue"]


def department_rows(
    campaign: Campaign, shown: frozenset[int] | None, today: datetime.date
) -> tuple[list[Year], list[DepartmentRow]]:
    """The years shown and one row per department (only `shown` ones unless None)."""
    years = years_of(campaign)
    rows = {
        d.pk: DepartmentRow(d)
        for d in Department.objects.filter(jurisdiction=campaign.jurisdiction)
    }
    for position, year in enumerate(years):
        _add_year(rows, year, owned=position == 0)
    if shown is not None:
        rows = {pk: row for pk, row in rows.items() if pk in shown}
    _add_tasks(rows, today)
    ordered = sorted(rows.values(), key=lambda r: (-r.lost_in(campaign.year), r.department.code))
    return years, ordered
