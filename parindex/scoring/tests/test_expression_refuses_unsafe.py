"""Nothing outside the tiny language gets through: no eval, strings, attributes or exponents."""

import pytest

from parindex.scoring import ExpressionError, parse_expression


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("__import__('os')", 'unexpected character "\'" (at character 12)'),
        ("__import__(a)", "unknown function '__import__' (at character 1)"),
        ("open(a)", "unknown function 'open' (at character 1)"),
        ("a.__class__", "unexpected character '.' (at character 2)"),
        ("a[0]", "unexpected character '[' (at character 2)"),
        ("'text'", 'unexpected character "\'" (at character 1)'),
        ("2 ** 99999", "unexpected '*' (at character 4)"),
        ("9e99999", "malformed number (write plain digits, e.g. 0.25) (at character 2)"),
        ("1" * 21, "number longer than 20 digits (at character 1)"),
        ("lambda: 1", "unexpected character ':' (at character 7)"),
        ("x", "unknown name 'x' (at character 1)"),
        ("min", "'min' is a function: call it with (...) (at character 1)"),
        ("a < b < 1", "chain comparisons with 'and' (at character 7)"),
        (
            "round(a, a)",
            "round()'s second argument must be a whole number from 0 to 10 (at character 10)",
        ),
        ("if(a, 1)", "if() takes 3 arguments: condition, then, else (at character 1)"),
        ("(" * 41 + "1" + ")" * 41, "expression nested deeper than 40 (at character 41)"),
        ("a + " * 130 + "a", "expression longer than 500 characters (at character 501)"),
        ("", "empty expression (at character 1)"),
    ],
)
def test_refused_with_a_clear_message(text, message):
    with pytest.raises(ExpressionError) as raised:
        parse_expression(text, {"a", "b"})
    assert str(raised.value) == message


def test_non_text_is_refused():
    with pytest.raises(ExpressionError):
        parse_expression(42)
