"""Ranking and grouping units by index."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from parindex.scoring.model import GroupBand
from parindex.scoring.rounding import ARITHMETIC, HUNDRED, ZERO, round_index, round_share


def rank(values: Sequence[Decimal | None]) -> list[int | None]:
    """Competition ranking, highest first: ties share a rank (1, 2, 2, 4).

    Equality is decided on the index as published (2 decimals), so two units shown with the
    same index never get different ranks. None (no index) is not ranked.
    """
    rounded = [None if value is None else round_index(value) for value in values]
    ranked = [unit for unit, value in enumerate(rounded) if value is not None]
    ranked.sort(key=rounded.__getitem__, reverse=True)
    ranks: list[int | None] = [None] * len(rounded)
    previous, previous_rank = None, 0
    for position, unit in enumerate(ranked, start=1):
        value = rounded[unit]
        if value != previous:  # a tie keeps the rank of the first unit with that value
            previous, previous_rank = value, position
        ranks[unit] = previous_rank
    return ranks


def group_of(index: Decimal | None, bands: Sequence[GroupBand]) -> str | None:
    """The first band (highest first) whose minimum the published index reaches."""
    if index is None:
        return None
    published = round_index(index)  # idempotent: callers may pass the published index
    for band in bands:
        if published >= band.minimum:
            return band.label
    return None


@dataclass(frozen=True, slots=True)
class GroupShare:
    label: str
    count: int
    share: Decimal  # percent of all units, 1 decimal (4/27 -> 14.8)


def group_shares(
    groups: Sequence[str | None], bands: Sequence[GroupBand]
) -> tuple[GroupShare, ...]:
    """How many units fall in each band, and their share of all units given."""
    total = len(groups)
    counts = Counter(groups)
    shares = []
    for band in bands:
        count = counts[band.label]
        share = round_share(ARITHMETIC.divide(Decimal(count) * HUNDRED, total)) if total else ZERO
        shares.append(GroupShare(band.label, count, share))
    return tuple(shares)
