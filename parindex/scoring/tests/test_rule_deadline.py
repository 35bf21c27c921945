"""deadline: points by days after the due date; MM-DD resolved against the assessment year."""

from decimal import Decimal

import pytest

from parindex.scoring import (
    InputErrors,
    evaluate_unit,
    load_framework,
    score_units,
    validate_framework,
)

from .documents import document, leaf, parent, score_leaf

# Due 31 January; on time 0.5, up to 30 days late 0.25, later 0; never done 0.1.
PLAN_DEADLINE = {
    "kind": "deadline",
    "due": "01-31",
    "tiers": [{"days_late": 0, "points": "0.5"}, {"days_late": 30, "points": "0.25"}],
    "otherwise": "0",
    "missing": "0.1",
}


@pytest.mark.parametrize(
    ("done", "points"),
    [
        ("2022-01-05", "0.5"),  # early
        ("2022-01-31", "0.5"),  # on the due date: 0 days late is on time
        ("2022-02-01", "0.25"),  # 1 day late
        ("2022-03-02", "0.25"),  # 28 (Feb) + 2 = 30 days late: the tier's bound is inclusive
        ("2022-03-03", "0"),  # 31 days late: beyond the last tier
    ],
)
def test_tiers_by_days_late(done, points):
    node = score_leaf(PLAN_DEADLINE, {"value": done}, maximum="0.5")
    assert node.points == Decimal(points)


def test_explanation_counts_the_days():
    node = score_leaf(PLAN_DEADLINE, {"value": "2022-02-05"}, maximum="0.5", language="en")
    assert (
        node.explanation == "done 2022-02-05, 5 days after 2022-01-31 (within 30 days late) → 0.25"
    )


def test_never_done_scores_missing_but_is_answered():
    node = score_leaf(PLAN_DEADLINE, {"value": False}, maximum="0.5", language="en")
    assert node.points == Decimal("0.1")
    assert node.status == "scored"
    assert node.explanation == "not done → 0.1"


def test_an_unanswered_deadline_is_missing():
    node = score_leaf(PLAN_DEADLINE, None, maximum="0.5", language="en")
    assert (node.points, node.status, node.explanation) == (0, "missing", "not answered")


def test_month_day_is_resolved_against_the_context_year():
    # 2023-01-31 is on time for the 2023 campaign, but a year late against 2022.
    on_time = score_leaf(PLAN_DEADLINE, {"value": "2023-01-31"}, maximum="0.5", year=2023)
    late = score_leaf(PLAN_DEADLINE, {"value": "2023-01-31"}, maximum="0.5", year=2022)
    assert (on_time.points, late.points) == (Decimal("0.5"), Decimal("0"))


def test_a_full_due_date_ignores_the_year():
    # Seed 003: self-assessments were due on 10/12/2022.
    rule = {"kind": "deadline", "due": "2022-12-10", "tiers": [{"days_late": 0, "points": "1"}]}
    assert score_leaf(rule, {"value": "2022-12-10"}, year=2030).points == 1
    assert score_leaf(rule, {"value": "2022-12-11"}, year=2030).points == 0


@pytest.mark.parametrize(
    ("rule_change", "kind"),
    [
        ({"due": "02-30"}, "deadline.bad_date"),
        ({"due": "02-29"}, "deadline.leap_day"),
        ({"due": "31/01"}, "deadline.bad_date"),
        (
            {"tiers": [{"days_late": 30, "points": "0.25"}, {"days_late": 0, "points": "0.5"}]},
            "deadline.tier_order",
        ),
        ({"otherwise": "0.75"}, "points.out_of_range"),
    ],
)
def test_invalid_configs_are_reported_on_the_node(rule_change, kind):
    doc = document(parent("1", "0.5", [leaf("1.1", "0.5", {**PLAN_DEADLINE, **rule_change})]))
    issues = validate_framework(doc)
    assert [(issue.code, issue.kind) for issue in issues] == [("1.1", kind)]


def test_without_any_year_a_month_day_deadline_is_an_input_error_for_that_unit_only():
    doc = document(parent("1", "0.5", [leaf("1.1", "0.5", PLAN_DEADLINE)]))
    del doc["year"]
    framework = load_framework(doc)
    with pytest.raises(InputErrors) as raised:
        evaluate_unit(framework, {"1.1": {"value": "2022-01-20"}})
    assert raised.value.errors[0].kind == "deadline.no_year"
    # A unit that never did it needs no due date; one that did cannot be scored without a year.
    campaign = score_units(
        framework,
        {"a": {"1.1": {"value": False}}, "b": {"1.1": {"value": "2022-01-20"}}},
        strict=False,
    )
    a, b = campaign.results()["a"], campaign.results()["b"]
    assert (a.node("1.1").points, a.errors) == (Decimal("0.1"), ())
    assert (b.node("1.1").status, b.errors[0].kind) == ("invalid", "deadline.no_year")
