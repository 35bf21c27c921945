"""bands (on a ratio, a count or a number) and survey (share of the maximum, or bands)."""

from collections.abc import Sequence
from decimal import Decimal
from itertools import repeat
from operator import mul

from parindex.scoring.config_reader import ConfigReader, LeafSpec
from parindex.scoring.context import Context
from parindex.scoring.input_values import to_count, to_decimal, to_percentage, to_ratio
from parindex.scoring.phrases import Wording
from parindex.scoring.rounding import HUNDRED, ONE, ZERO, round_points, share_of_points
from parindex.scoring.rules.band_table import BandTable, Domain, read_band_table
from parindex.scoring.rules.base import Rule
from parindex.scoring.rules.ratio import read_zero_base, zero_base_explanation, zero_base_points

MEASURES = ("ratio", "count", "number")
_PERCENT_DOMAIN = Domain(ZERO, HUNDRED, "%")


class BandsRule(Rule):
    __slots__ = ("_whole_percent", "measure", "percent", "table", "zero_base")
    kind = "bands"

    def __init__(
        self, leaf: LeafSpec, measure: str, percent: bool, table: BandTable, zero_base: str | None
    ) -> None:
        super().__init__(leaf, (0, 1) if measure == "ratio" else table.inner_value())
        self.measure = measure
        self.percent = percent
        self.table = table
        self.zero_base = zero_base
        # Ratio bands on whole percentages (nearly all of them) are looked up by the integer
        # part of the percentage: see points_column.
        self._whole_percent = None
        if measure == "ratio" and percent:
            self._whole_percent = table.whole_step_tables(HUNDRED)
        elif measure == "ratio":
            self._whole_percent = table.whole_step_tables(ONE, 100)

    def read(self, value: object) -> object:
        """A (numerator, denominator) pair for ratios, else the number itself."""
        if self.measure == "ratio":
            return to_ratio(value)
        number = to_count(value) if self.measure == "count" else to_decimal(value)
        self.table.find(number)  # a number outside every band is an input error
        return number

    def measured(self, typed: object) -> Decimal | None:
        """The value the bands apply to; None for a 0 denominator."""
        if self.measure != "ratio":
            return typed  # type: ignore[return-value]
        numerator, denominator = map(Decimal, typed)  # type: ignore[call-overload]
        if not denominator:
            return None
        return numerator * HUNDRED / denominator if self.percent else numerator / denominator

    def points(self, typed: object, context: Context) -> Decimal:
        return self.points_column((typed,), context)[0]

    def points_column(self, column: Sequence[object], context: Context) -> list[Decimal]:
        if self.measure != "ratio":
            return self.table.points_within_all(column)  # type: ignore[arg-type]
        if self._whole_percent is not None:
            return self._whole_percent_column(column)
        scale = 100 if self.percent else 1
        fractions, lowest = self.table.upper_fractions, self.table.bands[0].points
        column_points = []
        append = column_points.append
        for numerator, denominator in column:  # type: ignore[misc]
            if not denominator:
                append(zero_base_points(self.zero_base, self.maximum))
            elif type(numerator) is not int:
                append(self._decimal_points(numerator, denominator))
            else:
                # value = numerator·scale/denominator ≥ p/q  ⟺  numerator·scale·q ≥ p·denominator
                scaled = numerator * scale
                for p, q, inclusive, points in fractions:
                    difference = scaled * q - p * denominator
                    if difference > 0 or (inclusive and not difference):
                        append(points)
                        break
                else:
                    append(lowest)
        return column_points

    def _decimal_points(self, numerator: Decimal, denominator: Decimal) -> Decimal:
        scale = HUNDRED if self.percent else ONE
        return self.table.points_within(numerator * scale / denominator)

    def _whole_percent_column(self, column: Sequence[object]) -> list[Decimal]:
        exact, between = self._whole_percent  # type: ignore[misc]
        if not column:
            return []
        numerators, denominators = zip(*column, strict=True)
        try:
            # percentage = 100·n/d = whole + remainder/d: exact when the remainder is 0.
            return [
                between[whole] if remainder else exact[whole]
                for whole, remainder in map(divmod, map(mul, numerators, repeat(100)), denominators)
            ]
        except (TypeError, ArithmeticError):  # Decimal parts (no int index) or a 0 denominator
            pass
        column_points = []
        append = column_points.append
        for numerator, denominator in column:  # type: ignore[misc]
            if not denominator:
                append(zero_base_points(self.zero_base, self.maximum))
            elif type(numerator) is not int:
                append(self._decimal_points(numerator, denominator))
            else:
                whole, remainder = divmod(numerator * 100, denominator)
                append(between[whole] if remainder else exact[whole])
        return column_points

    def explain(self, typed: object, context: Context, words: Wording) -> str:
        measured = self.measured(typed)
        if measured is None:
            return zero_base_explanation(self.zero_base, self.maximum, words)
        band = self.table.find(measured)
        if self.measure == "ratio":
            numerator, denominator = map(Decimal, typed)  # type: ignore[call-overload]
            shown = (
                words.percent(measured) if self.percent else words.number(round_points(measured))
            )
            ratio = words.ratio(numerator, denominator)
            reading = words.say("ratio.reading", ratio=ratio, value=shown)
        else:
            reading = words.number(measured)
        label, points = self.table.label(band, words), words.number(band.points)
        return words.say("bands.result", reading=reading, band=label, points=points)


def _domain(measure: str, percent: bool) -> Domain | None:
    if measure == "ratio":
        return _PERCENT_DOMAIN if percent else Domain(ZERO, ONE)
    if measure == "count":
        return Domain(ZERO, None)
    return None


def compile_bands(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    keys = {"kind", "nothing_arose", "measure", "percent", "bands", "zero_base"}
    config.unknown_keys(frozenset(keys))
    before = len(config.issues)
    measure = config.choice("measure", MEASURES, None)
    if measure is None and not config.has("measure"):
        config.issue("measure", "value.required", f"required: one of {', '.join(MEASURES)}")
    percent = config.boolean("percent", False)
    if percent and measure != "ratio":
        config.issue("percent", "bands.percent", "percent applies to measure ratio only")
    zero_base = read_zero_base(config, leaf) if measure == "ratio" else None
    if measure != "ratio" and config.has("zero_base"):
        config.issue("zero_base", "bands.zero_base", "zero_base applies to measure ratio only")
    table = read_band_table(config, leaf, _domain(measure or "number", percent))
    if len(config.issues) > before or table is None or measure is None:
        return None
    return BandsRule(leaf, measure, percent, table, zero_base)


class SurveyRule(Rule):
    """max × share / 100, or the band the share falls in; the share comes from the survey."""

    __slots__ = ("table",)
    kind = "survey"

    def __init__(self, leaf: LeafSpec, table: BandTable | None) -> None:
        super().__init__(leaf, ZERO)
        self.table = table

    def read(self, value: object) -> Decimal:
        return to_percentage(value)

    def points(self, typed: Decimal, context: Context) -> Decimal:
        if self.table is not None:
            return self.table.find(typed).points
        return round_points(self.maximum * typed / HUNDRED)

    def points_column(self, column: Sequence[Decimal], context: Context) -> list[Decimal]:
        if self.table is not None:
            return self.table.points_within_all(column)
        return share_of_points(self.maximum, column)

    def explain(self, typed: Decimal, context: Context, words: Wording) -> str:
        points, share = words.number(self.points(typed, context)), words.percent(typed)
        if self.table is not None:
            label = self.table.label(self.table.find(typed), words)
            return words.say("survey.band", share=share, band=label, points=points)
        maximum = words.number(self.maximum)
        return words.say("survey.share", maximum=maximum, share=share, points=points)


def compile_survey(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    config.unknown_keys(frozenset({"kind", "nothing_arose", "bands"}))
    if leaf.minimum < ZERO:
        config.issue("", "survey.negative", "a survey node cannot have a negative minimum")
        return None
    if not config.has("bands"):
        return SurveyRule(leaf, None)
    table = read_band_table(config, leaf, _PERCENT_DOMAIN)
    return SurveyRule(leaf, table) if table is not None else None
