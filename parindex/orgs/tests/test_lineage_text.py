"""Lineage text "X01:0.6;X02:0.4": parsing and writing back."""

from decimal import Decimal

import pytest

from parindex.orgs.lineage import LineageError, LineagePart, format_lineage, parse_lineage


def test_parse_with_spaces_comma_and_default_weight():
    assert parse_lineage(" X01 : 0,6 ; X02:0.4;X03 ;") == [
        LineagePart("X01", Decimal("0.6")),
        LineagePart("X02", Decimal("0.4")),
        LineagePart("X03", Decimal("1")),
    ]


def test_empty_text_means_no_lineage():
    assert parse_lineage("") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("X01:0", "greater than 0"),
        ("X01:-0.5", "greater than 0"),
        ("X01:1000", "at most 999"),
        ("X01:0.12345", "at most 4 decimals"),
        ("X01:abc", "not a number"),
        (":0.5", "no unit code"),
        ("X01:0.5;X01:0.5", "listed twice"),
    ],
)
def test_refusals(text, message):
    with pytest.raises(LineageError, match=message):
        parse_lineage(text)


def test_format_drops_trailing_zeros_and_round_trips():
    parts = [LineagePart("A", Decimal("0.6000")), LineagePart("B", Decimal("10"))]
    assert format_lineage(parts) == "A:0.6;B:10"
    assert parse_lineage(format_lineage(parts)) == parts
