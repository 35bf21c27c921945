"""The interim report in seed 000's shape, its projection, rank among peers, and what-if.

Seed 000 (a district's 9-month self-scoring): per field "scored so far / max", the items judged
only at year end (listed, not counted as lost), the items already lost with their reasons, then
where the unit would stand. The projection assumes each year-end-only leaf not yet scored gets
last year's final points of the same criterion code where the unit has them, else full points;
the page says so. Peers are the other units of the same kind under the same parent, each at its
latest interim round on the same criteria set, else its latest final result.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils import translation

from parindex.interim.models import InterimAnswer, InterimRound
from parindex.interim.services import current_answers, evaluate_round
from parindex.orgs.models import Unit
from parindex.results.models import SnapshotKind, UnitResult
from parindex.scoring import (
    CheapestPath,
    LostPoints,
    WhatIf,
    cheapest_path,
    lost_points,
    rank,
    what_if,
)
from parindex.scoring import UnitResult as EngineResult


@dataclass(frozen=True)
class Peer:
    unit: Unit
    index: Decimal | None
    basis: str  # "9 tháng (30/09/2025)" or "2024"


@dataclass(frozen=True)
class InterimReport:
    round: InterimRound
    result: EngineResult
    lost: tuple[LostPoints, ...]  # already lost, not year-end-only
    pending: tuple[LostPoints, ...]  # year-end-only leaves not (fully) scored yet
    assumed: dict[str, Decimal]  # the projection's points for the pending leaves
    assumed_from_last_year: frozenset[str]
    projected: WhatIf
    peers: tuple[Peer, ...]
    rank_now: int | None
    language: str

    @cached_property
    def path(self) -> CheapestPath:
        """The fewest criteria to recover to reach the next group (only the page shows it)."""
        return cheapest_path(self.result, others=self.others)

    @property
    def path_text(self) -> str:
        return self.path.explain(self.language)

    @property
    def lost_total(self) -> Decimal:
        return sum((item.lost for item in self.lost), Decimal(0))

    @property
    def others(self) -> list[Decimal | None]:
        return [peer.index for peer in self.peers]


def peers_of(unit: Unit) -> list[Unit]:
    return list(
        Unit.objects.filter(parent_id=unit.parent_id, kind=unit.kind)
        .exclude(pk=unit.pk)
        .order_by("name")
    )


def _latest_rounds(round_: InterimRound, units: list[Unit]) -> dict[int, InterimRound]:
    latest: dict[int, InterimRound] = {}
    rounds = InterimRound.objects.filter(
        unit__in=units, framework=round_.framework, as_of__lte=round_.as_of
    ).order_by("unit_id", "-as_of")
    for candidate in rounds.select_related("framework"):
        latest.setdefault(candidate.unit_id, candidate)
    return latest


def _latest_finals(units: list[Unit]) -> dict[int, UnitResult]:
    latest: dict[int, UnitResult] = {}
    rows = (
        UnitResult.objects.filter(unit__in=units, snapshot__kind=SnapshotKind.FINAL)
        .select_related("snapshot__campaign")
        .order_by("unit_id", "-snapshot__campaign__year", "-snapshot__taken_at")
    )
    for row in rows:
        latest.setdefault(row.unit_id, row)
    return latest


def _answers_by_round(rounds: list[InterimRound]) -> dict[int, dict[str, InterimAnswer]]:
    found: dict[int, dict[str, InterimAnswer]] = {r.pk: {} for r in rounds}
    query = InterimAnswer.objects.filter(round__in=rounds).order_by(
        "round_id", "node_code", "revision"
    )
    for answer in query:
        found[answer.round_id][answer.node_code] = answer
    return found


def find_peers(round_: InterimRound) -> tuple[Peer, ...]:
    units = peers_of(round_.unit)
    rounds = _latest_rounds(round_, units)
    answers = _answers_by_round(list(rounds.values()))
    finals = _latest_finals([u for u in units if u.pk not in rounds])
    peers = []
    for unit in units:
        if unit.pk in rounds:
            other = rounds[unit.pk]
            result = evaluate_round(other, answers[other.pk])
            basis = f"{other.label} ({other.as_of:%d/%m/%Y})"
            peers.append(Peer(unit, result.index_rounded, basis))
        elif unit.pk in finals:
            row = finals[unit.pk]
            peers.append(Peer(unit, row.index, str(row.snapshot.campaign.year)))
    return tuple(peers)


def _assumptions(
    round_: InterimRound, pending: tuple[LostPoints, ...]
) -> tuple[dict[str, Decimal], frozenset[str]]:
    last = _latest_finals([round_.unit]).get(round_.unit_id)
    from_last_year = {}
    if last is not None:
        for item in pending:
            if item.code in last.points:
                known = Decimal(last.points[item.code])
                from_last_year[item.code] = min(max(known, item.points), item.maximum)
    assumed = {item.code: from_last_year.get(item.code, item.maximum) for item in pending}
    return assumed, frozenset(from_last_year)


def interim_report(round_: InterimRound, language: str | None = None) -> InterimReport:
    language = language or translation.get_language()
    answers = current_answers(round_)
    result = evaluate_round(round_, answers)
    items = lost_points(result, language)
    lost = tuple(item for item in items if not item.year_end_only)
    pending = tuple(item for item in items if item.year_end_only)
    assumed, known = _assumptions(round_, pending)
    peers = find_peers(round_)
    others = [peer.index for peer in peers]
    projected = what_if(result, points=assumed, others=others)
    rank_now = rank([result.index_rounded, *others])[0]
    return InterimReport(
        round_, result, lost, pending, assumed, known, projected, peers, rank_now, language
    )


def try_what_if(report: InterimReport, targets: Mapping[str, Decimal]) -> WhatIf:
    """The projection with the user's expected points on top of the year-end assumptions."""
    return what_if(report.result, points={**report.assumed, **targets}, others=report.others)
