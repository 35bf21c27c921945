"""What evaluating one unit returns: points per node, totals, index, lazy explanations.

Points live in one list aligned with Framework.nodes, so evaluating 4,000 units allocates little.
Explanations are built only when asked for, by re-running the leaf's rule in words, in the
language the result was evaluated for or one asked for (phrases.py).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from parindex.scoring.context import Context
from parindex.scoring.errors import InputError
from parindex.scoring.model import NA_FULL, Framework, Node
from parindex.scoring.phrases import DEFAULT_LANGUAGE, Wording, wording
from parindex.scoring.rounding import round_index

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
    """The evaluation of one unit under one framework. Treat it as immutable.

    Units evaluated together share one list of points per node (`columns`); this unit's points
    are at index `unit` of each, and `points` gathers them only when asked for. `language`
    ("vi" or "en") is the language of `NodeResult.explanation`.
    """

    __slots__ = (
        "_evaluated_statuses",
        "_statuses",
        "base_total",
        "bonus",
        "columns",
        "context",
        "errors",
        "framework",
        "index",
        "inputs",
        "language",
        "maxima",
        "maximum",
        "notes",
        "total",
        "unit",
    )

    def __init__(
        self,
        framework: Framework,
        inputs: "UnitInputs",
        context: Context,
        columns: list[list[Decimal]],
        unit: int,
        maxima: tuple[Decimal, ...] | list[Decimal],
        evaluated_statuses: dict[int, "Status"] | None,
        notes: dict[int, str],
        errors: tuple[InputError, ...],
        base_total: Decimal,
        bonus: Decimal | None,
        total: Decimal,
        maximum: Decimal,
        index: Decimal | None,
        language: str = DEFAULT_LANGUAGE,
    ) -> None:
        self.framework = framework
        self.inputs = inputs  # the typed values, which explanations re-read
        self.context = context
        self.columns = columns
        self.unit = unit
        self.maxima = maxima
        # Statuses the evaluation found (a rule raised N/A or an error); with the inputs' own
        # they make `statuses`, gathered when first asked for.
        self._evaluated_statuses = evaluated_statuses
        self._statuses: dict[int, Status] | None = None
        # position -> why a leaf is invalid (the input error's message) or N/A (a phrase key)
        self.notes = notes
        self.errors = errors
        self.base_total = base_total  # the fields' points
        self.bonus = bonus  # the bonus block's points, None without one
        self.total = total  # base_total + bonus
        self.maximum = maximum  # the fields' maxima after N/A exclusions
        self.index = index  # total / maximum × scale_to, exact; None when the maximum is 0
        self.language = language  # already checked by evaluate_units

    @property
    def statuses(self) -> dict[int, "Status"]:
        """Node position -> status, for the leaves not simply scored."""
        statuses = self._statuses
        if statuses is None:
            statuses = dict(self._evaluated_statuses or ())
            leaf_positions = self.framework.plan.specials
            for slot, status in self.inputs.specials.items():
                statuses[leaf_positions[slot][0]] = status
            self._statuses = statuses
        return statuses

    def points_at(self, position: int) -> Decimal:
        return self.columns[position][self.unit]

    @property
    def points(self) -> tuple[Decimal, ...]:
        """Points per node, in Framework.nodes order."""
        unit = self.unit
        return tuple(column[unit] for column in self.columns)

    @property
    def index_rounded(self) -> Decimal | None:
        """The index as published and ranked (2 decimals)."""
        return None if self.index is None else round_index(self.index)

    def field_scores(self) -> tuple[FieldScore, ...]:
        return tuple(
            FieldScore(
                node.code, node.title, self.points_at(node.position), self.maxima[node.position]
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

    def explain(self, code: str, language: str | None = None) -> str:
        """How node `code` got its points, in `language` (default: the result's language)."""
        node = self.framework.by_code[code]
        words = wording(language or self.language)
        if node.rule is None:
            return self._explain_parent(node, words)
        return self._explain_leaf(node, words)

    def _explain_leaf(self, node: Node, words: Wording) -> str:
        status = self.statuses.get(node.position, Status.SCORED)
        if status is Status.MISSING:
            return words.say("leaf.missing")
        if status is Status.INVALID:
            return words.say("leaf.invalid", note=self.notes.get(node.position, ""))
        maximum = words.number(node.maximum)
        if status is Status.NOTHING_AROSE:
            return words.say("leaf.nothing_arose", maximum=maximum)
        if status is Status.NA:
            reason = words.say(self.notes.get(node.position, "na.not_applicable"))
            if node.na == NA_FULL:
                return words.say("na.full", reason=reason, maximum=maximum)
            return words.say("na.exclude", reason=reason)
        rule = node.rule
        assert rule is not None
        return rule.explain(self.inputs.value_of(node.code), self.context, words)

    def _explain_parent(self, node: Node, words: Wording) -> str:
        by_code, number = self.framework.by_code, words.number
        parts = [self.points_at(by_code[child].position) for child in node.children]
        exact_sum = sum(parts, Decimal(0))
        total = number(exact_sum)
        if len(node.children) <= 6:
            children, terms = ", ".join(node.children), " + ".join(map(number, parts))
            text = words.say("parent.sum", children=children, terms=terms, total=total)
        else:
            text = words.say("parent.sum_many", count=number(len(node.children)), total=total)
        maximum = self.maxima[node.position]
        if maximum != node.maximum:
            text += words.say("parent.maximum_after_na", maximum=number(maximum))
        points = self.points_at(node.position)
        if points != exact_sum:
            limit = (
                "parent.limited_to_maximum" if points == maximum else "parent.limited_to_minimum"
            )
            text += words.say(limit, points=number(points))
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
        return self._result.points_at(self._node.position)

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
        """How the points were reached, in the result's language."""
        return self._result.explain(self._node.code)

    def explain(self, language: str | None = None) -> str:
        """How the points were reached, in `language` (default: the result's)."""
        return self._result.explain(self._node.code, language)

    def __repr__(self) -> str:
        return f"<NodeResult {self.code} {self.points}/{self.maximum} {self.status}>"
