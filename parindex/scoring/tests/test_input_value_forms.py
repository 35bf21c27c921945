"""The written forms of input values: what YAML, CSV, XLSX and forms send."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from parindex.scoring.input_values import (
    InvalidValue,
    to_bool,
    to_date,
    to_decimal,
    to_event_counts,
    to_keys,
    to_percentage,
    to_ratio,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("574/596", (574, 596)),
        (" 574 / 596 ", (574, 596)),
        ({"num": "574", "den": "596"}, (574, 596)),
        (["574", 596], (574, 596)),
        ((Decimal("574"), Decimal("596")), (574, 596)),
        ("30.5/100", (Decimal("30.5"), Decimal(100))),
        ("96.3%", (Decimal("96.3"), Decimal(100))),
    ],
)
def test_ratio_forms(raw, expected):
    assert to_ratio(raw) == expected


def test_whole_ratios_are_ints_and_others_decimals():
    assert {type(part) for part in to_ratio("574/596")} == {int}
    assert {type(part) for part in to_ratio("30.5/100")} == {Decimal}


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("596/574", "ratio.numerator_over_denominator"),
        ("-1/5", "ratio.negative"),
        ("1/x", "input.not_number"),
        ("0.5", "input.not_ratio"),
        ({"num": "1"}, "input.not_ratio"),
        ("1/" + "9" * 20, "input.too_large"),
    ],
)
def test_bad_ratios(raw, kind):
    with pytest.raises(InvalidValue) as raised:
        to_ratio(raw)
    assert raised.value.kind == kind


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (0.1, "input.float"),
        ("NaN", "input.not_number"),
        ("Infinity", "input.not_number"),
        ("10,95", "input.not_number"),
        (True, "input.not_number"),
        ("1e30", "input.too_large"),
    ],
)
def test_numbers_that_are_refused(raw, kind):
    with pytest.raises(InvalidValue) as raised:
        to_decimal(raw)
    assert raised.value.kind == kind


def test_a_decimal_comma_gets_a_hint():
    with pytest.raises(InvalidValue) as raised:
        to_decimal("10,95")
    assert raised.value.message == "'10,95': use '.' as the decimal point"


def test_numbers_from_text_int_and_decimal():
    assert [to_decimal(x) for x in ("0.8042", 3, Decimal("1.5"))] == [
        Decimal("0.8042"),
        Decimal(3),
        Decimal("1.5"),
    ]


def test_percentages():
    assert to_percentage("91.5%") == Decimal("91.5")
    assert to_percentage("1/4") == Decimal(25)


def test_keys_and_events_as_text():
    assert to_keys(" a ; b;;") == ["a", "b"]
    assert to_event_counts("late=2; missing=1") == {"late": 2, "missing": 1}
    with pytest.raises(InvalidValue):
        to_event_counts("late=2;late=1")
    with pytest.raises(InvalidValue):
        to_event_counts("late")


def test_dates():
    assert to_date("2022-01-20") == date(2022, 1, 20)
    assert to_date(datetime(2022, 1, 20, 9, 30)) == date(2022, 1, 20)
    for bad in ("20/01/2022", "2022-1-20", "20220120"):
        with pytest.raises(InvalidValue):
            to_date(bad)


def test_booleans():
    assert [to_bool(x) for x in ("Có", "KHÔNG", "yes", 0)] == [True, False, True, False]
