"""A tiny, safe expression language for `formula` rules.

Text is tokenised and parsed by hand (a Pratt parser) into a tree of closures over Decimals;
nothing is ever handed to eval, compile or ast. The language has numbers, input names,
+ - * /, unary minus, parentheses, comparisons (< <= > >= == !=), and/or/not, and the functions
min, max, round(x, n) and if(cond, a, b). Booleans are the numbers 1 and 0. Strings, attributes,
subscripts, exponents, unknown names and functions are refused with a message and a position.
"""

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from operator import itemgetter

from parindex.scoring.rounding import ARITHMETIC, ONE, ROUNDING, ZERO

MAX_LENGTH = 500
MAX_DEPTH = 40
MAX_NUMBER_DIGITS = 20
MAX_ROUND_PLACES = 10

Evaluator = Callable[[Mapping[str, Decimal]], Decimal]

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
    """A parsed expression: evaluate it many times with different input values."""

    text: str
    names: frozenset[str]
    evaluate: Evaluator


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


def _constant(value: Decimal) -> Evaluator:
    def constant(env: Mapping[str, Decimal]) -> Decimal:
        return value

    constant.value = value  # type: ignore[attr-defined]  # lets operators fold or inline it
    return constant


def _value_of(evaluator: Evaluator) -> Decimal | None:
    return getattr(evaluator, "value", None)


def _arithmetic(symbol: str, left: Evaluator, right: Evaluator) -> Evaluator:
    """+ - * / with a constant operand inlined (one call fewer per evaluation), and two
    constant operands folded at parse time (except a division by zero, left to run time)."""
    known_left, known_right = _value_of(left), _value_of(right)
    if known_left is not None and known_right is not None and (symbol != "/" or known_right):
        with localcontext(ARITHMETIC):  # the same arithmetic as at evaluation time
            return _constant(_binary(symbol, left, right)({}))
    if known_right is not None and (symbol != "/" or known_right):
        if symbol == "+":
            return lambda env: left(env) + known_right
        if symbol == "-":
            return lambda env: left(env) - known_right
        if symbol == "*":
            return lambda env: left(env) * known_right
        return lambda env: left(env) / known_right
    if known_left is not None and symbol == "*":
        return lambda env: known_left * right(env)
    return _binary(symbol, left, right)


def _binary(symbol: str, left: Evaluator, right: Evaluator) -> Evaluator:
    if symbol == "+":
        return lambda env: left(env) + right(env)
    if symbol == "-":
        return lambda env: left(env) - right(env)
    if symbol == "*":
        return lambda env: left(env) * right(env)
    if symbol == "/":

        def divide(env: Mapping[str, Decimal]) -> Decimal:
            divisor = right(env)
            if not divisor:
                raise FormulaDivisionByZero
            return left(env) / divisor

        return divide
    if symbol == "and":
        return lambda env: ONE if left(env) and right(env) else ZERO
    if symbol == "or":
        return lambda env: ONE if left(env) or right(env) else ZERO
    return _comparison(symbol, left, right)


def _comparison(symbol: str, left: Evaluator, right: Evaluator) -> Evaluator:
    if symbol == "<":
        return lambda env: ONE if left(env) < right(env) else ZERO
    if symbol == "<=":
        return lambda env: ONE if left(env) <= right(env) else ZERO
    if symbol == ">":
        return lambda env: ONE if left(env) > right(env) else ZERO
    if symbol == ">=":
        return lambda env: ONE if left(env) >= right(env) else ZERO
    if symbol == "==":
        return lambda env: ONE if left(env) == right(env) else ZERO
    return lambda env: ONE if left(env) != right(env) else ZERO


class _Parser:
    def __init__(self, tokens: list[_Token], allowed_names: Collection[str] | None) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0
        self.allowed_names = allowed_names
        self.names: set[str] = set()

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

    def parse(self) -> Evaluator:
        evaluator = self.expression(0)
        token = self.peek()
        if token.kind != "end":
            raise ExpressionError(f"unexpected {token.text!r}", token.position)
        return evaluator

    def expression(self, min_power: int) -> Evaluator:
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

    def prefix(self, token: _Token) -> Evaluator:
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
            return lambda env: -operand(env)
        if token.text == "+":
            return self.expression(_UNARY_POWER)
        if token.text == "not":
            operand = self.expression(_NOT_POWER)
            return lambda env: ZERO if operand(env) else ONE
        if token.kind == "name" and token.text not in KEYWORDS:
            if self.peek().text == "(":
                return self.call(token)
            return self.name(token)
        raise ExpressionError(f"unexpected {token.text!r}", token.position)

    def name(self, token: _Token) -> Evaluator:
        if token.text in FUNCTIONS:
            raise ExpressionError(
                f"{token.text!r} is a function: call it with (...)", token.position
            )
        if self.allowed_names is not None and token.text not in self.allowed_names:
            raise ExpressionError(f"unknown name {token.text!r}", token.position)
        self.names.add(token.text)
        return itemgetter(token.text)

    def arguments(self) -> list[Evaluator]:
        self.expect("(")
        arguments = [self.expression(0)]
        while self.peek().text == ",":
            self.advance()
            arguments.append(self.expression(0))
        self.expect(")")
        return arguments

    def call(self, token: _Token) -> Evaluator:
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
            condition, then, otherwise = arguments
            return lambda env: then(env) if condition(env) else otherwise(env)
        if len(arguments) < 2:
            raise ExpressionError(f"{function}() takes at least 2 arguments", token.position)
        choose = min if function == "min" else max
        return lambda env: choose(argument(env) for argument in arguments)

    def round_call(self, token: _Token) -> Evaluator:
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
        return lambda env: operand(env).quantize(quantum, rounding=ROUNDING)


def parse_expression(text: object, allowed_names: Collection[str] | None = None) -> Expression:
    """Parse formula text once; `allowed_names` (the declared inputs) limits the names used."""
    if not isinstance(text, str):
        raise ExpressionError("the expression must be text", 0)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"expression longer than {MAX_LENGTH} characters", MAX_LENGTH)
    if not text.strip():
        raise ExpressionError("empty expression", 0)
    parser = _Parser(tokenize(text), allowed_names)
    evaluator = parser.parse()
    return Expression(text, frozenset(parser.names), evaluator)
