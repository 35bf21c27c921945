"""A tiny, safe expression language for `formula` rules.

Text is tokenised and parsed by hand (a Pratt parser) into a tree of closures over Decimals;
nothing is ever handed to eval, compile or ast. The language has numbers, input names,
+ - * /, unary minus, parentheses, comparisons (< <= > >= == !=), and/or/not, and the functions
min, max, round(x, n) and if(cond, a, b). Booleans are the numbers 1 and 0. Strings, attributes,
subscripts, exponents, unknown names and functions are refused with a message and a position.
"""

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from itertools import repeat
from operator import add, eq, ge, gt, itemgetter, le, lt, mul, ne, neg, sub, truediv
from typing import NamedTuple

from parindex.scoring.rounding import ARITHMETIC, ONE, ROUNDING, ZERO

MAX_LENGTH = 500
MAX_DEPTH = 40
MAX_NUMBER_DIGITS = 20
MAX_ROUND_PLACES = 10

Evaluator = Callable[[Mapping[str, Decimal]], Decimal]
# Many units' inputs (one list per name) and how many units -> one value per unit.
ColumnEvaluator = Callable[[Mapping[str, list[Decimal]], int], list[Decimal]]

KEYWORDS = frozenset({"and", "or", "not"})
FUNCTIONS = frozenset({"min", "max", "round", "if"})
RESERVED = KEYWORDS | FUNCTIONS

_SYMBOLS = ("<=", ">=", "==", "!=", "<", ">", "+", "-", "*", "/", "(", ")", ",")
_COMPARISONS = frozenset({"<", "<=", ">", ">=", "==", "!="})
# Binding power of each infix operator: higher binds tighter.
_INFIX_POWER = {"or": 1, "and": 2, **dict.fromkeys(_COMPARISONS, 4), "+": 5, "-": 5, "*": 6, "/": 6}
_NOT_POWER = 3
_UNARY_POWER = 7


class ExpressionError(ValueError):
    """The text is not a valid expression; `position` is the 0-based character offset."""

    def __init__(self, message: str, position: int) -> None:
        self.message = message
        self.position = position
        super().__init__(f"{message} (at character {position + 1})")


class FormulaDivisionByZero(ArithmeticError):
    """Raised while evaluating when a divisor is 0; the rule turns it into `on_error` points."""


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed expression: evaluate it many times with different input values, given as a
    mapping by name, or (parsed with `order`) as a sequence of values in that order."""

    text: str
    names: frozenset[str]
    evaluate: Evaluator
    evaluate_by_key: ColumnEvaluator = field(repr=False, compare=False)
    order: tuple[str, ...] | None = None

    def evaluate_column(self, inputs: Sequence) -> list[Decimal]:
        """`evaluate` for many units' inputs at once: per unit, the same Decimal operations in
        the same order, so the same values. Raises ArithmeticError if evaluating some unit
        alone would, and may raise where none would (`and`/`or` evaluate both sides): the
        caller then evaluates unit by unit."""
        if self.order is not None:  # sequences: one list per position
            keys: Sequence = range(len(self.order))
            columns = zip(*inputs, strict=True) if inputs else ([] for _ in keys)
        elif len(self.names) < 2 or not inputs:  # itemgetter of one name gives no 1-tuple
            keys = tuple(self.names)
            columns = (list(map(itemgetter(name), inputs)) for name in keys)
        else:  # mappings: one pass over the units' inputs, then one list per name
            keys = tuple(self.names)
            columns = zip(*map(itemgetter(*keys), inputs), strict=True)
        by_key = dict(zip(keys, map(list, columns), strict=True))
        return self.evaluate_by_key(by_key, len(inputs))


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "number" | "name" | "symbol" | "end"
    text: str
    position: int
    value: Decimal | None = None


def _is_digit(char: str) -> bool:
    return "0" <= char <= "9"


def _is_name_char(char: str, first: bool) -> bool:
    if char == "_" or (char.isascii() and char.isalpha()):
        return True
    return not first and _is_digit(char)


def _read_number(text: str, start: int) -> tuple[_Token, int]:
    end = start
    while end < len(text) and _is_digit(text[end]):
        end += 1
    if end < len(text) and text[end] == ".":
        end += 1
        if end == len(text) or not _is_digit(text[end]):
            raise ExpressionError("a decimal point must be followed by digits", end)
        while end < len(text) and _is_digit(text[end]):
            end += 1
    if end < len(text) and (_is_name_char(text[end], first=True) or text[end] == "."):
        raise ExpressionError("malformed number (write plain digits, e.g. 0.25)", end)
    literal = text[start:end]
    if sum(_is_digit(char) for char in literal) > MAX_NUMBER_DIGITS:
        raise ExpressionError(f"number longer than {MAX_NUMBER_DIGITS} digits", start)
    return _Token("number", literal, start, Decimal(literal)), end


def tokenize(text: str) -> list[_Token]:
    """Split expression text into tokens, refusing anything outside the language."""
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char.isspace():
            position += 1
        elif _is_digit(char) or (char == "." and _is_digit(text[position + 1 : position + 2])):
            token, position = _read_number(text, position)
            tokens.append(token)
        elif _is_name_char(char, first=True):
            end = position + 1
            while end < len(text) and _is_name_char(text[end], first=False):
                end += 1
            tokens.append(_Token("name", text[position:end], position))
            position = end
        else:
            symbol = next((s for s in _SYMBOLS if text.startswith(s, position)), None)
            if symbol is None:
                raise ExpressionError(f"unexpected character {char!r}", position)
            tokens.append(_Token("symbol", symbol, position))
            position += len(symbol)
    tokens.append(_Token("end", "", len(text)))
    return tokens


class _Compiled(NamedTuple):
    """A parsed (sub-)expression, evaluated two ways with the same Decimal operations in the
    same order: `scalar` for one unit's inputs, `column` for many units' at once (one list per
    input name, and their count), operation by operation over lists so Python's per-call
    overhead is paid once per operation, not once per unit. `value` is set for constants."""

    scalar: Evaluator
    column: ColumnEvaluator
    value: Decimal | None = None


def _constant(value: Decimal) -> _Compiled:
    def constant(env: Mapping[str, Decimal]) -> Decimal:
        return value

    def constant_column(env: Mapping[str, list[Decimal]], size: int) -> list[Decimal]:
        return [value] * size

    return _Compiled(constant, constant_column, value)  # `value` lets operators fold or inline


_OPERATIONS: dict[str, Callable[[Decimal, Decimal], Decimal]] = {
    "+": add,
    "-": sub,
    "*": mul,
    "/": truediv,
}


def _arithmetic(symbol: str, left: _Compiled, right: _Compiled) -> _Compiled:
    """+ - * / with a constant operand inlined (one call fewer per evaluation), and two
    constant operands folded at parse time (except a division by zero, left to run time)."""
    known_left, known_right = left.value, right.value
    if known_left is not None and known_right is not None and (symbol != "/" or known_right):
        with localcontext(ARITHMETIC):  # the same arithmetic as at evaluation time
            return _constant(_binary(symbol, left, right).scalar({}))
    operation = _OPERATIONS[symbol]
    if known_right is not None and (symbol != "/" or known_right):
        scalar_left, column_left = left.scalar, left.column

        def column(env: Mapping[str, list[Decimal]], size: int) -> list[Decimal]:
            return list(map(operation, column_left(env, size), repeat(known_right, size)))

        if symbol == "+":
            return _Compiled(lambda env: scalar_left(env) + known_right, column)
        if symbol == "-":
            return _Compiled(lambda env: scalar_left(env) - known_right, column)
        if symbol == "*":
            return _Compiled(lambda env: scalar_left(env) * known_right, column)
        return _Compiled(lambda env: scalar_left(env) / known_right, column)
    if known_left is not None and symbol == "*":
        scalar_right, column_right = right.scalar, right.column

        def times_column(env: Mapping[str, list[Decimal]], size: int) -> list[Decimal]:
            return list(map(mul, repeat(known_left, size), column_right(env, size)))

        return _Compiled(lambda env: known_left * scalar_right(env), times_column)
    return _binary(symbol, left, right)


def _pairwise_column(
    operation: Callable[[Decimal, Decimal], object], left: _Compiled, right: _Compiled
) -> ColumnEvaluator:
    column_left, column_right = left.column, right.column

    def column(env: Mapping[str, list[Decimal]], size: int) -> list:
        return list(map(operation, column_left(env, size), column_right(env, size)))

    return column


def _truth_column(column: ColumnEvaluator) -> ColumnEvaluator:
    """A column of booleans (from a comparison) as the language's numbers 1 and 0."""

    def numbers(env: Mapping[str, list[Decimal]], size: int) -> list[Decimal]:
        return [ONE if truth else ZERO for truth in column(env, size)]

    return numbers


def _both(left: object, right: object) -> bool:
    return bool(left and right)


def _either(left: object, right: object) -> bool:
    return bool(left or right)


def _binary(symbol: str, left: _Compiled, right: _Compiled) -> _Compiled:
    """An operator on two operands. The column form of `and`/`or` evaluates both sides for
    every unit: it may raise where one unit alone would not (its caller then evaluates unit by
    unit), never the other way round."""
    scalar_left, scalar_right = left.scalar, right.scalar
    if symbol == "+":
        return _Compiled(
            lambda env: scalar_left(env) + scalar_right(env), _pairwise_column(add, left, right)
        )
    if symbol == "-":
        return _Compiled(
            lambda env: scalar_left(env) - scalar_right(env), _pairwise_column(sub, left, right)
        )
    if symbol == "*":
        return _Compiled(
            lambda env: scalar_left(env) * scalar_right(env), _pairwise_column(mul, left, right)
        )
    if symbol == "/":
        return _division(left, right)
    if symbol == "and":
        return _Compiled(
            lambda env: ONE if scalar_left(env) and scalar_right(env) else ZERO,
            _truth_column(_pairwise_column(_both, left, right)),
        )
    if symbol == "or":
        return _Compiled(
            lambda env: ONE if scalar_left(env) or scalar_right(env) else ZERO,
            _truth_column(_pairwise_column(_either, left, right)),
        )
    return _comparison(symbol, left, right)


def _division(left: _Compiled, right: _Compiled) -> _Compiled:
    scalar_left, scalar_right = left.scalar, right.scalar
    column_left, column_right = left.column, right.column

    def divide(env: Mapping[str, Decimal]) -> Decimal:
        divisor = scalar_right(env)
        if not divisor:
            raise FormulaDivisionByZero
        return scalar_left(env) / divisor

    def divide_column(env: Mapping[str, list[Decimal]], size: int) -> list[Decimal]:
        divisors = column_right(env, size)
        if not all(divisors):
            raise FormulaDivisionByZero
        return list(map(truediv, column_left(env, size), divisors))

    return _Compiled(divide, divide_column)


_COMPARE: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "<": lt,
    "<=": le,
    ">": gt,
    ">=": ge,
    "==": eq,
    "!=": ne,
}


def _comparison(symbol: str, left: _Compiled, right: _Compiled) -> _Compiled:
    scalar_left, scalar_right = left.scalar, right.scalar
    column = _truth_column(_pairwise_column(_COMPARE[symbol], left, right))
    if symbol == "<":
        return _Compiled(lambda env: ONE if scalar_left(env) < scalar_right(env) else ZERO, column)
    if symbol == "<=":
        return _Compiled(lambda env: ONE if scalar_left(env) <= scalar_right(env) else ZERO, column)
    if symbol == ">":
        return _Compiled(lambda env: ONE if scalar_left(env) > scalar_right(env) else ZERO, column)
    if symbol == ">=":
        return _Compiled(lambda env: ONE if scalar_left(env) >= scalar_right(env) else ZERO, column)
    if symbol == "==":
        return _Compiled(lambda env: ONE if scalar_left(env) == scalar_right(env) else ZERO, column)
    return _Compiled(lambda env: ONE if scalar_left(env) != scalar_right(env) else ZERO, column)


def _unit_subset(env: Mapping[str, list[Decimal]], units: list[int]) -> dict[str, list[Decimal]]:
    return {name: list(map(values.__getitem__, units)) for name, values in env.items()}


def _condition(condition: _Compiled, then: _Compiled, otherwise: _Compiled) -> _Compiled:
    """if(cond, a, b): the column form evaluates each branch only for the units that take it,
    as one unit alone does (a branch may divide by an input that the condition tested)."""
    test, yes, no = condition.scalar, then.scalar, otherwise.scalar
    test_column, yes_column, no_column = condition.column, then.column, otherwise.column

    def choose(env: Mapping[str, Decimal]) -> Decimal:
        return yes(env) if test(env) else no(env)

    def choose_column(env: Mapping[str, list[Decimal]], size: int) -> list[Decimal]:
        truths = test_column(env, size)
        taken = [unit for unit, truth in enumerate(truths) if truth]
        if len(taken) == size:
            return yes_column(env, size)
        if not taken:
            return no_column(env, size)
        others = [unit for unit, truth in enumerate(truths) if not truth]
        values: list = [None] * size
        for units, branch in ((taken, yes_column), (others, no_column)):
            part = branch(_unit_subset(env, units), len(units))
            for unit, value in zip(units, part, strict=True):
                values[unit] = value
        return values

    return _Compiled(choose, choose_column)


class _Parser:
    def __init__(
        self,
        tokens: list[_Token],
        allowed_names: Collection[str] | None,
        order: tuple[str, ...] | None,
    ) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0
        self.allowed_names = allowed_names
        self.names: set[str] = set()
        # where each name's value is in the inputs: by name, or by position in `order`
        self.keys: dict[str, object] = (
            {} if order is None else {name: position for position, name in enumerate(order)}
        )

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, symbol: str) -> None:
        token = self.advance()
        if token.text != symbol or token.kind not in ("symbol", "end"):
            found = repr(token.text) if token.kind != "end" else "end of expression"
            raise ExpressionError(f"expected {symbol!r}, found {found}", token.position)

    def parse(self) -> _Compiled:
        evaluator = self.expression(0)
        token = self.peek()
        if token.kind != "end":
            raise ExpressionError(f"unexpected {token.text!r}", token.position)
        return evaluator

    def expression(self, min_power: int) -> _Compiled:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(
                f"expression nested deeper than {MAX_DEPTH}", self.peek().position
            )
        left = self.prefix(self.advance())
        compared = False
        while True:
            token = self.peek()
            power = _INFIX_POWER.get(token.text) if token.kind in ("symbol", "name") else None
            if power is None or power <= min_power:
                break
            if token.text in _COMPARISONS:
                if compared:
                    raise ExpressionError("chain comparisons with 'and'", token.position)
                compared = True
            self.advance()
            right = self.expression(power)
            if token.text in ("+", "-", "*", "/"):
                left = _arithmetic(token.text, left, right)
            else:
                left = _binary(token.text, left, right)
        self.depth -= 1
        return left

    def prefix(self, token: _Token) -> _Compiled:
        if token.kind == "number":
            return _constant(token.value)  # type: ignore[arg-type]
        if token.kind == "end":
            raise ExpressionError("unexpected end of expression", token.position)
        if token.text == "(":
            inner = self.expression(0)
            self.expect(")")
            return inner
        if token.text == "-":
            operand = self.expression(_UNARY_POWER)
            scalar, column = operand.scalar, operand.column
            return _Compiled(
                lambda env: -scalar(env), lambda env, size: list(map(neg, column(env, size)))
            )
        if token.text == "+":
            return self.expression(_UNARY_POWER)
        if token.text == "not":
            operand = self.expression(_NOT_POWER)
            scalar, column = operand.scalar, operand.column
            return _Compiled(
                lambda env: ZERO if scalar(env) else ONE,
                lambda env, size: [ZERO if value else ONE for value in column(env, size)],
            )
        if token.kind == "name" and token.text not in KEYWORDS:
            if self.peek().text == "(":
                return self.call(token)
            return self.name(token)
        raise ExpressionError(f"unexpected {token.text!r}", token.position)

    def name(self, token: _Token) -> _Compiled:
        if token.text in FUNCTIONS:
            raise ExpressionError(
                f"{token.text!r} is a function: call it with (...)", token.position
            )
        if self.allowed_names is not None and token.text not in self.allowed_names:
            raise ExpressionError(f"unknown name {token.text!r}", token.position)
        name = token.text
        self.names.add(name)
        key = self.keys.get(name, name)
        return _Compiled(itemgetter(key), lambda env, size: env[key])

    def arguments(self) -> list[_Compiled]:
        self.expect("(")
        arguments = [self.expression(0)]
        while self.peek().text == ",":
            self.advance()
            arguments.append(self.expression(0))
        self.expect(")")
        return arguments

    def call(self, token: _Token) -> _Compiled:
        function = token.text
        if function not in FUNCTIONS:
            raise ExpressionError(f"unknown function {function!r}", token.position)
        if function == "round":
            return self.round_call(token)
        arguments = self.arguments()
        if function == "if":
            if len(arguments) != 3:
                raise ExpressionError(
                    "if() takes 3 arguments: condition, then, else", token.position
                )
            return _condition(*arguments)
        if len(arguments) < 2:
            raise ExpressionError(f"{function}() takes at least 2 arguments", token.position)
        choose = min if function == "min" else max
        scalars = [argument.scalar for argument in arguments]
        columns = [argument.column for argument in arguments]
        return _Compiled(
            lambda env: choose(scalar(env) for scalar in scalars),
            lambda env, size: list(map(choose, *(column(env, size) for column in columns))),
        )

    def round_call(self, token: _Token) -> _Compiled:
        self.expect("(")
        operand = self.expression(0)
        self.expect(",")
        places_token = self.advance()
        places = places_token.value
        if places is None or places != places.to_integral_value() or places > MAX_ROUND_PLACES:
            raise ExpressionError(
                f"round()'s second argument must be a whole number from 0 to {MAX_ROUND_PLACES}",
                places_token.position,
            )
        self.expect(")")
        quantum = Decimal(1).scaleb(-int(places))
        scalar, column = operand.scalar, operand.column
        return _Compiled(
            lambda env: scalar(env).quantize(quantum, rounding=ROUNDING),
            lambda env, size: [
                value.quantize(quantum, rounding=ROUNDING) for value in column(env, size)
            ],
        )


def parse_expression(
    text: object,
    allowed_names: Collection[str] | None = None,
    *,
    order: Sequence[str] | None = None,
) -> Expression:
    """Parse formula text once; `allowed_names` (the declared inputs) limits the names used.
    With `order` (every name used must be in it), the expression is evaluated on sequences of
    values in that order rather than on mappings by name."""
    if not isinstance(text, str):
        raise ExpressionError("the expression must be text", 0)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"expression longer than {MAX_LENGTH} characters", MAX_LENGTH)
    if not text.strip():
        raise ExpressionError("empty expression", 0)
    order = None if order is None else tuple(order)
    if order is not None:
        allowed_names = set(order) if allowed_names is None else set(allowed_names) & set(order)
    parser = _Parser(tokenize(text), allowed_names, order)
    compiled = parser.parse()
    return Expression(text, frozenset(parser.names), compiled.scalar, compiled.column, order)
