"""proportional: max × min(1, ratio / target), and 0 under the floor (both in %)."""

from collections.abc import Sequence
from decimal import Decimal

from parindex.scoring.config_reader import ConfigReader, LeafSpec
from parindex.scoring.context import Context
from parindex.scoring.input_values import to_ratio
from parindex.scoring.phrases import Wording
from parindex.scoring.rounding import (
    HUNDRED,
    POINT_QUANTUM,
    POINT_SCALE,
    ZERO,
    round_points,
)
from parindex.scoring.rules.base import Rule
from parindex.scoring.rules.ratio import read_zero_base, zero_base_explanation, zero_base_points


class ProportionalRule(Rule):
    __slots__ = ("_floor_ratio", "_points_ratio", "_target_ratio", "floor", "target", "zero_base")
    kind = "proportional"

    def __init__(self, leaf: LeafSpec, floor: Decimal, target: Decimal, zero_base: str | None):
        super().__init__(leaf, (0, 1))
        self.floor = floor
        self.target = target
        self.zero_base = zero_base
        # Exact integer fractions for whole-number ratios n/d (see points_column):
        # ratio% = 100·n/d; points = max × ratio% / target = (mp·100·tq / (mq·tp)) × n/d.
        self._floor_ratio = floor.as_integer_ratio()
        self._target_ratio = target.as_integer_ratio()
        (mp, mq), (tp, tq) = leaf.maximum.as_integer_ratio(), self._target_ratio
        self._points_ratio = (mp * 100 * tq, mq * tp)

    def read(self, value: object) -> tuple[Decimal, Decimal]:
        return to_ratio(value)

    def points(self, typed: tuple[Decimal, Decimal], context: Context) -> Decimal:
        numerator, denominator = typed
        if not denominator:
            return zero_base_points(self.zero_base, self.maximum)
        # Compare and divide on numerator × 100 so the floor and target are met exactly.
        scaled = numerator * HUNDRED
        if scaled < self.floor * denominator:
            return ZERO
        if scaled >= self.target * denominator:
            return self.maximum
        return round_points(self.maximum * scaled / (self.target * denominator))

    def points_column(self, column: Sequence[tuple], context: Context) -> list[Decimal]:
        (fp, fq), (tp, tq), (kp, kq) = self._floor_ratio, self._target_ratio, self._points_ratio
        # ratio% ≥ p/q  ⟺  100·n/d ≥ p/q  ⟺  n·(100·q) ≥ p·d
        floor_q, target_q = 100 * fq, 100 * tq
        # points are x = kp·n / (kq·d) to 4 places, half up (round_points on the exact x):
        # ⌊x·S + ½⌋ / S with S = 10⁴, and ⌊x·S + ½⌋ = ⌊(2·S·kp·n + kq·d) / (2·kq·d)⌋
        twice_scaled_kp, twice_kq = 2 * POINT_SCALE * kp, 2 * kq
        maximum, points_of, quantum = self.maximum, self.points, POINT_QUANTUM
        column_points = []
        append = column_points.append
        for typed in column:
            numerator, denominator = typed
            if type(numerator) is not int or not denominator:
                append(points_of(typed, context))
            elif numerator * target_q >= tp * denominator:  # the target reached (≥ the floor)
                append(maximum)
            elif numerator * floor_q < fp * denominator:  # under the floor
                append(ZERO)
            else:
                scaled = (twice_scaled_kp * numerator + kq * denominator) // (
                    twice_kq * denominator
                )
                append(Decimal(scaled) * quantum)  # exact: `scaled` ten-thousandths
        return column_points

    def explain(self, typed: tuple[Decimal, Decimal], context: Context, words: Wording) -> str:
        numerator, denominator = map(Decimal, typed)
        if not denominator:
            return zero_base_explanation(self.zero_base, self.maximum, words)
        percent = numerator * HUNDRED / denominator
        shown = words.percent(percent)
        reading = words.say("ratio.reading", ratio=words.ratio(numerator, denominator), value=shown)
        points = words.number(self.points(typed, context))
        if percent < self.floor:
            floor = f"{words.number(self.floor)}%"
            return words.say(
                "proportional.under_floor", reading=reading, floor=floor, points=points
            )
        target = f"{words.number(self.target)}%"
        if percent >= self.target:
            return words.say(
                "proportional.target_reached", reading=reading, target=target, points=points
            )
        return words.say(
            "proportional.share",
            reading=reading,
            target=target,
            maximum=words.number(self.maximum),
            percent=shown,
            points=points,
        )


def compile_proportional(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    keys = {"kind", "nothing_arose", "floor", "target", "zero_base"}
    config.unknown_keys(frozenset(keys))
    before = len(config.issues)
    floor = config.decimal("floor", ZERO)
    target = config.decimal("target", HUNDRED)
    zero_base = read_zero_base(config, leaf)
    if leaf.minimum < ZERO:
        config.issue(
            "", "proportional.negative", "a proportional node cannot have a negative minimum"
        )
    if floor is not None and target is not None and not ZERO <= floor <= target <= HUNDRED:
        config.issue("target", "proportional.range", "need 0 ≤ floor ≤ target ≤ 100")
    if target is not None and target <= ZERO:
        config.issue("target", "proportional.range", "the target must be above 0")
    if len(config.issues) > before or floor is None or target is None:
        return None
    return ProportionalRule(leaf, floor, target, zero_base)
