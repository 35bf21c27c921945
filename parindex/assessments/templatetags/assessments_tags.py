"""Showing points exactly: 0.8042 stays 0.8042, 0.5000 shows as 0.5 (no float rounding)."""

from decimal import Decimal

from django import template
from django.utils import formats

from parindex.frameworks.canonical import decimal_text

register = template.Library()


@register.filter
def points(value: Decimal | None) -> str:
    """Shortest exact text of a Decimal, with the active language's decimal separator."""
    if value is None:
        return "–"
    text = decimal_text(Decimal(value))
    return text.replace(".", formats.get_format("DECIMAL_SEPARATOR"))


@register.filter
def index(value: Decimal | None) -> str:
    """An index as published: two decimals."""
    if value is None:
        return "–"
    return formats.number_format(Decimal(value), 2)
