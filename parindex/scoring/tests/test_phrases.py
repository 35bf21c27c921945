"""How each language writes numbers, percentages and dates, and the phrase table itself."""

import datetime
from decimal import Decimal

import pytest

from parindex.scoring.phrases import (
    ENGLISH,
    LANGUAGES,
    PHRASES,
    VIETNAMESE,
    show,
    template_fields,
    wording,
)


@pytest.mark.parametrize(
    ("number", "vi", "en"),
    [
        ("0", "0", "0"),
        ("-0", "0", "0"),
        ("0.5000", "0,5", "0.5"),
        ("1E+2", "100", "100"),
        ("999", "999", "999"),
        ("1000", "1.000", "1000"),
        ("22855", "22.855", "22855"),
        ("1234.5", "1.234,5", "1234.5"),
        ("1234567.8901", "1.234.567,8901", "1234567.8901"),
        ("-0.25", "-0,25", "-0.25"),
        ("-12345", "-12.345", "-12345"),
    ],
)
def test_numbers(number, vi, en):
    assert VIETNAMESE.number(Decimal(number)) == vi
    assert ENGLISH.number(Decimal(number)) == en == show(Decimal(number))


def test_percentages_are_rounded_to_two_places_half_up():
    share = Decimal(574) * 100 / Decimal(596)  # 96.3087…
    assert VIETNAMESE.percent(share) == "96,31%"
    assert ENGLISH.percent(share) == "96.31%"
    assert VIETNAMESE.percent(Decimal("12.345")) == "12,35%"


def test_ratios_and_dates():
    assert VIETNAMESE.ratio(Decimal(22855), Decimal(23067)) == "22.855/23.067"
    assert ENGLISH.ratio(Decimal(22855), Decimal(23067)) == "22855/23067"
    day = datetime.date(2022, 1, 5)
    assert VIETNAMESE.date(day) == "05/01/2022"
    assert ENGLISH.date(day) == "2022-01-05"


def test_every_phrase_has_every_language_with_the_same_fields():
    for key, texts in PHRASES.items():
        assert set(texts) == set(LANGUAGES), key
        assert len({template_fields(text) for text in texts.values()}) == 1, key


def test_wording_by_language_tag():
    assert wording("vi") is VIETNAMESE
    assert wording("en-US") is ENGLISH
    assert wording(None) is VIETNAMESE
    with pytest.raises(ValueError, match="one of: vi, en"):
        wording("fr")
