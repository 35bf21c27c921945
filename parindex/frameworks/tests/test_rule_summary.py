from parindex.frameworks.rule_summary import summarise_rule


def test_bands_are_listed_with_their_bounds_and_points():
    rule = {
        "kind": "bands",
        "measure": "ratio",
        "percent": True,
        "bands": [
            {"min": "95", "max": "100", "max_inclusive": True, "points": "1"},
            {"min": "80", "max": "95", "points": "0.50"},
        ],
    }
    assert summarise_rule(rule) == "Bands on ratio (%): [95, 100] → 1; [80, 95) → 0.5"


def test_deductions_and_nothing_arose_are_readable():
    rule = {
        "kind": "deductions",
        "start": "1",
        "events": [{"key": "late", "label": "Báo cáo trễ", "each": "0.25"}],
        "nothing_arose": "full",
    }
    text = summarise_rule(rule)
    assert "Báo cáo trễ −0.25 each" in text and text.endswith("nothing arose → full")


def test_unknown_kinds_and_parents_degrade_gracefully():
    assert summarise_rule({"kind": "future_kind"}) == "future_kind"
    assert summarise_rule(None) == ""
