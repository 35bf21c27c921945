"""What changed between two versions of a criteria set, keyed by node code. Pure Python.

`diff_documents(old, new)` compares two framework documents: nodes added, removed, renamed
(title changed), maxima changed, rules changed, and any other field changed.
"""

from dataclasses import dataclass, field
from typing import Any

from parindex.frameworks.canonical import parse_decimal, walk_nodes

HEADER_FIELDS = ("code", "title", "year", "unit_kind", "decision", "scale_to", "groups")
OTHER_NODE_FIELDS = (
    "min",
    "department",
    "evidence",
    "guidance",
    "year_end_only",
    "survey",
    "na",
    "max_gap",
    "bonus",
    "parent",
    "order",
)


@dataclass(frozen=True)
class Change:
    """One changed value: of node `code` ("" for the set itself), field `field`."""

    code: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class NodeSummary:
    code: str
    title: str
    max: str


@dataclass
class FrameworkDiff:
    header: list[Change] = field(default_factory=list)
    added: list[NodeSummary] = field(default_factory=list)
    removed: list[NodeSummary] = field(default_factory=list)
    renamed: list[Change] = field(default_factory=list)
    max_changed: list[Change] = field(default_factory=list)
    rule_changed: list[Change] = field(default_factory=list)
    other_changed: list[Change] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        parts = (self.header, self.added, self.removed, self.renamed, self.max_changed)
        return not any(parts) and not self.rule_changed and not self.other_changed


def flatten(doc: dict) -> dict[str, dict]:
    """Every node of a document by code, with its parent code and its order among siblings."""
    flat: dict[str, dict] = {}
    positions: dict[str, int] = {}
    for node, _depth, parent in walk_nodes(doc.get("nodes")):
        parent_code = parent["code"] if parent else ""
        positions[parent_code] = positions.get(parent_code, 0) + 1
        entry = {k: v for k, v in node.items() if k != "children"}
        entry["parent"] = parent_code
        entry["order"] = positions[parent_code]
        flat[str(node.get("code"))] = entry
    return flat


def _same(old: Any, new: Any) -> bool:
    """Equal, comparing numbers by value ('1' equals '1.0')."""
    if isinstance(old, str) and isinstance(new, str):
        a, b = parse_decimal(old), parse_decimal(new)
        if a is not None and b is not None:
            return a == b
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    return old == new


def _flag_default(name: str, value: Any) -> Any:
    """Absent flags read as their defaults, so 'survey: false' equals no survey key."""
    if value is None and name in ("year_end_only", "survey", "bonus"):
        return False
    return "" if value is None and name in ("evidence", "guidance", "department") else value


def _summary(code: str, node: dict) -> NodeSummary:
    return NodeSummary(code, str(node.get("title", "")), str(node.get("max", "")))


def diff_documents(old: dict, new: dict) -> FrameworkDiff:
    """Differences from `old` to `new`, nodes in the order they appear in `new` (then `old`)."""
    result = FrameworkDiff()
    for name in HEADER_FIELDS:
        if not _same(old.get(name), new.get(name)):
            result.header.append(Change("", name, old.get(name), new.get(name)))
    before, after = flatten(old), flatten(new)
    result.removed = [_summary(c, n) for c, n in before.items() if c not in after]
    result.added = [_summary(c, n) for c, n in after.items() if c not in before]
    for code, node in after.items():
        if code in before:
            _compare_node(result, code, before[code], node)
    return result


def _compare_node(result: FrameworkDiff, code: str, old: dict, new: dict) -> None:
    if not _same(old.get("title"), new.get("title")):
        result.renamed.append(Change(code, "title", old.get("title"), new.get("title")))
    if not _same(old.get("max"), new.get("max")):
        result.max_changed.append(Change(code, "max", old.get("max"), new.get("max")))
    if not _same(old.get("rule"), new.get("rule")):
        result.rule_changed.append(Change(code, "rule", old.get("rule"), new.get("rule")))
    for name in OTHER_NODE_FIELDS:
        was, now = _flag_default(name, old.get(name)), _flag_default(name, new.get(name))
        if not _same(was, now):
            result.other_changed.append(Change(code, name, old.get(name), new.get(name)))
