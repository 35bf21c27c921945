"""What a ratio rule does when the denominator is 0 (`zero_base`)."""

from decimal import Decimal

from parindex.scoring.config_reader import ConfigReader, LeafSpec
from parindex.scoring.input_values import InvalidValue
from parindex.scoring.phrases import Wording
from parindex.scoring.rounding import ZERO
from parindex.scoring.rules.base import NotApplicable

ZERO_BASE_OPTIONS = ("full", "zero", "na")


def read_zero_base(config: ConfigReader, leaf: LeafSpec) -> str | None:
    zero_base = config.choice("zero_base", ZERO_BASE_OPTIONS, None)
    if zero_base == "na" and leaf.na is None:
        config.issue(
            "zero_base", "zero_base.na_not_allowed", "zero_base na needs the node's na set"
        )
    return zero_base


def zero_base_points(zero_base: str | None, maximum: Decimal) -> Decimal:
    """Points for a 0 denominator: nothing happened to be measured."""
    if zero_base == "full":
        return maximum
    if zero_base == "zero":
        return ZERO
    if zero_base == "na":
        raise NotApplicable("na.nothing_to_measure")
    raise InvalidValue(
        "the denominator is 0 and the rule sets no zero_base", "ratio.zero_denominator"
    )


def zero_base_explanation(zero_base: str | None, maximum: Decimal, words: Wording) -> str:
    points = words.number(zero_base_points(zero_base, maximum))
    return words.say("ratio.zero_base", points=points)
