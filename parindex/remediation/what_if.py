"""What-if on a unit's campaign result (seed 004: a district 21st of 27 asks "if we recover
these five criteria, where do we stand?") and the cheapest path to the next group.

The unit is re-scored by the engine from the snapshot's own inputs; the other units' published
indices give the rank and the snapshot's bands the group. Nothing here is stored.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils import translation

from parindex.assessments.criteria import criteria_for, evaluate
from parindex.results.models import ResultSnapshot, UnitResult
from parindex.results.snapshot import bands_of
from parindex.scoring import (
    CheapestPath,
    GroupBand,
    LostPoints,
    WhatIf,
    cheapest_path,
    lost_points,
    what_if,
)
from parindex.scoring import UnitResult as EngineResult


@dataclass(frozen=True)
class ResultWhatIf:
    snapshot: ResultSnapshot
    row: UnitResult
    result: EngineResult
    lost: tuple[LostPoints, ...]
    others: tuple[Decimal | None, ...]
    bands: tuple[GroupBand, ...]
    language: str

    @cached_property
    def path(self) -> CheapestPath:
        """Only the page shows it: the what-if answers typed points without searching."""
        return cheapest_path(self.result, self.bands, others=self.others)

    @property
    def now(self) -> WhatIf:
        return self.apply({})

    @property
    def ranked_among(self) -> int:
        return len(self.others) + 1

    @property
    def path_text(self) -> str:
        return self.path.explain(self.language)

    def apply(self, targets: Mapping[str, str | Decimal]) -> WhatIf:
        """The unit's total, index, group and rank with `targets` (leaf -> points)."""
        return what_if(self.result, points=targets, others=self.others, bands=self.bands)


def result_what_if(snapshot: ResultSnapshot, row: UnitResult) -> ResultWhatIf:
    language = translation.get_language()
    criteria = criteria_for(snapshot.framework)
    result = evaluate(criteria, row.inputs, snapshot.campaign.year, language=language)
    others = tuple(
        UnitResult.objects.filter(snapshot=snapshot)
        .exclude(pk=row.pk)
        .values_list("index", flat=True)
    )
    bands = bands_of(snapshot.groups)
    return ResultWhatIf(
        snapshot, row, result, lost_points(result, language), others, bands, language
    )
