"""The loaded framework: immutable nodes, plus a flat plan that makes evaluation fast."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from types import MappingProxyType
from typing import NamedTuple

from parindex.scoring.rules import Rule

NA_FULL = "full"
NA_EXCLUDE = "exclude"


@dataclass(frozen=True, slots=True)
class GroupBand:
    """A group such as A (index ≥ 90); bands are listed highest first, `minimum` inclusive."""

    label: str
    minimum: Decimal


@dataclass(frozen=True, slots=True)
class Node:
    code: str
    title: str
    maximum: Decimal
    minimum: Decimal
    position: int  # index in Framework.nodes (document order, parents before children)
    parent: str | None
    children: tuple[str, ...]
    rule: Rule | None
    na: str | None = None  # None | "full" | "exclude"
    max_gap: Decimal = Decimal(0)
    bonus: bool = False
    year_end_only: bool = False
    survey: bool = False
    department: str | None = None
    evidence: str | None = None
    guidance: str | None = None

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def depth(self) -> int:
        return self.code.count(".")


class LeafStep(NamedTuple):
    """Tuples, because unpacking them in the evaluation loop is the cheapest access."""

    position: int
    code: str
    rule: Rule
    read: Callable  # the rule's bound methods, looked up once
    points: Callable


@dataclass(frozen=True, slots=True)
class EvaluationPlan:
    """Flat arrays over node positions, built once: what reading and evaluation loop over."""

    size: int
    leaves: tuple[LeafStep, ...]
    maxima: tuple[Decimal, ...]
    ancestors: tuple[tuple[int, ...], ...]
    fields: tuple[int, ...]  # top-level nodes that form the base total
    bonus: int | None
    leaf_codes: frozenset[str]
    leaf_slots: Mapping[int, int]  # node position -> index among the leaves
    fields_of: Callable[[Sequence], tuple]  # picks the fields' values out of a per-node row
    maximum: Decimal  # the base maximum: sum of the fields' maxima
    # (position, children's positions, minimum, maximum, may need clamping), children first
    parent_columns: tuple[tuple[int, tuple[int, ...], Decimal, Decimal, bool], ...]
    # per leaf slot: (position, maximum, N/A scores full), for missing, N/A and the like
    specials: tuple[tuple[int, Decimal, bool], ...]


def _values_at(positions: tuple[int, ...]) -> Callable[[Sequence], tuple]:
    if len(positions) == 1:
        (only,) = positions
        return lambda points: (points[only],)
    return itemgetter(*positions)


def _may_need_clamping(node: Node, by_code: Mapping[str, Node]) -> bool:
    """False when the children's points, each within its own range, cannot add up to more
    than the node's maximum or less than its minimum (no max_gap below 0, no odd minima)."""
    children = [by_code[code] for code in node.children]
    most = sum((child.maximum for child in children), Decimal(0))
    least = sum((child.minimum for child in children), Decimal(0))
    return most > node.maximum or least < node.minimum


def build_plan(nodes: tuple[Node, ...], by_code: Mapping[str, Node]) -> EvaluationPlan:
    leaves, ancestors = [], []
    for node in nodes:
        chain: list[int] = []
        parent = node.parent
        while parent is not None:
            chain.append(by_code[parent].position)
            parent = by_code[parent].parent
        ancestors.append(tuple(chain))
        if node.rule is not None:
            rule = node.rule
            leaves.append(LeafStep(node.position, node.code, rule, rule.read, rule.points))
    top = [node for node in nodes if node.parent is None]
    fields = tuple(node.position for node in top if not node.bonus)
    bonus = next((node.position for node in top if node.bonus), None)
    return EvaluationPlan(
        size=len(nodes),
        leaves=tuple(leaves),
        maxima=tuple(node.maximum for node in nodes),
        ancestors=tuple(ancestors),
        fields=fields,
        bonus=bonus,
        leaf_codes=frozenset(node.code for node in nodes if node.rule is not None),
        leaf_slots=MappingProxyType({step.position: slot for slot, step in enumerate(leaves)}),
        fields_of=_values_at(fields),
        maximum=sum((nodes[position].maximum for position in fields), Decimal(0)),
        parent_columns=tuple(
            (
                node.position,
                tuple(by_code[c].position for c in node.children),
                node.minimum,
                node.maximum,
                _may_need_clamping(node, by_code),
            )
            for node in reversed(nodes)
            if node.children
        ),
        specials=tuple(
            (step.position, step.rule.maximum, step.rule.na == NA_FULL) for step in leaves
        ),
    )


@dataclass(frozen=True, slots=True)
class Framework:
    """A parsed, validated criteria set: load once, evaluate many units."""

    code: str
    title: str
    year: int | None
    unit_kind: str | None
    decision: str | None
    scale_to: Decimal
    groups: tuple[GroupBand, ...]
    nodes: tuple[Node, ...]
    by_code: Mapping[str, Node] = field(repr=False)
    plan: EvaluationPlan = field(repr=False, compare=False)

    @property
    def fields(self) -> tuple[Node, ...]:
        """Top-level nodes (lĩnh vực) that form the base total, in order."""
        return tuple(self.nodes[position] for position in self.plan.fields)

    @property
    def bonus_node(self) -> Node | None:
        return None if self.plan.bonus is None else self.nodes[self.plan.bonus]

    @property
    def maximum(self) -> Decimal:
        """The base maximum before any N/A exclusion (e.g. 70)."""
        return self.plan.maximum

    @property
    def leaves(self) -> tuple[Node, ...]:
        return tuple(node for node in self.nodes if node.rule is not None)

    def node(self, code: str) -> Node:
        return self.by_code[code]
