"""What evaluating one unit returns: points per node, totals, index, lazy explanations.

Points live in one list aligned with Framework.nodes, so evaluating 4,000 units allocates little.
Explanations are built only when asked for, by re-running the leaf's rule in words.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from parindex.scoring.context import Context
from parindex.scoring.errors import InputError
from parindex.scoring.explain import show
from parindex.scoring.model import NA_FULL, Framework, Node
from parindex.scoring.rounding import ZERO, round_index

if TYPE_CHECKING:
    from parindex.scoring.reading import UnitInputs


class Status(StrEnum):
    SCORED = "scored"
    MISSING = "missing"  # not answered: 0 points, the maximum stays
    NA = "na"  # not applicable: full points or left out of the maximum
    NOTHING_AROSE = "nothing_arose"  # e.g. no complaints this year: full points
    INVALID = "invalid"  # a bad input value (only when evaluated with strict=False)
    PARTIAL = "partial"  # a parent with some leaves missing


@dataclass(frozen=True, slots=True)
class FieldScore:
    code: str
    title: str
    points: Decimal
    maximum: Decimal


class UnitResult:
    """The evaluation of one unit under one framework. Treat it as immutable."""

    __slots__ = (
        "base_total",
        "bonus",
        "context",
        "errors",
        "framework",
        "index",
        "inputs",
        "maxima",
        "maximum",
        "notes",
        "points",
        "statuses",
        "total",
    )

    def __init__(
        self,
        framework: Framework,
        inputs: "UnitInputs",
        context: Context,
        points: tuple[Decimal, ...],
        maxima: tuple[Decimal, ...] | list[Decimal],
        statuses: dict[int, Status],
        notes: dict[int, str],
        errors: list[InputError],
    ) -> None:
        plan = framework.plan
        self.framework = framework
        self.inputs = inputs  # the typed values, which explanations re-read
        self.context = context
        self.points = points
        self.maxima = maxima
        self.statuses = statuses
        self.notes = notes
        self.errors = tuple(errors)
        self.base_total = sum(plan.fields_of(points), ZERO)
        self.maximum = (
            sum(plan.fields_of(maxima), ZERO) if maxima is not plan.maxima else plan.maximum
        )
        self.bonus = None if plan.bonus is None else points[plan.bonus]
        self.total = self.base_total if self.bonus is None else self.base_total + self.bonus
        # index = total / maximum × scale_to, exact to 28 digits; None when all is N/A.
        self.index = self.total * framework.scale_to / self.maximum if self.maximum else None

    @property
    def index_rounded(self) -> Decimal | None:
        """The index as published and ranked (2 decimals)."""
        return None if self.index is None else round_index(self.index)

    def field_scores(self) -> tuple[FieldScore, ...]:
        return tuple(
            FieldScore(
                node.code, node.title, self.points[node.position], self.maxima[node.position]
            )
            for node in self.framework.fields
        )

    def node(self, code: str) -> "NodeResult":
        return NodeResult(self, self.framework.by_code[code])

    def nodes(self) -> Iterator["NodeResult"]:
        for node in self.framework.nodes:
            yield NodeResult(self, node)

    def year_end_only(self) -> tuple[str, ...]:
        """Codes judged only at year end: interim results show them as not yet scored."""
        return tuple(node.code for node in self.framework.nodes if node.year_end_only)

    def status(self, node: Node) -> Status:
        if node.rule is not None:
            return self.statuses.get(node.position, Status.SCORED)
        leaves = {self.status(self.framework.by_code[child]) for child in node.children}
        if len(leaves) == 1:
            return leaves.pop()
        for status in (Status.INVALID, Status.PARTIAL, Status.MISSING):
            if status in leaves:
                return Status.PARTIAL if status is Status.MISSING else status
        return Status.SCORED

    def explain(self, code: str) -> str:
        node = self.framework.by_code[code]
        if node.rule is None:
            return self._explain_parent(node)
        return self._explain_leaf(node)

    def _explain_leaf(self, node: Node) -> str:
        status = self.statuses.get(node.position, Status.SCORED)
        maximum = show(node.maximum)
        if status is Status.MISSING:
            return "not answered"
        if status is Status.INVALID:
            return f"invalid input: {self.notes.get(node.position, '')}"
        if status is Status.NOTHING_AROSE:
            return f"nothing arose → full {maximum}"
        if status is Status.NA:
            reason = self.notes.get(node.position, "not applicable")
            if node.na == NA_FULL:
                return f"{reason} → full {maximum}"
            return f"{reason} → left out of the maximum"
        rule = node.rule
        assert rule is not None
        return rule.explain(self.inputs.value_of(node.code), self.context)

    def _explain_parent(self, node: Node) -> str:
        by_code = self.framework.by_code
        parts = [self.points[by_code[child].position] for child in node.children]
        total = sum(parts, Decimal(0))
        if len(node.children) <= 6:
            terms = " + ".join(show(part) for part in parts)
            text = f"sum of {', '.join(node.children)}: {terms} = {show(total)}"
        else:
            text = f"sum of {len(node.children)} sub-items = {show(total)}"
        maximum = self.maxima[node.position]
        if maximum != node.maximum:
            text += f" (maximum {show(maximum)} after N/A)"
        points = self.points[node.position]
        if points != total:
            limit = "maximum" if points == maximum else "minimum"
            text += f", limited to the {limit} {show(points)}"
        return text


class NodeResult:
    """One node's outcome; `explanation` is computed when read."""

    __slots__ = ("_node", "_result")

    def __init__(self, result: UnitResult, node: Node) -> None:
        self._result = result
        self._node = node

    @property
    def code(self) -> str:
        return self._node.code

    @property
    def title(self) -> str:
        return self._node.title

    @property
    def points(self) -> Decimal:
        return self._result.points[self._node.position]

    @property
    def maximum(self) -> Decimal:
        """The node's maximum for this unit: smaller than declared when items are N/A."""
        return self._result.maxima[self._node.position]

    @property
    def status(self) -> Status:
        return self._result.status(self._node)

    @property
    def year_end_only(self) -> bool:
        return self._node.year_end_only

    @property
    def is_leaf(self) -> bool:
        return self._node.rule is not None

    @property
    def explanation(self) -> str:
        return self._result.explain(self._node.code)

    def __repr__(self) -> str:
        return f"<NodeResult {self.code} {self.points}/{self.maximum} {self.status}>"
