"""Reading per-unit input values: numbers, counts, ratios, booleans, dates, keys and events.

Values arrive typed (Decimal, int, bool, date, dict, list) from Python callers, or as text from
YAML, CSV, XLSX and forms ("574/596", "a;b", "late=2;missing=1"). Floats are refused: a score
must never depend on binary rounding. Each reader raises InvalidValue; the evaluator turns it
into an InputError naming the unit, node and input.
"""

import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from parindex.scoring.rounding import HUNDRED, ZERO

# A typed number beyond 10^15 is a typing mistake, and would slow every later operation.
MAX_ADJUSTED_EXPONENT = 15

_MAX_WHOLE = 10 ** (MAX_ADJUSTED_EXPONENT + 1)
_TRUE_WORDS = frozenset({"true", "yes", "1", "có"})
_FALSE_WORDS = frozenset({"false", "no", "0", "không"})


class InvalidValue(ValueError):
    """A value that does not fit what the rule reads; `input` names the input key."""

    def __init__(self, message: str, kind: str = "input.invalid", input: str = "value") -> None:
        self.message = message
        self.kind = kind
        self.input = input
        super().__init__(message)


def clean_text(raw: str) -> str:
    """NFC and trimmed: how every typed key or word is compared."""
    return unicodedata.normalize("NFC", raw).strip()


def _number_from_other(raw: object) -> Decimal:
    """The uncommon cases of to_decimal, and the messages for refused values."""
    if isinstance(raw, bool):
        raise InvalidValue("expected a number, got true/false", "input.not_number")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, Decimal):
        return Decimal(raw)
    if isinstance(raw, str):
        hint = "use '.' as the decimal point" if "," in raw else "is not a number"
        raise InvalidValue(f"{raw!r}: {hint}", "input.not_number")
    if isinstance(raw, float):
        raise InvalidValue("write numbers as text or Decimal, not float", "input.float")
    raise InvalidValue(f"expected a number, got {type(raw).__name__}", "input.not_number")


def to_decimal(raw: object) -> Decimal:
    """A finite number from Decimal, int or text; never from float."""
    kind = type(raw)
    if kind is str:
        try:
            number = Decimal(raw)  # type: ignore[arg-type]
        except InvalidOperation:
            number = _number_from_other(raw)
    elif kind is Decimal:
        number = raw  # type: ignore[assignment]
    else:
        number = _number_from_other(raw)
    if not number.is_finite():
        raise InvalidValue(f"{raw!r} is not a finite number", "input.not_number")
    if number.adjusted() > MAX_ADJUSTED_EXPONENT and number:
        raise InvalidValue(f"{raw!r} is too large", "input.too_large")
    return number


def to_count(raw: object) -> Decimal:
    """A whole number ≥ 0."""
    number = to_decimal(raw)
    if number < ZERO or number != number.to_integral_value():
        raise InvalidValue(f"{raw!r} is not a whole number ≥ 0", "input.not_count")
    return number


def _ratio_parts(raw: object) -> tuple[object, object]:
    if isinstance(raw, Mapping):
        if set(raw) != {"num", "den"}:
            raise InvalidValue("a ratio needs exactly 'num' and 'den'", "input.not_ratio")
        return raw["num"], raw["den"]
    if isinstance(raw, list | tuple) and len(raw) == 2:
        return raw[0], raw[1]
    if isinstance(raw, str) and "/" in raw:
        numerator, _, denominator = raw.partition("/")
        return numerator, denominator
    if isinstance(raw, str) and raw.strip().endswith("%"):
        return raw.strip()[:-1], HUNDRED
    raise InvalidValue(f"{raw!r} is not a ratio (write e.g. 574/596)", "input.not_ratio")


def _ratio_part(text: str) -> int | Decimal:
    """Counts are whole numbers: kept as int they compare and multiply several times faster."""
    try:
        return int(text)
    except ValueError:
        return to_decimal(text)


def to_ratio(raw: object) -> tuple[int, int] | tuple[Decimal, Decimal]:
    """(numerator, denominator) from "574/596", {num, den}, a 2-item list, or "96.3%".

    Whole-number parts come back as int (exact, and fast for band comparisons); otherwise
    both parts are Decimal."""
    if type(raw) is str and "/" in raw:
        text, _, under = raw.partition("/")
        numerator, denominator = _ratio_part(text), _ratio_part(under)
    else:
        text, under = _ratio_parts(raw)
        numerator, denominator = to_decimal(text), to_decimal(under)
    if numerator < 0 or denominator < 0:
        raise InvalidValue("a ratio cannot be negative", "ratio.negative")
    if numerator > denominator:
        raise InvalidValue(
            f"numerator {numerator} is greater than denominator {denominator}",
            "ratio.numerator_over_denominator",
        )
    if type(numerator) is int and type(denominator) is int:
        if denominator > _MAX_WHOLE:
            raise InvalidValue(f"{raw!r} is too large", "input.too_large")
        return numerator, denominator
    numerator, denominator = Decimal(numerator), Decimal(denominator)
    if (
        numerator == numerator.to_integral_value()
        and denominator == denominator.to_integral_value()
    ):
        return int(numerator), int(denominator)
    return numerator, denominator


def to_percentage(raw: object) -> Decimal:
    """A percentage 0–100 from a number, "91%", or a ratio (then × 100)."""
    if (type(raw) is str and "/" not in raw and "%" not in raw) or type(raw) is Decimal:
        number = to_decimal(raw)
        if ZERO <= number <= HUNDRED:
            return number
    if isinstance(raw, Mapping | list | tuple) or (isinstance(raw, str) and "/" in raw):
        numerator, denominator = to_ratio(raw)
        if not denominator:
            raise InvalidValue("the denominator is 0", "ratio.zero_denominator")
        return numerator * HUNDRED / denominator
    if isinstance(raw, str) and raw.strip().endswith("%"):
        raw = raw.strip()[:-1]
    number = to_decimal(raw)
    if not ZERO <= number <= HUNDRED:
        raise InvalidValue(f"{raw!r} is not a percentage from 0 to 100", "input.not_percentage")
    return number


def to_bool(raw: object) -> bool:
    """true/false, also yes/no, có/không, 1/0 as text or integer."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        word = clean_text(raw).casefold()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    raise InvalidValue(f"{raw!r} is not yes/no", "input.not_boolean")


def to_date(raw: object) -> date:
    """A date from a date/datetime or ISO text YYYY-MM-DD."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
    raise InvalidValue(f"{raw!r} is not a date (write YYYY-MM-DD)", "input.not_date")


def _is_clean_key(raw: object) -> bool:
    """Keys typed by a program are usually plain ASCII: no normalising needed (the slow part)."""
    return type(raw) is str and raw.isascii() and raw == raw.strip()


def to_key(raw: object) -> str:
    """An option or item key, compared after NFC and trimming."""
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise InvalidValue(f"{raw!r} is not a key", "input.not_key")
    return clean_text(str(raw))


def to_keys(raw: object) -> list[str]:
    """Ticked checklist keys from a list or "a;b" text."""
    if type(raw) is list and all(_is_clean_key(item) for item in raw):
        return raw  # type: ignore[return-value]
    if isinstance(raw, str):
        return [key for key in (clean_text(part) for part in raw.split(";")) if key]
    if isinstance(raw, list | tuple):
        return [to_key(item) for item in raw]
    raise InvalidValue(f"{raw!r} is not a list of keys (write a;b)", "input.not_keys")


def to_event_counts(raw: object) -> dict[str, Decimal]:
    """Event counts from {key: count} or "key=count;key=count" text."""
    if isinstance(raw, str):
        pairs = []
        for part in raw.split(";"):
            if not part.strip():
                continue
            key, sep, count = part.partition("=")
            if not sep:
                raise InvalidValue(f"{part.strip()!r}: write key=count", "input.not_events")
            pairs.append((key, count))
    elif type(raw) is dict and all(_is_clean_key(key) for key in raw):
        return {key: to_count(count) for key, count in raw.items()}
    elif isinstance(raw, Mapping):
        pairs = list(raw.items())
    else:
        raise InvalidValue(f"{raw!r} is not event counts (write key=count)", "input.not_events")
    counts: dict[str, Decimal] = {}
    for key, count in pairs:
        name = to_key(key)
        if name in counts:
            raise InvalidValue(f"event {name!r} is given twice", "input.duplicate_key")
        counts[name] = to_count(count)
    return counts
