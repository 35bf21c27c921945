"""The content every builder reads is the results app's summary over the 27 communes."""

from decimal import Decimal

from parindex.reports.content import report_content


def test_seed003_groups_shares_and_late(seed003):
    content = report_content(seed003["snapshot"])
    summary = content.summary
    assert content.unit_count == 27 == len(content.units)
    shares = {g.label: (g.count, g.share) for g in summary.groups}
    assert shares == {
        "A": (0, Decimal("0.0")),
        "B": (4, Decimal("14.8")),
        "C": (16, Decimal("59.3")),
        "D": (7, Decimal("25.9")),
    }
    assert content.units[0].name == "Xã Tường Phù" and content.units[0].unit.index == Decimal(
        "77.14"
    )
    assert summary.index.lowest == Decimal("30.00")
    assert [late.name for late in summary.late] == ["Xã Bắc Phong", "Xã Suối Tọ", "Xã Huy Tường"]
    assert summary.compared == 27
    assert [(s.code, s.criteria, s.sub_criteria) for s in content.shapes] == [
        ("1", 2, 2),
        ("2", 1, 0),
    ]
