"""Properties of the tree: parents are sums of their children, the index lies in [0, 100]."""

from decimal import Decimal

from hypothesis import given, settings

from parindex.scoring import evaluate_unit, load_framework, score_units

from .documents import document
from .strategies import trees


@settings(deadline=None)
@given(trees())
def test_every_parent_is_the_sum_of_its_children_and_the_index_is_a_percentage(tree):
    nodes, inputs = tree
    framework = load_framework(document(*nodes))
    result = evaluate_unit(framework, inputs)
    for node in framework.nodes:
        if node.children:
            children = sum((result.node(c).points for c in node.children), Decimal(0))
            assert result.node(node.code).points == children
    assert result.total == sum((f.points for f in result.field_scores()), Decimal(0))
    assert result.maximum == sum((f.maximum for f in result.field_scores()), Decimal(0))
    if result.index is not None:  # None only when every leaf is N/A-excluded
        assert Decimal(0) <= result.index <= Decimal(100)


@settings(deadline=None)
@given(trees(), trees())
def test_a_campaign_scores_each_unit_as_scoring_it_alone_would(first, second):
    # Column-wise evaluation of many units must match one-unit evaluation exactly,
    # including N/A exclusions that lower some units' maxima.
    nodes, inputs = first
    _, other_inputs = second
    framework = load_framework(document(*nodes))
    leaf_codes = {n.code for n in framework.leaves}
    units = {
        "u1": inputs,
        "u2": {c: e for c, e in other_inputs.items() if c in leaf_codes},
        "u3": {},
    }
    campaign = score_units(framework, units, strict=False)
    for code, inputs_of_unit in units.items():
        alone = evaluate_unit(framework, inputs_of_unit, strict=False)
        together = campaign.results()[code]
        assert list(together.points) == list(alone.points)
        assert list(together.maxima) == list(alone.maxima)
        assert (together.total, together.maximum, together.index) == (
            alone.total,
            alone.maximum,
            alone.index,
        )
