"""What the portal shows of a published snapshot, through the results read API.

The results core reads the figures (results/summary.py); the portal only withholds what is not
public. "Last year" (UnitResult.previous) is taken by the results core from an earlier
campaign's published final snapshot, *else its latest final one*: an unpublished figure. The
portal shows a change only when the snapshot it compares with is itself published; a merged
unit's weighted "last year" names no snapshot, so its change is not shown here.
"""

import dataclasses

from parindex.portal.published import published_snapshots
from parindex.results.models import ResultSnapshot
from parindex.results.summary import RankedUnit, unit_rows

NO_PREVIOUS = {
    "previous_year": None,
    "previous_index": None,
    "previous_rank": None,
    "previous_total": None,
    "score_change": None,
    "rank_change": None,
    "direction": None,
    "merged_from": (),
}


def compared_snapshots(snapshot: ResultSnapshot) -> dict[str, int | None]:
    """Unit code → the snapshot its "last year" figures come from (None: none, or merged)."""
    rows = snapshot.units.order_by().values_list("unit__code", "previous__snapshot")
    return dict(rows)


def public_previous(rows: list[RankedUnit], compared: dict[str, int | None]) -> list[RankedUnit]:
    """`rows` with every comparison to an unpublished snapshot removed."""
    wanted = {pk for pk in compared.values() if isinstance(pk, int)}
    public = set(published_snapshots().filter(pk__in=wanted).values_list("pk", flat=True))
    return [
        row if compared.get(row.code) in public else dataclasses.replace(row, **NO_PREVIOUS)
        for row in rows
    ]


def ranking(snapshot: ResultSnapshot) -> list[RankedUnit]:
    """Every unit of the snapshot, best first, with public year-over-year changes only."""
    return public_previous(unit_rows(snapshot), compared_snapshots(snapshot))
