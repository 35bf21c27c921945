"""Merger lineage as one line of text: "X01:0.6;X02:0.4" means formed from X01 (weight 0.6)
and X02 (0.4). The same syntax is used by the unit form, the import column "Sáp nhập từ" and
the export, so what an organiser types, imports and exports reads the same."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from parindex.textnorm import nfc

WEIGHT_PLACES = 4
MAX_WEIGHT = Decimal("999")  # UnitPredecessor.weight holds 7 digits with 4 decimals


class LineageError(ValueError):
    """The text cannot be read; the message says what to fix."""


@dataclass(frozen=True)
class LineagePart:
    code: str
    weight: Decimal


def parse_weight(text: str) -> Decimal:
    """A positive weight with at most 4 decimals; a decimal comma is accepted ("0,6")."""
    try:
        weight = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise LineageError(_("“%(text)s” is not a number.") % {"text": text}) from None
    if not weight.is_finite() or weight <= 0 or weight > MAX_WEIGHT:
        raise LineageError(
            _("A weight must be greater than 0 and at most %(max)s, not %(text)s.")
            % {"max": MAX_WEIGHT, "text": text}
        )
    if -weight.as_tuple().exponent > WEIGHT_PLACES:
        raise LineageError(_("A weight has at most 4 decimals, not %(text)s.") % {"text": text})
    return weight


def parse_lineage(text: str) -> list[LineagePart]:
    """Read "X01:0.6;X02:0.4" (a missing weight means 1). Empty text means no lineage."""
    parts: list[LineagePart] = []
    seen: set[str] = set()
    for chunk in re.split(r"[;\n]", text or ""):
        chunk = nfc(chunk)
        if not chunk:
            continue
        code, colon, weight_text = chunk.rpartition(":")
        if not colon:
            code, weight_text = chunk, "1"
        code = nfc(code)
        if not code:
            raise LineageError(_("“%(part)s” has no unit code before the colon.") % {"part": chunk})
        if code in seen:
            raise LineageError(_("Unit %(code)s is listed twice.") % {"code": code})
        seen.add(code)
        parts.append(LineagePart(code, parse_weight(weight_text)))
    return parts


def format_weight(weight: Decimal) -> str:
    """0.6000 → "0.6", 1 → "1" (never "1E+1")."""
    text = format(weight, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_lineage(parts: list[LineagePart]) -> str:
    return ";".join(f"{p.code}:{format_weight(p.weight)}" for p in parts)
