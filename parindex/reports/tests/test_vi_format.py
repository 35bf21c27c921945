"""Numbers in the Vietnamese documents: decimal comma, seed 003's forms."""

from decimal import Decimal

from parindex.reports import vi_format, wording
from parindex.results.summary import GroupSummary


def test_numbers_as_seed_003_writes_them():
    assert vi_format.number(Decimal("57.90")) == "57,9"
    assert vi_format.number(Decimal("30.00")) == "30"
    assert vi_format.number(Decimal("1234.5")) == "1.234,5"
    assert vi_format.fixed(Decimal("78.855")) == "78,86"
    assert vi_format.fixed(Decimal("54")) == "54,00"
    assert vi_format.percent(Decimal("14.8")) == "14,8%"
    assert vi_format.signed(Decimal("1.5")) == "+1,5" and vi_format.signed(-2) == "-2"


def test_group_ranges_in_words():
    groups = [
        GroupSummary(label, Decimal(low), 0, Decimal(0), ())
        for label, low in (("A", "90"), ("B", "70"), ("D", "0"))
    ]
    assert [text for _, text in wording.bands(groups)] == [
        "từ 90 điểm trở lên",
        "từ 70 điểm đến dưới 90 điểm",
        "dưới 70 điểm",
    ]
    assert wording.in_text("Huyện Phù Yên") == "huyện Phù Yên"
    assert wording.place("Huyện Phù Yên") == "Phù Yên"
