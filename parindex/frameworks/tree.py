"""The tree of a version as the pages show it: nodes with children, rule summaries, totals."""

from dataclasses import dataclass, field
from decimal import Decimal

from parindex.frameworks.models import FrameworkNode
from parindex.frameworks.rule_summary import summarise_rule


@dataclass
class TreeNode:
    node: FrameworkNode
    children: list["TreeNode"] = field(default_factory=list)

    @property
    def rule_summary(self) -> str:
        return summarise_rule(self.node.rule)

    @property
    def children_max(self) -> Decimal:
        return sum((c.node.max_points for c in self.children), Decimal(0))


@dataclass
class Totals:
    base: Decimal
    bonus: Decimal
    leaves: int
    nodes: int


def build_tree(nodes: list[FrameworkNode]) -> list[TreeNode]:
    """Top-level TreeNodes, siblings in their order, from a flat list of nodes."""
    wrapped = {n.pk: TreeNode(n) for n in sorted(nodes, key=lambda n: (n.position, n.pk))}
    roots = []
    for item in wrapped.values():
        parent = wrapped.get(item.node.parent_id)
        (parent.children if parent else roots).append(item)
    return roots


def totals(roots: list[TreeNode], nodes: list[FrameworkNode]) -> Totals:
    """The set's maximum (top-level nodes except bonus blocks), bonus maximum and counts."""
    base = sum((r.node.max_points for r in roots if not r.node.bonus), Decimal(0))
    bonus = sum((r.node.max_points for r in roots if r.node.bonus), Decimal(0))
    parents = {n.parent_id for n in nodes}
    leaves = sum(1 for n in nodes if n.pk not in parents)
    return Totals(base=base, bonus=bonus, leaves=leaves, nodes=len(nodes))
