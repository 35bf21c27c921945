"""choice: the chosen option's points."""

from decimal import Decimal
from unicodedata import normalize

import pytest

from parindex.scoring import InputErrors, validate_framework

from .documents import document, leaf, parent, score_leaf

# Seed 004, 7.6.1: ISO 9001 upkeep rated Tốt → full; Đạt → 0.5 less.
ISO_UPKEEP = {
    "kind": "choice",
    "options": [
        {"key": "tot", "label": "Tốt", "points": "1"},
        {"key": "dat", "label": "Đạt", "points": "0.5"},
    ],
}


def test_each_option_scores_its_points():
    assert score_leaf(ISO_UPKEEP, {"value": "tot"}).points == 1
    node = score_leaf(ISO_UPKEEP, {"value": "dat"}, language="en")
    assert (node.points, node.explanation) == (Decimal("0.5"), "Đạt → 0.5")


def test_keys_are_compared_after_nfc_and_trimming():
    rule = {"kind": "choice", "options": [{"key": "đạt", "points": "0.5"}]}
    decomposed = normalize("NFD", " đạt ")
    assert score_leaf(rule, {"value": decomposed}).points == Decimal("0.5")


def test_an_unknown_key_lists_the_options():
    with pytest.raises(InputErrors) as raised:
        score_leaf(ISO_UPKEEP, {"value": "kha"})
    assert raised.value.errors[0].message == "unknown choice 'kha' (one of: tot, dat)"


def test_option_keys_must_be_unique():
    rule = {**ISO_UPKEEP, "options": [*ISO_UPKEEP["options"], {"key": "tot", "points": "0"}]}
    issues = validate_framework(document(parent("1", "1", [leaf("1.1", "1", rule)])))
    assert [(i.kind, i.path) for i in issues] == [("choice.duplicate_key", "rule.options[2].key")]
