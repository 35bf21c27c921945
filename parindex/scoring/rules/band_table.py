"""A compiled list of bands: validated once for gaps and overlaps, then looked up fast."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from parindex.scoring.config_reader import ConfigReader, LeafSpec
from parindex.scoring.input_values import InvalidValue
from parindex.scoring.phrases import ENGLISH, Wording, show
from parindex.scoring.rounding import ZERO


@dataclass(frozen=True, slots=True)
class Band:
    lower: Decimal | None
    lower_inclusive: bool
    upper: Decimal | None
    upper_inclusive: bool
    points: Decimal
    label: str  # as configured; "" = written from the bounds, in the reader's language


@dataclass(frozen=True, slots=True)
class Domain:
    """The values a measure can take; bands must cover all of it. `high` None = unbounded."""

    low: Decimal | None
    high: Decimal | None
    suffix: str = ""


def band_label(band: Band, suffix: str, words: Wording = ENGLISH) -> str:
    """The configured label, else how guidance texts write bands: "95–<100%", "≥ 2", "< 80%"
    (numbers in the language of `words`; issue messages use the English default)."""
    if band.label:
        return band.label
    low, high, number = band.lower, band.upper, words.number
    if low is None and high is None:
        return words.say("bands.any_value")
    if low is None:
        return f"{'≤' if band.upper_inclusive else '<'} {number(high)}{suffix}"  # type: ignore[arg-type]
    if high is None:
        return f"{'≥' if band.lower_inclusive else '>'} {number(low)}{suffix}"
    if low == high:
        return f"{number(low)}{suffix}"
    start = number(low) if band.lower_inclusive else f">{number(low)}"
    end = number(high) if band.upper_inclusive else f"<{number(high)}"
    return f"{start}–{end}{suffix}"


class BandTable:
    """Bands sorted by lower bound; `find` returns the one band containing a value."""

    __slots__ = ("_descending", "bands", "suffix", "upper_fractions", "upper_points")

    def __init__(self, bands: list[Band], suffix: str = "") -> None:
        self.bands = tuple(bands)
        self.suffix = suffix  # "%" for percentages, written after generated labels
        self._descending = tuple((b.lower, b.lower_inclusive, b) for b in reversed(self.bands))
        # Every band but the lowest, highest first: the lowest needs no test in a covered domain.
        upper = tuple(reversed(self.bands[1:]))
        self.upper_points = tuple((b.lower, b.lower_inclusive, b.points) for b in upper)
        # The same lower bounds as exact fractions p/q, for comparing whole-number ratios n/d
        # by cross-multiplication (n·q vs p·d) in fast integer arithmetic.
        self.upper_fractions = tuple(
            (*b.lower.as_integer_ratio(), b.lower_inclusive, b.points)  # type: ignore[union-attr]
            for b in upper
        )

    def whole_step_tables(
        self, domain_high: Decimal, steps: int = 1
    ) -> tuple[tuple[Decimal, ...], tuple[Decimal, ...]] | None:
        """For bands whose bounds are all multiples of 1/steps (95%, 80%, 30%…) on a domain
        starting at 0: points for a value exactly k/steps, and for one strictly between k/steps
        and (k+1)/steps — every such value lies in the same band. None if a bound is finer."""
        bounds = [b for band in self.bands for b in (band.lower, band.upper) if b is not None]
        if any(bound * steps != int(bound * steps) for bound in bounds):
            return None
        size = int(domain_high * steps) + 1
        exact = tuple(self.points_within(Decimal(k) / steps) for k in range(size))
        between = tuple(
            self.points_within((Decimal(k) + Decimal("0.5")) / steps) for k in range(size)
        )
        return exact, between

    def inner_value(self) -> Decimal:
        """Some value inside the bands (a placeholder for missing inputs)."""
        band = self.bands[0]
        if band.lower is not None and band.lower_inclusive:
            return band.lower
        if band.upper is not None and band.upper_inclusive:
            return band.upper
        if band.lower is not None and band.upper is not None:
            return (band.lower + band.upper) / 2
        if band.lower is not None:
            return band.lower + 1
        return (band.upper or ZERO) - 1

    def points_within(self, value: Decimal) -> Decimal:
        """Points of the band holding a value already known to lie in the covered domain:
        the hot path, so the lowest band needs no comparison at all."""
        for lower, inclusive, points in self.upper_points:
            if value > lower or (inclusive and value == lower):
                return points
        return self.bands[0].points

    def points_within_all(self, values: Sequence[Decimal]) -> list[Decimal]:
        """points_within for each value, in one loop."""
        upper, lowest = self.upper_points, self.bands[0].points
        column_points = []
        append = column_points.append
        for value in values:
            for lower, inclusive, points in upper:
                if value > lower or (inclusive and value == lower):
                    append(points)
                    break
            else:
                append(lowest)
        return column_points

    def find(self, value: Decimal) -> Band:
        for lower, inclusive, band in self._descending:
            if lower is None or value > lower or (inclusive and value == lower):
                upper = band.upper
                if upper is not None and (
                    value > upper or (value == upper and not band.upper_inclusive)
                ):
                    break
                return band
        raise InvalidValue(f"{show(value)} falls outside every band", "bands.outside")

    def label(self, band: Band, words: Wording) -> str:
        return band_label(band, self.suffix, words)


def _read_band(item: ConfigReader, leaf: LeafSpec) -> Band | None:
    item.unknown_keys(
        frozenset({"min", "max", "min_inclusive", "max_inclusive", "points", "label"})
    )
    before = len(item.issues)
    lower, upper = item.decimal("min", None), item.decimal("max", None)
    points = item.points("points", leaf)
    lower_inclusive = item.boolean("min_inclusive", True)
    upper_inclusive = item.boolean("max_inclusive", False)
    if len(item.issues) > before or points is None:
        return None
    both_inclusive = lower_inclusive and upper_inclusive
    if (
        lower is not None
        and upper is not None
        and (lower > upper or (lower == upper and not both_inclusive))
    ):
        item.issue("", "bands.empty", "the band contains no value (check min and max)")
        return None
    label = item.text("label", None) or ""
    return Band(lower, lower_inclusive, upper, upper_inclusive, points, label)


def _check_neighbours(config: ConfigReader, below: Band, above: Band, suffix: str) -> None:
    where = "bands"
    names = f"{band_label(below, suffix)} and {band_label(above, suffix)}"
    if below.upper is None or above.lower is None or below.upper > above.lower:
        config.issue(where, "bands.overlap", f"bands {names} overlap")
    elif below.upper < above.lower:
        gap = f"{show(below.upper)}{suffix} to {show(above.lower)}{suffix}"
        config.issue(where, "bands.gap", f"values from {gap} fall in no band")
    elif below.upper_inclusive and above.lower_inclusive:
        at = f"{show(above.lower)}{suffix}"
        config.issue(where, "bands.overlap", f"bands {names} both hold {at}")
    elif not below.upper_inclusive and not above.lower_inclusive:
        at = f"{show(above.lower)}{suffix}"
        config.issue(where, "bands.gap", f"{at} falls in no band (make one bound inclusive)")


def _check_coverage(config: ConfigReader, bands: list[Band], domain: Domain) -> None:
    first, last = bands[0], bands[-1]
    low, suffix = domain.low, domain.suffix
    if low is not None and first.lower is not None and first.lower > low:
        gap = f"{show(low)}{suffix} to {show(first.lower)}{suffix}"
        config.issue("bands", "bands.gap", f"values from {gap} fall in no band")
    elif low is not None and first.lower == low and not first.lower_inclusive:
        config.issue("bands", "bands.gap", f"{show(low)}{suffix} falls in no band")
    if domain.high is None:
        if last.upper is not None:
            above = f"{show(last.upper)}{suffix}"
            config.issue("bands", "bands.gap", f"values above {above} fall in no band")
    elif last.upper is not None and (
        last.upper < domain.high or (last.upper == domain.high and not last.upper_inclusive)
    ):
        config.issue("bands", "bands.gap", f"{show(domain.high)}{suffix} falls in no band")


def read_band_table(
    config: ConfigReader, leaf: LeafSpec, domain: Domain | None
) -> BandTable | None:
    """Read `bands`, refusing gaps and overlaps between them and over the domain."""
    suffix = domain.suffix if domain else ""
    before = len(config.issues)
    bands = [_read_band(item, leaf) for item in config.items("bands")]
    if len(config.issues) > before or not bands:
        return None
    ordered = sorted(
        (band for band in bands if band is not None),
        key=lambda band: (band.lower is not None, band.lower or 0, not band.lower_inclusive),
    )
    for below, above in pairwise(ordered):
        _check_neighbours(config, below, above, suffix)
    if domain is not None:
        _check_coverage(config, ordered, domain)
    if len(config.issues) > before:
        return None
    return BandTable(ordered, suffix)
