"""The generated campaign is deterministic, loads, and has the requested size and mix."""

from collections import Counter

from bench.campaign_generator import generate_campaign
from parindex.scoring import load_framework, score_units


def test_same_seed_same_campaign_and_a_valid_framework():
    first, second = generate_campaign(30, 120, seed=7), generate_campaign(30, 120, seed=7)
    assert first.document == second.document
    assert first.inputs == second.inputs
    framework = load_framework(first.document)
    assert len(framework.leaves) == first.leaf_count == 120
    kinds = Counter(leaf.rule.kind for leaf in framework.leaves)
    assert kinds["bands"] > kinds["formula"] > 0  # the mix follows domain.md §2
    campaign = score_units(framework, first.inputs)  # generated inputs are all valid
    assert len(campaign.units) == 30
