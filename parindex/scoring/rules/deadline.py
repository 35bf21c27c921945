"""deadline: points by how many days after the due date something was done."""

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from parindex.scoring.config_reader import ConfigReader, LeafSpec
from parindex.scoring.context import Context
from parindex.scoring.input_values import InvalidValue, clean_text, to_date
from parindex.scoring.phrases import Wording
from parindex.scoring.rounding import ZERO
from parindex.scoring.rules.base import Rule

_NOT_DONE_WORDS = frozenset({"false", "no", "không", "not done"})


def _not_done(value: object) -> bool:
    """`false` (or "no") means never done: it scores `missing`, unlike an absent answer."""
    if value is False:
        return True
    if type(value) is str and value[:1].isdigit():
        return False  # a date: the common case, so decided without normalising
    return isinstance(value, str) and clean_text(value).casefold() in _NOT_DONE_WORDS


class DeadlineRule(Rule):
    __slots__ = (
        "_due_by_year",
        "due_day",
        "due_month",
        "due_year",
        "missing",
        "otherwise",
        "tiers",
    )
    kind = "deadline"

    def __init__(
        self,
        leaf: LeafSpec,
        due: tuple[int | None, int, int],
        tiers: tuple[tuple[int, Decimal], ...],
        otherwise: Decimal,
        missing: Decimal,
    ) -> None:
        super().__init__(leaf, None)
        self.due_year, self.due_month, self.due_day = due
        self.tiers = tiers
        self.otherwise = otherwise
        self.missing = missing
        self._due_by_year: dict[int | None, date] = {}

    def due_date(self, context: Context) -> date:
        year = self.due_year or context.year
        due = self._due_by_year.get(year)
        if due is None:
            if year is None:
                raise InvalidValue("no assessment year to resolve the due date", "deadline.no_year")
            due = self._due_by_year[year] = date(year, self.due_month, self.due_day)
        return due

    def read(self, value: object) -> date | None:
        """The date it was done, or None when it was never done."""
        return None if _not_done(value) else to_date(value)

    def points(self, typed: date | None, context: Context) -> Decimal:
        if typed is None:
            return self.missing
        late = (typed - self.due_date(context)).days
        for days_late, points in self.tiers:
            if late <= days_late:
                return points
        return self.otherwise

    def points_column(self, column: Sequence[date | None], context: Context) -> list[Decimal]:
        # The first tier with late ≤ its days_late is the bisect_left position of late among
        # the tiers' days (increasing); past the last tier comes `otherwise`.
        days = [days_late for days_late, _points in self.tiers]
        points_by_tier = [points for _days, points in self.tiers] + [self.otherwise]
        due, missing = self.due_date(context), self.missing
        return [
            missing if done is None else points_by_tier[bisect_left(days, (done - due).days)]
            for done in column
        ]

    def explain(self, typed: date | None, context: Context, words: Wording) -> str:
        points = words.number(self.points(typed, context))
        if typed is None:
            return words.say("deadline.not_done", points=points)
        due = self.due_date(context)
        late = (typed - due).days
        done, due_text = words.date(typed), words.date(due)
        if late <= 0:
            return words.say("deadline.on_time", done=done, due=due_text, points=points)
        tier_days = next((days for days, _ in self.tiers if late <= days), None)
        tier = (
            words.say("deadline.within_tier", days=words.number(tier_days))
            if tier_days is not None
            else words.say("deadline.beyond_tiers")
        )
        days = words.number(late)
        return words.say(
            "deadline.late", done=done, days=days, due=due_text, tier=tier, points=points
        )


def _read_due(config: ConfigReader) -> tuple[int | None, int, int] | None:
    text = config.text("due")
    if text is None:
        return None
    parts = text.split("-")
    try:
        if len(parts) == 2 and len(parts[0]) == 2 and len(parts[1]) == 2:
            if (parts[0], parts[1]) == ("02", "29"):
                config.issue("due", "deadline.leap_day", "02-29 does not exist every year")
                return None
            # 2000 is a leap year: it only checks that the month and day exist.
            date(2000, int(parts[0]), int(parts[1]))
            return None, int(parts[0]), int(parts[1])
        if len(parts) == 3:
            due = date.fromisoformat(text)
            return due.year, due.month, due.day
    except ValueError:
        pass
    config.issue("due", "deadline.bad_date", f"{text!r} is not a date (MM-DD or YYYY-MM-DD)")
    return None


def compile_deadline(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    keys = {"kind", "nothing_arose", "due", "tiers", "otherwise", "missing"}
    config.unknown_keys(frozenset(keys))
    before = len(config.issues)
    due = _read_due(config)
    tiers: list[tuple[int, Decimal]] = []
    for tier in config.items("tiers"):
        tier.unknown_keys(frozenset({"days_late", "points"}))
        days = tier.integer("days_late")
        points = tier.points("points", leaf)
        if days is None or points is None:
            continue
        if days < 0 or (tiers and days <= tiers[-1][0]):
            tier.issue("days_late", "deadline.tier_order", "days_late must be ≥ 0 and increasing")
        tiers.append((days, points))
    otherwise = config.points("otherwise", leaf, ZERO)
    missing = config.points("missing", leaf, ZERO)
    if len(config.issues) > before or due is None or otherwise is None or missing is None:
        return None
    return DeadlineRule(leaf, due, tuple(tiers), otherwise, missing)
