"""Property: the formula parser never raises anything but ExpressionError, whatever the text."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.scoring import ExpressionError, parse_expression

# Mostly the language's own characters, so the parser gets past the tokenizer often.
LANGUAGE = st.text(alphabet="ab01.5 +-*/()<>=!,minaxroudfte_'\"[]", max_size=60)


@settings(deadline=None)
@given(st.one_of(st.text(max_size=80), LANGUAGE))
def test_parsing_arbitrary_text_raises_only_expression_error(text):
    try:
        expression = parse_expression(text, {"a", "b"})
    except ExpressionError:
        return
    # What parses also evaluates: to a Decimal, or an arithmetic error the rule maps to on_error.
    try:
        value = expression.evaluate({"a": Decimal(0), "b": Decimal(3)})
    except ArithmeticError:
        return
    assert isinstance(value, Decimal)
