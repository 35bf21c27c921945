"""formula: a safe expression over named inputs (see expression.py)."""

import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from parindex.scoring.config_reader import ConfigReader, LeafSpec
from parindex.scoring.context import Context
from parindex.scoring.expression import RESERVED, Expression, ExpressionError, parse_expression
from parindex.scoring.input_values import InvalidValue, to_bool, to_count, to_decimal
from parindex.scoring.phrases import Wording
from parindex.scoring.rounding import (
    ONE,
    POINT_QUANTUM,
    ROUNDING,
    ZERO,
    round_points,
    round_points_all,
)
from parindex.scoring.rules.base import Rule

_NAME = re.compile(r"[a-z_][a-z0-9_]{0,30}")
# Keys that mean something on every leaf cannot be formula inputs.
_ENTRY_KEYS = frozenset({"value", "na", "nothing_arose"})


def _yes_no_number(raw: object) -> Decimal:
    return ONE if to_bool(raw) else ZERO


INPUT_TYPES: dict[str, Callable[[object], Decimal]] = {
    "count": to_count,
    "number": to_decimal,
    "yes_no": _yes_no_number,
}


class FormulaRule(Rule):
    """The typed value is the tuple of the inputs' values, in the order they are declared."""

    __slots__ = ("_by_position", "expression", "inputs", "names", "on_error")
    kind = "formula"
    reads_value = False

    def __init__(
        self,
        leaf: LeafSpec,
        inputs: dict[str, Callable[[object], Decimal]],
        expression: Expression,
        on_error: Decimal,
    ) -> None:
        super().__init__(leaf, (ZERO,) * len(inputs))
        self.inputs = inputs
        self.names = tuple(inputs)
        self.expression = expression
        self.on_error = on_error
        # The same expression evaluated on the typed tuple itself: name `a` is position 0…
        self._by_position = parse_expression(expression.text, order=self.names)

    def read_inputs(self, entry: Mapping[str, object]) -> tuple[Decimal, ...]:
        for key in entry:
            if key not in self.inputs:
                message = f"unknown input (this formula reads {', '.join(self.inputs)})"
                raise InvalidValue(message, "formula.unknown_input", str(key))
        values = []
        for name, reader in self.inputs.items():
            if name not in entry:
                raise InvalidValue("not given", "formula.missing_input", name)
            try:
                values.append(reader(entry[name]))
            except InvalidValue as error:
                raise InvalidValue(error.message, error.kind, name) from None
        return tuple(values)

    def read(self, value: object) -> object:
        message = f"this formula reads {', '.join(self.inputs)}, not value"
        raise InvalidValue(message, "formula.unknown_input")

    def compute(self, values: Sequence[Decimal]) -> tuple[Decimal, Decimal | None]:
        """(points, unclamped result); result None when the formula hit a division by zero."""
        try:
            result = self._by_position.evaluate(values)
            points = round_points(result)
        except ArithmeticError:  # division by zero, or a result too large to round
            return self.on_error, None
        return min(max(points, self.minimum), self.maximum), result

    def points(self, typed: Sequence[Decimal], context: Context) -> Decimal:
        return self.compute(typed)[0]

    def points_column(self, column: Sequence[Sequence[Decimal]], context: Context) -> list[Decimal]:
        try:  # all units at once, operation by operation (Expression.evaluate_column)
            results = self._by_position.evaluate_column(column)
            points = round_points_all(results)
        except ArithmeticError:  # some unit divides by zero or cannot be rounded
            return self._points_unit_by_unit(column)
        minimum, maximum = self.minimum, self.maximum
        return [maximum if p > maximum else minimum if p < minimum else p for p in points]

    def _points_unit_by_unit(self, column: Sequence[Sequence[Decimal]]) -> list[Decimal]:
        evaluate, on_error = self._by_position.evaluate, self.on_error
        minimum, maximum, quantum = self.minimum, self.maximum, POINT_QUANTUM
        column_points = []
        append = column_points.append
        for values in column:  # compute() inlined: this loop runs for every unit
            try:
                points = evaluate(values).quantize(quantum, rounding=ROUNDING)
            except ArithmeticError:
                append(on_error)
                continue
            append(maximum if points > maximum else minimum if points < minimum else points)
        return column_points

    def explain(self, typed: Sequence[Decimal], context: Context, words: Wording) -> str:
        points, result = self.compute(typed)
        given = words.join(
            [f"{name}={words.number(value)}" for name, value in zip(self.names, typed, strict=True)]
        )
        formula = words.say("formula.given", expression=self.expression.text, given=given)
        if result is None:
            return words.say(
                "formula.division_by_zero", formula=formula, points=words.number(points)
            )
        exact = round_points(result)
        if exact != points:
            return words.say(
                "formula.limited",
                formula=formula,
                result=words.number(exact),
                points=words.number(points),
            )
        return words.say("formula.result", formula=formula, result=words.number(exact))


def compile_formula(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    config.unknown_keys(frozenset({"kind", "nothing_arose", "inputs", "expression", "on_error"}))
    before = len(config.issues)
    inputs: dict[str, Callable[[object], Decimal]] = {}
    for item in config.items("inputs"):
        item.unknown_keys(frozenset({"name", "type", "label"}))
        name = item.text("name")
        kind = item.choice("type", tuple(INPUT_TYPES), "number")
        if name is None:
            continue
        if not _NAME.fullmatch(name) or name in RESERVED or name in _ENTRY_KEYS:
            item.issue("name", "formula.bad_name", f"{name!r} is not a usable input name")
        elif name in inputs:
            item.issue("name", "formula.duplicate_name", f"input {name!r} is declared twice")
        inputs[name] = INPUT_TYPES[kind or "number"]
    on_error = config.points("on_error", leaf, ZERO)
    expression = None
    try:
        expression = parse_expression(config.data.get("expression"), allowed_names=set(inputs))
    except ExpressionError as error:
        config.issue("expression", "formula.syntax", str(error))
    if len(config.issues) > before or expression is None or on_error is None:
        return None
    return FormulaRule(leaf, inputs, expression, on_error)
