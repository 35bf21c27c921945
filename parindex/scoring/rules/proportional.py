"""proportional: max × min(1, ratio / target), and 0 under the floor (both in %)."""

from decimal import Decimal

from parindex.scoring.config_reader import ConfigReader, LeafSpec
from parindex.scoring.context import Context
from parindex.scoring.explain import show, show_percent
from parindex.scoring.input_values import to_ratio
from parindex.scoring.rounding import HUNDRED, ONE, ZERO, round_points
from parindex.scoring.rules.base import Rule
from parindex.scoring.rules.ratio import read_zero_base, zero_base_explanation, zero_base_points


class ProportionalRule(Rule):
    __slots__ = ("floor", "target", "zero_base")
    kind = "proportional"

    def __init__(self, leaf: LeafSpec, floor: Decimal, target: Decimal, zero_base: str | None):
        super().__init__(leaf, (ZERO, ONE))
        self.floor = floor
        self.target = target
        self.zero_base = zero_base

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

    def explain(self, typed: tuple[Decimal, Decimal], context: Context) -> str:
        numerator, denominator = map(Decimal, typed)
        if not denominator:
            return zero_base_explanation(self.zero_base, self.maximum)
        percent = numerator * HUNDRED / denominator
        reading = f"{show(numerator)}/{show(denominator)} = {show_percent(percent)}"
        points = show(self.points(typed, context))
        if percent < self.floor:
            return f"{reading} < floor {show(self.floor)}% → {points}"
        if percent >= self.target:
            return f"{reading} ≥ target {show(self.target)}% → {points}"
        maximum, target = show(self.maximum), show(self.target)
        product = f"{maximum} × {show_percent(percent)}/{target}%"
        return f"{reading} of target {target}% → {product} = {points}"


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
