"""Rules that read one plain value: manual, yes_no, choice, derived."""

from collections.abc import Sequence
from decimal import Decimal

from parindex.scoring.config_reader import ConfigReader, LeafSpec
from parindex.scoring.context import Context
from parindex.scoring.input_values import (
    InvalidValue,
    to_bool,
    to_decimal,
    to_key,
    to_percentage,
)
from parindex.scoring.phrases import Wording, show
from parindex.scoring.rounding import (
    HUNDRED,
    ZERO,
    has_at_most_point_places,
    round_points,
    share_of_points,
)
from parindex.scoring.rules.base import Rule


class ManualRule(Rule):
    """The typed points themselves, inside [min, max] and on the step."""

    __slots__ = ("step",)
    kind = "manual"

    def __init__(self, leaf: LeafSpec, step: Decimal | None) -> None:
        super().__init__(leaf, ZERO)
        self.step = step

    def read(self, value: object) -> Decimal:
        points = to_decimal(value)
        if not self.minimum <= points <= self.maximum:
            message = f"{show(points)} is outside {show(self.minimum)} to {show(self.maximum)}"
            raise InvalidValue(message, "manual.out_of_range")
        if self.step is not None and (points - self.minimum) % self.step:
            message = f"{show(points)} is not a multiple of {show(self.step)}"
            raise InvalidValue(message, "manual.step")
        if not has_at_most_point_places(points):
            raise InvalidValue(f"{value!r} has more than 4 decimals", "manual.too_precise")
        return points

    def points(self, typed: Decimal, context: Context) -> Decimal:
        return typed

    def points_column(self, column: Sequence[Decimal], context: Context) -> list[Decimal]:
        return list(column)

    def explain(self, typed: Decimal, context: Context, words: Wording) -> str:
        return words.say("manual.entered", points=words.number(typed))


def compile_manual(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    config.unknown_keys(frozenset({"kind", "nothing_arose", "step"}))
    step = config.decimal("step", None)
    if step is not None and step <= ZERO:
        config.issue("step", "manual.step", "the step must be greater than 0")
        return None
    return ManualRule(leaf, step)


class YesNoRule(Rule):
    __slots__ = ("no", "yes")
    kind = "yes_no"

    def __init__(self, leaf: LeafSpec, yes: Decimal, no: Decimal) -> None:
        super().__init__(leaf, False)
        self.yes = yes
        self.no = no

    def read(self, value: object) -> bool:
        return value if type(value) is bool else to_bool(value)

    def points(self, typed: bool, context: Context) -> Decimal:
        return self.yes if typed else self.no

    def points_column(self, column: Sequence[bool], context: Context) -> list[Decimal]:
        yes, no = self.yes, self.no
        return [yes if typed else no for typed in column]

    def explain(self, typed: bool, context: Context, words: Wording) -> str:
        points = words.number(self.points(typed, context))
        return words.say("yes_no.yes" if typed else "yes_no.no", points=points)


def compile_yes_no(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    config.unknown_keys(frozenset({"kind", "nothing_arose", "yes", "no"}))
    yes = config.points("yes", leaf, leaf.maximum)
    no = config.points("no", leaf, ZERO)
    if yes is None or no is None:
        return None
    return YesNoRule(leaf, yes, no)


class ChoiceRule(Rule):
    __slots__ = ("labels", "options")
    kind = "choice"

    def __init__(self, leaf: LeafSpec, options: dict[str, Decimal], labels: dict[str, str]) -> None:
        super().__init__(leaf, next(iter(options)))
        self.options = options
        self.labels = labels

    def read(self, value: object) -> str:
        key = value if type(value) is str and value in self.options else to_key(value)
        if key not in self.options:
            known = ", ".join(self.options)
            raise InvalidValue(f"unknown choice {value!r} (one of: {known})", "choice.unknown")
        return key  # type: ignore[return-value]

    def points(self, typed: str, context: Context) -> Decimal:
        return self.options[typed]

    def points_column(self, column: Sequence[str], context: Context) -> list[Decimal]:
        return list(map(self.options.__getitem__, column))

    def explain(self, typed: str, context: Context, words: Wording) -> str:
        points = words.number(self.options[typed])
        return words.say("choice.chosen", label=self.labels[typed], points=points)


def compile_choice(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    config.unknown_keys(frozenset({"kind", "nothing_arose", "options"}))
    options: dict[str, Decimal] = {}
    labels: dict[str, str] = {}
    before = len(config.issues)
    for option in config.items("options"):
        option.unknown_keys(frozenset({"key", "label", "points"}))
        key = option.text("key")
        points = option.points("points", leaf)
        if key is None or points is None:
            continue
        if key in options:
            option.issue("key", "choice.duplicate_key", f"option key {key!r} is used twice")
        options[key] = points
        labels[key] = option.text("label", key) or key
    if len(config.issues) > before or not options:
        return None
    return ChoiceRule(leaf, options, labels)


class DerivedRule(Rule):
    """max × value / 100, the value a percentage computed by the caller (e.g. communes' index)."""

    __slots__ = ("source",)
    kind = "derived"

    def __init__(self, leaf: LeafSpec, source: str) -> None:
        super().__init__(leaf, ZERO)
        self.source = source

    def read(self, value: object) -> Decimal:
        return to_percentage(value)

    def points(self, typed: Decimal, context: Context) -> Decimal:
        return round_points(self.maximum * typed / HUNDRED)

    def points_column(self, column: Sequence[Decimal], context: Context) -> list[Decimal]:
        return share_of_points(self.maximum, column)

    def explain(self, typed: Decimal, context: Context, words: Wording) -> str:
        return words.say(
            "derived.share",
            source=self.source,
            maximum=words.number(self.maximum),
            share=words.percent(typed),
            points=words.number(self.points(typed, context)),
        )


def compile_derived(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    config.unknown_keys(frozenset({"kind", "nothing_arose", "source"}))
    if leaf.minimum < ZERO:
        config.issue("", "derived.negative", "a derived node cannot have a negative minimum")
    return DerivedRule(leaf, config.text("source", "value") or "value")
