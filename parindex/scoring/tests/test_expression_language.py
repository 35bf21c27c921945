"""The formula language: arithmetic, comparisons, logic and functions over Decimals."""

from decimal import Decimal

import pytest

from parindex.scoring import parse_expression

VALUES = {"a": Decimal(10), "b": Decimal(6), "c": Decimal(0)}


def value_of(text: str) -> Decimal:
    return parse_expression(text, set(VALUES)).evaluate(VALUES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2 * 3", "7"),  # * binds tighter than +
        ("(1 + 2) * 3", "9"),
        ("10 - 4 - 3", "3"),  # left to right
        ("20 / 4 / 5", "1"),
        ("-2 * 3", "-6"),
        ("- -2", "2"),
        ("b / a", "0.6"),
        (".5 + 0.25", "0.75"),
        ("a > b", "1"),
        ("a <= b", "0"),
        ("a == 10", "1"),
        ("a != 10", "0"),
        ("a > b and c > 0", "0"),
        ("a > b or c > 0", "1"),
        ("not c", "1"),
        ("not a > b", "0"),  # not binds looser than comparisons
        ("min(a, b, 3)", "3"),
        ("max(a, b)", "10"),
        ("round(2.345, 2)", "2.35"),  # half up, like every rounding in the engine
        ("round(b / 7, 0)", "1"),
        ("if(c == 0, 0, a / c)", "0"),  # the branch not taken is not evaluated
        ("if(a, b, c)", "6"),
    ],
)
def test_expressions(text, expected):
    assert value_of(text) == Decimal(expected)


def test_the_names_an_expression_uses_are_known():
    assert parse_expression("b/a + min(a, 1)").names == {"a", "b"}
