"""Turning a framework document (plain dicts) into a Framework, or into a list of Issues.

One pass reads the header, walks the node tree (codes unique and well nested, maxima adding
up), compiles each leaf's rule, and records every problem instead of stopping at the first.
"""

import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

from parindex.scoring.config_reader import ConfigReader, LeafSpec
from parindex.scoring.errors import FrameworkError, Issue
from parindex.scoring.model import NA_EXCLUDE, NA_FULL, Framework, GroupBand, Node, build_plan
from parindex.scoring.rounding import HUNDRED, ZERO
from parindex.scoring.rules import Rule, compile_rule

FORMAT = "parindex-framework/1"
UNIT_KINDS = ("department", "commune", "district", "province")
HEADER_KEYS = frozenset(
    {"format", "code", "title", "year", "unit_kind", "decision", "scale_to", "groups", "nodes"}
)
NODE_KEYS = frozenset(
    {
        "code", "title", "max", "min", "department", "evidence", "guidance", "year_end_only",
        "survey", "na", "max_gap", "bonus", "rule", "children",
    }
)  # fmt: skip
_SET_CODE = re.compile(r"[A-Za-z0-9_.-]{1,100}")
_SEGMENT = re.compile(r"[A-Za-z0-9]{1,10}")


class _TreeReader:
    """Walks the node tree in document order, collecting Nodes and Issues."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        self.nodes: list[Node | None] = []
        self.seen: set[str] = set()

    def read_code(self, reader: ConfigReader, parent: str | None) -> str | None:
        code = reader.text("code")
        if code is None:
            return None
        segment = code if parent is None else code.removeprefix(f"{parent}.")
        if parent is not None and segment == code:
            reader.issue("code", "code.not_nested", f"{code!r} does not start with {parent}.")
            return None
        if not _SEGMENT.fullmatch(segment):
            reader.issue("code", "code.bad_segment", f"{code!r}: use letters/digits between dots")
            return None
        if code in self.seen:
            reader.issue("code", "code.duplicate", f"code {code!r} is used twice")
            return None
        self.seen.add(code)
        return code

    def read_node(self, reader: ConfigReader, parent: str | None) -> Node | None:
        code = self.read_code(reader, parent)
        if code is None:
            reader.unknown_keys(NODE_KEYS)
            return None
        reader.code, reader.path = code, ""  # later issues name the node itself
        reader.unknown_keys(NODE_KEYS)
        position = len(self.nodes)
        self.nodes.append(None)
        maximum = reader.points("max", None)
        minimum = reader.points("min", None, ZERO)
        title = reader.text("title")
        children = [self.read_node(child, code) for child in reader.items("children", False)]
        child_nodes = [child for child in children if child is not None]
        if maximum is None or minimum is None or title is None:
            return None
        if not minimum <= ZERO <= maximum:
            reader.issue("min", "node.range", "need min ≤ 0 ≤ max")
        na = reader.choice("na", (NA_FULL, NA_EXCLUDE), None)
        bonus = reader.boolean("bonus")
        if bonus and parent is not None:
            reader.issue("bonus", "node.bonus_nested", "only a top-level node can be a bonus block")
        # A rejected child has already been reported: its maximum cannot be added up.
        complete = len(child_nodes) == len(children)
        max_gap = self.check_children_maxima(reader, maximum, child_nodes, bool(children), complete)
        rule = self.read_rule(reader, LeafSpec(minimum, maximum, na), bool(children))
        node = Node(
            code=code,
            title=title,
            maximum=maximum,
            minimum=minimum,
            position=position,
            parent=parent,
            children=tuple(child.code for child in child_nodes),
            rule=rule,
            na=na,
            max_gap=max_gap,
            bonus=bonus,
            year_end_only=reader.boolean("year_end_only"),
            survey=reader.boolean("survey"),
            department=reader.text("department", None),
            evidence=reader.text("evidence", None),
            guidance=reader.text("guidance", None),
        )
        self.nodes[position] = node
        return node

    def check_children_maxima(
        self,
        reader: ConfigReader,
        maximum: Decimal,
        children: list[Node],
        has_children: bool,
        complete: bool,
    ) -> Decimal:
        max_gap = reader.decimal("max_gap", ZERO) or ZERO
        if not has_children:
            if max_gap:
                reader.issue(
                    "max_gap", "node.max_gap_on_leaf", "max_gap applies to nodes with children"
                )
            return ZERO
        total = sum((child.maximum for child in children), ZERO)
        if complete and total + max_gap != maximum:
            declared = f" + max_gap {max_gap}" if max_gap else ""
            reader.issue(
                "max",
                "node.children_maxima",
                f"children's maxima add up to {total}{declared}, not {maximum}"
                f' (declare max_gap: "{maximum - total}" if intended)',
            )
        return max_gap

    def read_rule(self, reader: ConfigReader, leaf: LeafSpec, has_children: bool) -> Rule | None:
        if has_children:
            if reader.has("rule"):
                reader.issue("rule", "node.rule_on_parent", "a node with children has no rule")
            return None
        if not reader.has("rule"):
            reader.issue("rule", "node.rule_missing", "a leaf needs a rule")
            return None
        return compile_rule(
            ConfigReader(reader.data["rule"], self.issues, reader.code, "rule"), leaf
        )


def _read_groups(header: ConfigReader) -> tuple[GroupBand, ...]:
    groups: list[GroupBand] = []
    for item in header.items("groups", required=False):
        item.unknown_keys(frozenset({"label", "min"}))
        label, minimum = item.text("label"), item.decimal("min")
        if label is None or minimum is None:
            continue
        if any(group.label == label for group in groups):
            item.issue("label", "groups.duplicate", f"group {label!r} is listed twice")
        if groups and minimum >= groups[-1].minimum:
            item.issue("min", "groups.order", "list groups highest first, minima decreasing")
        groups.append(GroupBand(label, minimum))
    return tuple(groups)


def _read_header(header: ConfigReader) -> dict:
    header.unknown_keys(HEADER_KEYS)
    if header.data.get("format") != FORMAT:
        header.issue("format", "header.format", f"format must be {FORMAT!r}")
    code = header.text("code")
    if code is not None and not _SET_CODE.fullmatch(code):
        header.issue("code", "header.code", "use letters, digits, - _ . in the set's code")
    year = header.integer("year", None)
    if year is not None and not 1900 <= year <= 2200:
        header.issue("year", "header.year", f"{year} is not a plausible year")
    scale_to = header.decimal("scale_to", HUNDRED)
    if scale_to is not None and scale_to <= ZERO:
        header.issue("scale_to", "header.scale_to", "scale_to must be above 0")
    return {
        "code": code or "",
        "title": header.text("title") or "",
        "year": year,
        "unit_kind": header.choice("unit_kind", UNIT_KINDS, None),
        "decision": header.text("decision", None),
        "scale_to": scale_to or HUNDRED,
        "groups": _read_groups(header),
    }


def _check_bonus_blocks(nodes: list[Node], issues: list[Issue]) -> None:
    bonus = [node for node in nodes if node.bonus]
    for extra in bonus[1:]:
        issues.append(
            Issue(extra.code, "only one bonus block is allowed", "node.bonus_twice", "bonus")
        )
    if bonus and len(bonus) == sum(1 for node in nodes if node.parent is None):
        issues.append(Issue(None, "the set has no fields besides the bonus block", "nodes.none"))


def _read(document: object) -> tuple[Framework | None, list[Issue]]:
    issues: list[Issue] = []
    header = ConfigReader(document, issues, None, "")
    values = _read_header(header)
    tree = _TreeReader(issues)
    for item in header.items("nodes"):
        tree.read_node(item, None)
    nodes = [node for node in tree.nodes if node is not None]
    _check_bonus_blocks(nodes, issues)
    if issues or len(nodes) != len(tree.nodes):
        return None, issues
    by_code = MappingProxyType({node.code: node for node in nodes})
    frozen = tuple(nodes)
    return Framework(nodes=frozen, by_code=by_code, plan=build_plan(frozen, by_code), **values), []


def validate_framework(document: Mapping | object) -> list[Issue]:
    """Every problem in a framework document; an empty list means it loads."""
    return _read(document)[1]


def load_framework(document: Mapping | object) -> Framework:
    """Parse and validate once; the Framework evaluates many units. Raises FrameworkError."""
    framework, issues = _read(document)
    if framework is None:
        raise FrameworkError(
            issues or [Issue(None, "the document has no usable nodes", "nodes.none")]
        )
    return framework
