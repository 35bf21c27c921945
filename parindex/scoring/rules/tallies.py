"""Rules that add or subtract per item: deductions (per event, with a floor) and checklist."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from parindex.scoring.config_reader import ConfigReader, LeafSpec
from parindex.scoring.context import Context
from parindex.scoring.input_values import InvalidValue, to_event_counts, to_keys
from parindex.scoring.phrases import Wording
from parindex.scoring.rounding import ZERO
from parindex.scoring.rules.base import Rule


@dataclass(frozen=True, slots=True)
class Event:
    key: str
    label: str
    each: Decimal  # points lost per occurrence (0 for `zeroes` events)
    zeroes: bool  # any occurrence sends the points to the floor
    once: bool  # lose `each` once however many times it happened


class DeductionsRule(Rule):
    """start − Σ count × each, not below floor; a `zeroes` event gives the floor."""

    __slots__ = ("_zeroing", "events", "floor", "start")
    kind = "deductions"

    def __init__(self, leaf: LeafSpec, start: Decimal, floor: Decimal, events: dict[str, Event]):
        super().__init__(leaf, {})
        self.start = start
        self.floor = floor
        self.events = events
        self._zeroing = frozenset(key for key, event in events.items() if event.zeroes)

    def read(self, value: object) -> dict[str, Decimal]:
        """Counts of the events that happened (zero counts dropped)."""
        counts = to_event_counts(value)
        for key in counts:
            if key not in self.events:
                known = ", ".join(self.events)
                raise InvalidValue(f"unknown event {key!r} (one of: {known})", "deductions.unknown")
        return {key: count for key, count in counts.items() if count}

    def lost(self, counts: dict[str, Decimal]) -> Decimal:
        lost = ZERO
        for key, count in counts.items():
            event = self.events[key]
            lost += event.each if event.once else event.each * count
        return lost

    def points(self, typed: dict[str, Decimal], context: Context) -> Decimal:
        if not typed:
            return self.start
        if not self._zeroing.isdisjoint(typed):
            return self.floor
        points = self.start - self.lost(typed)
        return points if points > self.floor else self.floor

    def points_column(
        self, column: Sequence[dict[str, Decimal]], context: Context
    ) -> list[Decimal]:
        start, floor, disjoint = self.start, self.floor, self._zeroing.isdisjoint
        # (each, once) per event key, so the loop below needs no attribute lookups
        deducts = {key: (event.each, event.once) for key, event in self.events.items()}
        per_count = {key: each for key, (each, once) in deducts.items() if not once}
        column_points = []
        append = column_points.append
        if len(per_count) < len(deducts):  # some event deducts once however often it happened
            for counts in column:
                if not counts:
                    append(start)
                elif not disjoint(counts):
                    append(floor)
                else:
                    points = start
                    for key, count in counts.items():
                        each, once = deducts[key]
                        points -= each if once else each * count
                    append(points if points > floor else floor)
            return column_points
        # None for the events that send the points to the floor: found in the same lookup
        lost_each = {key: None if key in self._zeroing else each for key, each in per_count.items()}
        for counts in column:
            if not counts:
                append(start)
                continue
            points = start
            for key in counts:
                each = lost_each[key]
                if each is None:
                    points = floor
                    break
                points -= each * counts[key]
            append(points if points > floor else floor)
        return column_points

    def explain(self, typed: dict[str, Decimal], context: Context, words: Wording) -> str:
        number = words.number
        points = number(self.points(typed, context))
        zeroing = [self.events[key].label for key in typed if self.events[key].zeroes]
        if zeroing:
            return words.say("deductions.zeroed", label=zeroing[0], points=points)
        if not typed:
            return words.say("deductions.none", points=points)
        terms = []
        for key, count in typed.items():
            event = self.events[key]
            times = "" if event.once else f"{number(count)} × "
            each = number(event.each)
            terms.append(words.say("deductions.term", times=times, each=each, label=event.label))
        raw = self.start - self.lost(typed)
        floor = words.say("deductions.floor", floor=number(self.floor)) if raw < self.floor else ""
        return words.say(
            "deductions.result",
            start=number(self.start),
            terms="".join(terms),
            raw=number(raw),
            floor=floor,
            points=points,
        )


def _read_event(item: ConfigReader, leaf: LeafSpec) -> Event | None:
    item.unknown_keys(frozenset({"key", "label", "each", "zeroes", "once"}))
    key = item.text("key")
    zeroes = item.boolean("zeroes", False)
    once = item.boolean("once", False)
    each = item.points("each", None, None)
    if key is None:
        return None
    if zeroes == (each is not None):
        item.issue("each", "deductions.each", "give either each (points lost) or zeroes: true")
        return None
    if each is not None and each <= ZERO:
        item.issue("each", "deductions.each", "each must be above 0 (the points lost)")
        return None
    return Event(key, item.text("label", key) or key, each or ZERO, zeroes, once)


def compile_deductions(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    config.unknown_keys(frozenset({"kind", "nothing_arose", "start", "events", "floor"}))
    before = len(config.issues)
    start = config.points("start", leaf, leaf.maximum)
    floor = config.points("floor", leaf, max(leaf.minimum, ZERO))
    events: dict[str, Event] = {}
    for item in config.items("events"):
        event = _read_event(item, leaf)
        if event is None:
            continue
        if event.key in events:
            item.issue("key", "deductions.duplicate_key", f"event key {event.key!r} is used twice")
        events[event.key] = event
    if start is not None and floor is not None and floor > start:
        config.issue("floor", "deductions.floor", "the floor is above the start")
    if len(config.issues) > before or start is None or floor is None:
        return None
    return DeductionsRule(leaf, start, floor, events)


class ChecklistRule(Rule):
    """Σ points of the ticked items, capped at the maximum."""

    __slots__ = ("items", "labels")
    kind = "checklist"

    def __init__(self, leaf: LeafSpec, items: dict[str, Decimal], labels: dict[str, str]) -> None:
        super().__init__(leaf, ())
        self.items = items
        self.labels = labels

    def read(self, value: object) -> tuple[str, ...]:
        keys = to_keys(value)
        for position, key in enumerate(keys):
            if key not in self.items:
                known = ", ".join(self.items)
                raise InvalidValue(f"unknown item {key!r} (one of: {known})", "checklist.unknown")
            if key in keys[:position]:
                raise InvalidValue(f"item {key!r} is ticked twice", "checklist.duplicate")
        return tuple(keys)

    def points(self, typed: tuple[str, ...], context: Context) -> Decimal:
        total = sum(map(self.items.__getitem__, typed), ZERO)
        return total if total < self.maximum else self.maximum

    def points_column(self, column: Sequence[tuple[str, ...]], context: Context) -> list[Decimal]:
        points_of, maximum = self.items.__getitem__, self.maximum
        column_points = []
        append = column_points.append
        for keys in column:
            total = sum(map(points_of, keys), ZERO)
            append(total if total < maximum else maximum)
        return column_points

    def explain(self, typed: tuple[str, ...], context: Context, words: Wording) -> str:
        number = words.number
        points = number(self.points(typed, context))
        if not typed:
            return words.say("checklist.nothing", points=points)
        total = sum((self.items[key] for key in typed), ZERO)
        terms = " + ".join(
            words.say("checklist.term", points=number(self.items[key]), label=self.labels[key])
            for key in typed
        )
        capped = (
            words.say("checklist.capped", maximum=number(self.maximum))
            if total > self.maximum
            else ""
        )
        return words.say(
            "checklist.result", terms=terms, total=number(total), capped=capped, points=points
        )


def compile_checklist(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    config.unknown_keys(frozenset({"kind", "nothing_arose", "items"}))
    before = len(config.issues)
    items: dict[str, Decimal] = {}
    labels: dict[str, str] = {}
    for item in config.items("items"):
        item.unknown_keys(frozenset({"key", "label", "points"}))
        key = item.text("key")
        points = item.points("points", None)
        if key is None or points is None:
            continue
        if points <= ZERO:
            item.issue("points", "checklist.points", "an item's points must be above 0")
        if key in items:
            item.issue("key", "checklist.duplicate_key", f"item key {key!r} is used twice")
        items[key] = points
        labels[key] = item.text("label", key) or key
    if leaf.minimum < ZERO:
        config.issue("", "checklist.negative", "a checklist node cannot have a negative minimum")
    if len(config.issues) > before:
        return None
    return ChecklistRule(leaf, items, labels)
