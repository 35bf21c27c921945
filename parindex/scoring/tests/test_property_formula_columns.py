"""Property: a formula evaluated for many units at once (operation by operation over columns)
gives every unit exactly what evaluating it alone gives: the same Decimals, digit for digit,
and an arithmetic error whenever some unit alone would raise one."""

from decimal import Decimal, localcontext

from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.scoring import Context, parse_expression
from parindex.scoring.rounding import ARITHMETIC

from .documents import one_leaf_framework

_ATOMS = st.sampled_from(["a", "b", "c", "0", "1", "0.5", "3", "2.25"])
_BINARY = ["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or"]


def _expression(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(children, st.sampled_from(_BINARY), children).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        st.tuples(st.sampled_from(["min", "max"]), st.lists(children, min_size=2, max_size=3)).map(
            lambda t: f"{t[0]}({', '.join(t[1])})"
        ),
        st.tuples(children, children, children).map(lambda t: f"if({t[0]}, {t[1]}, {t[2]})"),
        st.tuples(children, st.integers(0, 3)).map(lambda t: f"round({t[0]}, {t[1]})"),
        children.map(lambda x: f"-{x}"),
        children.map(lambda x: f"not {x}"),
    )


expressions = st.recursive(_ATOMS, _expression, max_leaves=10)
numbers = st.one_of(
    st.integers(-3, 20).map(Decimal),
    st.sampled_from(["0.5", "0.0", "1.50", "7", "0.3333", "-2.5"]).map(Decimal),
)
units = st.lists(st.fixed_dictionaries({"a": numbers, "b": numbers, "c": numbers}), max_size=12)


def _alone(expression, values: dict) -> str:
    try:
        return str(expression.evaluate(values))
    except ArithmeticError:
        return "error"


@settings(deadline=None, max_examples=300)
@given(expressions, units)
def test_columns_give_each_unit_what_it_gets_alone(text, inputs):
    by_name = parse_expression(text, {"a", "b", "c"})
    by_position = parse_expression(text, order="abc")  # inputs as (a, b, c) tuples
    rows = [(values["a"], values["b"], values["c"]) for values in inputs]
    with localcontext(ARITHMETIC):
        alone = [_alone(by_name, values) for values in inputs]
        assert [_alone(by_position, row) for row in rows] == alone
        for expression, given in ((by_name, inputs), (by_position, rows)):
            try:
                together = [str(value) for value in expression.evaluate_column(given)]
            except ArithmeticError:
                continue  # allowed whatever the units (the rule then scores them one by one)
            assert "error" not in alone
            assert together == alone


@settings(deadline=None, max_examples=200)
@given(expressions, units, st.sampled_from(["0", "-1"]))
def test_formula_points_for_a_column_are_each_units_points(text, inputs, minimum):
    rule_config = {
        "kind": "formula",
        "inputs": [{"name": name} for name in "abc"],
        "expression": text,
        "on_error": "0.25",
    }
    rule = one_leaf_framework(rule_config, "1.5", min=minimum).by_code["1.1"].rule
    context = Context(2022)
    rows = [(values["a"], values["b"], values["c"]) for values in inputs]  # as read
    with localcontext(ARITHMETIC):
        alone = [str(rule.points(values, context)) for values in rows]
        together = [str(points) for points in rule.points_column(rows, context)]
    assert together == alone
