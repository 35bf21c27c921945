"""Every rounding rule of the engine, stated once.

Criteria sets give points with up to 4 decimals (seed 004 lost 0.8042), so computed leaf points
are quantised to 4 places; parents are exact sums of their children. The index is quantised to
2 places for display and for ranking, percentages in explanations to 2, group shares to 1
(seed 003: 4/27 = 14.8%). Everything rounds half up, as people do on paper. Between roundings
the arithmetic runs in one fixed decimal context so a caller's context cannot change a score.
"""

from collections.abc import Iterable
from decimal import (
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)

ROUNDING = ROUND_HALF_UP
POINT_PLACES = 4
INDEX_PLACES = 2
PERCENT_PLACES = 2
AVERAGE_PLACES = 2
SHARE_PLACES = 1

# 28 significant digits between roundings; any invalid operation is a bug, so it raises.
ARITHMETIC = Context(
    prec=28,
    rounding=ROUND_HALF_EVEN,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)

# The same with half-up rounding: every rounding below is `_quantize(value, quantum)`, which
# gives exactly `value.quantize(quantum, rounding=ROUNDING, context=ARITHMETIC)` at half the cost
# (parsing those keywords costs more than the rounding itself).
_HALF_UP = Context(
    prec=ARITHMETIC.prec,
    rounding=ROUNDING,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
_quantize = _HALF_UP.quantize

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


_POINT_Q = POINT_QUANTUM = _quantum(POINT_PLACES)
POINT_SCALE = 10**POINT_PLACES  # for rounding exact integer fractions the same way (proportional)
_INDEX_Q = _quantum(INDEX_PLACES)
_PERCENT_Q = _quantum(PERCENT_PLACES)
_AVERAGE_Q = _quantum(AVERAGE_PLACES)
_SHARE_Q = _quantum(SHARE_PLACES)


def round_points(value: Decimal) -> Decimal:
    """Computed leaf points (proportional, formula, derived, survey) to 4 places."""
    return _quantize(value, _POINT_Q)


def round_points_all(values: Iterable[Decimal]) -> list[Decimal]:
    """round_points on each value of a column."""
    quantize, quantum = _quantize, _POINT_Q
    return [quantize(value, quantum) for value in values]


def share_of_points(maximum: Decimal, percentages: Iterable[Decimal]) -> list[Decimal]:
    """maximum × p / 100 for each percentage p, to 4 places: what round_points would give, with
    the division by 100 done once (it is exact) instead of once per value."""
    per_percent = maximum / HUNDRED
    quantize, quantum = _quantize, _POINT_Q
    return [quantize(per_percent * p, quantum) for p in percentages]


def round_index(value: Decimal) -> Decimal:
    """The index as displayed, ranked and grouped: 2 places."""
    return _quantize(value, _INDEX_Q)


def round_percent(value: Decimal) -> Decimal:
    """A percentage shown in an explanation (574/596 = 96.31%): 2 places."""
    return _quantize(value, _PERCENT_Q)


def round_average(value: Decimal) -> Decimal:
    """Field averages and their share of the field's maximum: 2 places."""
    return _quantize(value, _AVERAGE_Q)


def round_share(value: Decimal) -> Decimal:
    """A group's share of the units, in percent: 1 place (4/27 = 14.8%)."""
    return _quantize(value, _SHARE_Q)


def has_at_most_point_places(value: Decimal) -> bool:
    """True when a configured or typed number needs no rounding to be a point value."""
    return value == value.quantize(_POINT_Q, context=ARITHMETIC)
