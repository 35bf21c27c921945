"""Band configurations: no gaps, no overlaps, the whole domain covered, clear messages."""

import pytest

from parindex.scoring import validate_framework

from .documents import document, leaf, parent


def issues_for(rule: dict) -> list[tuple[str, str, str]]:
    doc = document(parent("1", "1", [leaf("1.1", "1", rule)]))
    return [(issue.kind, issue.path, issue.message) for issue in validate_framework(doc)]


def ratio_bands(*bands: dict) -> dict:
    return {"kind": "bands", "measure": "ratio", "percent": True, "bands": list(bands)}


TOP = {"min": "95", "max": "100", "max_inclusive": True, "points": "1"}
BOTTOM = {"max": "80", "points": "0"}


def test_a_gap_between_two_bands_is_named():
    assert issues_for(ratio_bands(TOP, {"min": "80", "max": "90", "points": "0.5"}, BOTTOM)) == [
        ("bands.gap", "rule.bands", "values from 90% to 95% fall in no band")
    ]


def test_overlapping_bands_are_named():
    middle = {"min": "80", "max": "96", "points": "0.5"}
    assert issues_for(ratio_bands(TOP, middle, BOTTOM)) == [
        ("bands.overlap", "rule.bands", "bands 80–<96% and 95–100% overlap")
    ]


def test_a_bound_held_by_both_neighbours_is_an_overlap():
    middle = {"min": "80", "max": "95", "max_inclusive": True, "points": "0.5"}
    assert issues_for(ratio_bands(TOP, middle, BOTTOM)) == [
        ("bands.overlap", "rule.bands", "bands 80–95% and 95–100% both hold 95%")
    ]


def test_a_bound_held_by_neither_neighbour_is_a_gap():
    top = {**TOP, "min_inclusive": False}
    middle = {"min": "80", "max": "95", "points": "0.5"}
    assert issues_for(ratio_bands(top, middle, BOTTOM)) == [
        ("bands.gap", "rule.bands", "95% falls in no band (make one bound inclusive)")
    ]


def test_a_percentage_domain_must_include_100():
    top = {"min": "95", "max": "100", "points": "1"}  # max exclusive by default
    middle = {"min": "80", "max": "95", "points": "0.5"}
    assert issues_for(ratio_bands(top, middle, BOTTOM)) == [
        ("bands.gap", "rule.bands", "100% falls in no band")
    ]


def test_a_percentage_domain_must_start_at_0():
    middle = {"min": "80", "max": "95", "points": "0.5"}
    assert issues_for(ratio_bands(TOP, middle)) == [
        ("bands.gap", "rule.bands", "values from 0% to 80% fall in no band")
    ]


def test_counts_need_an_open_top_band():
    rule = {
        "kind": "bands",
        "measure": "count",
        "bands": [{"min": "0", "max": "2", "points": "0"}, {"min": "2", "max": "5", "points": "1"}],
    }
    assert issues_for(rule) == [("bands.gap", "rule.bands", "values above 5 fall in no band")]


def test_an_empty_band_and_points_out_of_range_name_their_band():
    rule = ratio_bands(
        {"min": "95", "max": "95", "points": "1"},
        {"min": "0", "max": "95", "points": "1.5"},
    )
    assert issues_for(rule) == [
        ("bands.empty", "rule.bands[0]", "the band contains no value (check min and max)"),
        ("points.out_of_range", "rule.bands[1].points", "1.5 is outside the node's range 0 to 1"),
    ]


@pytest.mark.parametrize(
    ("rule", "kind"),
    [
        ({**ratio_bands(TOP, BOTTOM), "measure": "count"}, "bands.percent"),
        ({**ratio_bands(TOP, BOTTOM), "measure": "length"}, "value.not_allowed"),
        ({**ratio_bands(TOP, BOTTOM), "zero_base": "na"}, "zero_base.na_not_allowed"),
        ({**ratio_bands(TOP, BOTTOM), "colour": "red"}, "key.unknown"),
    ],
)
def test_other_config_mistakes(rule, kind):
    assert kind in [found for found, _path, _message in issues_for(rule)]
