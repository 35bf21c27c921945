"""Golden cases from seed 000: a district's interim (9-month) self-scoring."""

from decimal import ROUND_HALF_UP
from decimal import Decimal as D

import pytest

from parindex.scoring import evaluate_unit, load_framework

from .documents import document, leaf, parent

# Field maxima of the district set (13 / 8.5 / 11 / 6.5 / 9 / 9 / 9 / 4 = 70) and the
# self-scores the seed reports for each field after 9 months.
FIELDS = [
    ("13", "10"),
    ("8.5", "7.5"),
    ("11", "10.95"),
    ("6.5", "6.5"),
    ("9", "6.25"),
    ("9", "8.25"),
    ("9", "5.75"),
    ("4", "0"),
]


def test_interim_self_scores_give_78_86_percent():
    manual = {"kind": "manual", "step": "0.05"}
    nodes = [parent(str(n), m, [leaf(f"{n}.1", m, manual)]) for n, (m, _) in enumerate(FIELDS, 1)]
    framework = load_framework(document(*nodes))
    inputs = {f"{n}.1": {"value": s} for n, (_, s) in enumerate(FIELDS, 1)}
    result = evaluate_unit(framework, inputs)
    assert [(f.points, f.maximum) for f in result.field_scores()] == [
        (D(s), D(m)) for m, s in FIELDS
    ]
    # 10 + 7.5 + 10.95 + 6.5 + 6.25 + 8.25 + 5.75 + 0 = 55.20 of 70;
    # 55.2 / 70 × 100 = 78.857142… → 78.86
    assert (result.total, result.maximum) == (D("55.20"), D(70))
    assert result.index_rounded == D("78.86")


ANY_SHARE = {
    "kind": "bands",
    "measure": "ratio",
    "percent": True,
    "bands": [{"min": "0", "max": "100", "max_inclusive": True, "points": "1"}],
}


@pytest.mark.parametrize(
    ("ratio", "shown", "seed_figure"),
    [
        # 574/596 = 0.963087… ; the seed writes 96.3% (1 place), the engine shows 2
        ("574/596", "96.31%", "96.3"),
        # 22,855/23,067 = 0.990809… (the seed's 22.855/23.067 with Vietnamese separators)
        ("22855/23067", "99.08%", "99.1"),
        ("37/301", "12.29%", "12.29"),  # 0.122923…
        ("38/489", "7.77%", "7.77"),  # 0.077709…
    ],
)
def test_seed_000_ratios_as_explained(ratio, shown, seed_figure):
    framework = load_framework(document(parent("1", "1", [leaf("1.1", "1", ANY_SHARE)])))
    result = evaluate_unit(framework, {"1.1": {"value": ratio}}, language="en")
    explanation = result.node("1.1").explanation
    assert explanation.startswith(f"{ratio} = {shown} ")
    # The seed's own figure is the same percentage at the precision the seed printed it.
    numerator, denominator = map(D, ratio.split("/"))
    exact = numerator * 100 / denominator
    quantum = D(1).scaleb(D(seed_figure).as_tuple().exponent)
    assert exact.quantize(quantum, ROUND_HALF_UP) == D(seed_figure)
