"""Reading a framework document's dicts while collecting Issues with node code and field path.

Loading never stops at the first problem: every reader records an Issue and returns a usable
default, so one pass reports everything wrong with a document.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from parindex.scoring.errors import Issue
from parindex.scoring.input_values import clean_text
from parindex.scoring.rounding import POINT_PLACES, has_at_most_point_places

REQUIRED = object()


@dataclass(frozen=True, slots=True)
class LeafSpec:
    """What a rule compiler needs to know about its leaf: the point range and N/A policy."""

    minimum: Decimal
    maximum: Decimal
    na: str | None = None


class ConfigReader:
    """One mapping of the document (a node, a rule, a band) and where it sits."""

    def __init__(self, data: object, issues: list[Issue], code: str | None, path: str) -> None:
        self.issues = issues
        self.code = code
        self.path = path
        if isinstance(data, Mapping):
            self.data: Mapping = data
        else:
            self.data = {}
            self.issue("", "type.not_mapping", "expected a mapping of keys to values")

    def where(self, key: str) -> str:
        if not key:
            return self.path
        return f"{self.path}.{key}" if self.path else key

    def issue(self, key: str, kind: str, message: str) -> None:
        self.issues.append(Issue(self.code, message, kind, self.where(key)))

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def unknown_keys(self, allowed: frozenset[str]) -> None:
        for key in self.data:
            if key not in allowed and not (isinstance(key, str) and key.startswith("x_")):
                self.issue(str(key), "key.unknown", f"unknown key {key!r}")

    def decimal(self, key: str, default: object = REQUIRED) -> Decimal | None:
        """A number written as text (or an integer); floats are refused."""
        raw = self.data.get(key)
        if raw is None:
            if default is REQUIRED:
                self.issue(key, "value.required", "required")
                return None
            return default  # type: ignore[return-value]
        if isinstance(raw, bool) or not isinstance(raw, str | int | Decimal):
            hint = ' (write decimals as text, e.g. "0.5")' if isinstance(raw, float) else ""
            self.issue(key, "value.not_number", f"{raw!r} is not a number{hint}")
            return None
        try:
            number = Decimal(raw.strip() if isinstance(raw, str) else raw)
        except InvalidOperation:
            self.issue(key, "value.not_number", f"{raw!r} is not a number")
            return None
        if not number.is_finite() or (number and number.adjusted() > 15):
            self.issue(key, "value.not_number", f"{raw!r} is not a usable number")
            return None
        return number

    def points(
        self, key: str, bounds: LeafSpec | None, default: object = REQUIRED
    ) -> Decimal | None:
        """Points: at most 4 decimals, and within the leaf's [min, max] when bounds are known."""
        number = self.decimal(key, default)
        if number is None or number is default:
            return number
        if not has_at_most_point_places(number):
            self.issue(key, "points.too_precise", f"points have at most {POINT_PLACES} decimals")
        elif bounds is not None and not bounds.minimum <= number <= bounds.maximum:
            self.issue(
                key,
                "points.out_of_range",
                f"{number} is outside the node's range {bounds.minimum} to {bounds.maximum}",
            )
        return number

    def boolean(self, key: str, default: bool = False) -> bool:
        raw = self.data.get(key)
        if raw is None:
            return default
        if not isinstance(raw, bool):
            self.issue(key, "value.not_boolean", f"{raw!r} is not true/false")
            return default
        return raw

    def integer(self, key: str, default: object = REQUIRED) -> int | None:
        raw = self.data.get(key)
        if raw is None:
            if default is REQUIRED:
                self.issue(key, "value.required", "required")
                return None
            return default  # type: ignore[return-value]
        if isinstance(raw, str) and raw.strip().isascii() and raw.strip().isdigit():
            raw = int(raw)
        if isinstance(raw, bool) or not isinstance(raw, int):
            self.issue(key, "value.not_integer", f"{raw!r} is not a whole number")
            return None
        return raw

    def text(self, key: str, default: object = REQUIRED) -> str | None:
        """Text, NFC-normalised and trimmed; empty text counts as missing."""
        raw = self.data.get(key)
        if isinstance(raw, int | Decimal) and not isinstance(raw, bool):
            raw = str(raw)
        if raw is not None and not isinstance(raw, str):
            self.issue(key, "value.not_text", f"{raw!r} is not text")
            return None
        text = clean_text(raw) if raw is not None else ""
        if not text:
            if default is REQUIRED:
                self.issue(key, "value.required", "required")
                return None
            return default  # type: ignore[return-value]
        return text

    def choice(self, key: str, options: tuple[str, ...], default: str | None) -> str | None:
        raw = self.data.get(key)
        if raw is None:
            return default
        if raw not in options:
            listed = ", ".join(options)
            self.issue(key, "value.not_allowed", f"{raw!r} is not one of: {listed}")
            return default
        return raw

    def items(self, key: str, required: bool = True) -> list["ConfigReader"]:
        """The mappings of a list, each reader placed at key[i]."""
        raw = self.data.get(key)
        if raw is None:
            if required:
                self.issue(key, "value.required", "required")
            return []
        if not isinstance(raw, list | tuple):
            self.issue(key, "type.not_list", "expected a list")
            return []
        if required and not raw:
            self.issue(key, "value.empty", "must not be empty")
        return [
            ConfigReader(item, self.issues, self.code, f"{self.where(key)}[{position}]")
            for position, item in enumerate(raw)
        ]
