"""The compiled form of a leaf rule, shared by every kind.

A rule works in two steps so that scoring many units stays fast: `read` checks and converts an
input value (text, numbers, lists) into a typed value once, raising InvalidValue; `points` is
plain arithmetic on that typed value and runs for every evaluation; `explain` says in words how
`points` got its result, in the language of the Wording it is given, and runs only when someone
asks.
"""

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import ClassVar

from parindex.scoring.config_reader import LeafSpec
from parindex.scoring.context import Context
from parindex.scoring.input_values import InvalidValue
from parindex.scoring.phrases import Wording


class NotApplicable(Exception):
    """Raised by `points` when the typed value means "not applicable" (zero_base: na);
    `reason` is the key of the phrase that says why (phrases.PHRASES)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class Rule:
    __slots__ = ("maximum", "minimum", "na", "nothing_arose_full", "placeholder")
    kind: ClassVar[str] = ""
    reads_value: ClassVar[bool] = True  # False: reads named inputs (formula)

    def __init__(self, leaf: LeafSpec, placeholder: object = None) -> None:
        self.minimum = leaf.minimum
        self.maximum = leaf.maximum
        self.na = leaf.na
        self.nothing_arose_full = False
        # A typed value `points` accepts, standing in for leaves that are missing or N/A so a
        # whole column can be computed in one go; their points are then replaced.
        self.placeholder = placeholder

    def read(self, value: object) -> object:
        """The typed value `points` works on; raises InvalidValue."""
        raise NotImplementedError

    def read_inputs(self, entry: Mapping[str, object]) -> object:
        """For rules that read named inputs instead of `value`."""
        raise InvalidValue(f"this rule reads 'value', not {', '.join(map(str, entry))}")

    def points(self, typed: object, context: Context) -> Decimal:
        raise NotImplementedError

    def explain(self, typed: object, context: Context, words: Wording) -> str:
        raise NotImplementedError

    def points_column(self, column: Sequence[object], context: Context) -> list[Decimal]:
        """`points` for one leaf across many units; kinds override it where a tighter loop pays."""
        points = self.points
        return [points(typed, context) for typed in column]
