"""Formatting numbers for explanations: plain digits, no exponent, no trailing zeros."""

from decimal import Decimal

from parindex.scoring.rounding import round_percent


def show(number: Decimal) -> str:
    """0.9500 -> "0.95", 1E+2 -> "100", -0 -> "0"."""
    if not number:
        return "0"
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def show_percent(number: Decimal) -> str:
    """A percentage rounded for display: 96.3087... -> "96.31%"."""
    return f"{show(round_percent(number))}%"
