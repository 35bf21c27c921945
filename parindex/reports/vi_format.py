"""How numbers and dates are written in the official Vietnamese documents.

The documents are Vietnamese whatever the interface language: decimal comma, "." between
thousands (the engine's Vietnamese wording), dates dd/mm/yyyy, times hh:mm in the project's
time zone. Figures in running text drop trailing zeros as seed 003 does ("57,9/100 điểm");
table cells keep two places ("78,86").
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from parindex.scoring.phrases import VIETNAMESE
from parindex.scoring.rounding import round_average


def number(value: Decimal | int | None) -> str:
    """Running text: 57.90 -> "57,9", 1234.5 -> "1.234,5"; None -> "-"."""
    if value is None:
        return "-"
    return VIETNAMESE.number(Decimal(value))


def fixed(value: Decimal | None) -> str:
    """Table cells, two places: 78.856 -> "78,86" (half up, as the engine rounds)."""
    if value is None:
        return "-"
    whole, _, fraction = format(round_average(Decimal(value)), ".2f").partition(".")
    return f"{whole},{fraction}"


def percent(value: Decimal | None) -> str:
    """A share already rounded by the engine: 14.8 -> "14,8%"."""
    return "-" if value is None else f"{number(value)}%"


def signed(value: Decimal | int | None) -> str:
    """A change: +1,5 / -2 / 0."""
    if value is None:
        return "-"
    text = number(value)
    return f"+{text}" if Decimal(value) > 0 else text


def date(day: datetime.date | datetime.datetime | None) -> str:
    if day is None:
        return ""
    if isinstance(day, datetime.datetime):
        day = timezone.localtime(day).date()
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def moment(when: datetime.datetime | None) -> str:
    """ "14:05 ngày 12/12/2022" in the project's time zone."""
    if when is None:
        return ""
    local = timezone.localtime(when)
    return f"{local:%H:%M} ngày {date(local)}"
