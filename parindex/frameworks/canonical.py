"""The canonical shape of a criteria-set document: key order and decimal spelling.

Both file formats and the database export go through here, so a document written, read and
written again comes out byte-identical whichever database it passed through (PostgreSQL's
jsonb does not keep the key order of a rule). Pure Python: no Django import.
"""

from decimal import Decimal, InvalidOperation
from typing import Any

FORMAT = "parindex-framework/1"
UNIT_KINDS = ("department", "commune", "district", "province")
NA_CHOICES = ("full", "exclude")

DOCUMENT_KEYS = (
    "format",
    "code",
    "title",
    "year",
    "unit_kind",
    "decision",
    "scale_to",
    "groups",
    "nodes",
)
NODE_KEYS = (
    "code",
    "title",
    "max",
    "min",
    "department",
    "evidence",
    "guidance",
    "year_end_only",
    "survey",
    "na",
    "max_gap",
    "bonus",
    "rule",
    "children",
)
# Keys of rule configs (and of the items inside them) in the order the contract shows them;
# keys not listed follow in alphabetical order.
RULE_KEYS = (
    "kind",
    "key",
    "name",
    "label",
    "type",
    "measure",
    "percent",
    "step",
    "yes",
    "no",
    "due",
    "tiers",
    "days_late",
    "min",
    "max",
    "min_inclusive",
    "max_inclusive",
    "points",
    "each",
    "zeroes",
    "otherwise",
    "missing",
    "floor",
    "target",
    "inputs",
    "expression",
    "on_error",
    "options",
    "start",
    "events",
    "items",
    "source",
    "bands",
    "zero_base",
    "nothing_arose",
)


def decimal_text(value: Decimal | int | str) -> str:
    """The shortest exact spelling of a number: Decimal('11.5000') -> '11.5', 100 -> '100'."""
    number = Decimal(value)
    text = format(number.normalize(), "f")
    return "0" if number.is_zero() else text


def parse_decimal(text: Any) -> Decimal | None:
    """A Decimal from a document value ('0.25', 1, Decimal), or None if it is not a number."""
    if isinstance(text, bool) or text is None:
        return None
    try:
        number = Decimal(str(text).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def extension_keys(mapping: dict) -> dict:
    """The "x_…" keys of a document or node: extensions the engine ignores and we keep."""
    return {k: v for k, v in mapping.items() if isinstance(k, str) and k.startswith("x_")}


def _ordered(mapping: dict, preferred: tuple[str, ...]) -> dict:
    known = [k for k in preferred if k in mapping]
    rest = sorted((k for k in mapping if k not in preferred), key=str)
    return {k: mapping[k] for k in known + rest}


def ordered_rule(value: Any) -> Any:
    """A rule config with its keys (recursively) in canonical order."""
    if isinstance(value, dict):
        return {k: ordered_rule(v) for k, v in _ordered(value, RULE_KEYS).items()}
    if isinstance(value, list):
        return [ordered_rule(v) for v in value]
    return value


def ordered_node(node: dict) -> dict:
    result = _ordered(node, NODE_KEYS)
    if isinstance(result.get("rule"), dict):
        result["rule"] = ordered_rule(result["rule"])
    if isinstance(result.get("children"), list):
        result["children"] = [
            ordered_node(c) if isinstance(c, dict) else c for c in result["children"]
        ]
    return result


def ordered_document(doc: dict) -> dict:
    """The document with every key in canonical order; values are not changed."""
    result = _ordered(doc, DOCUMENT_KEYS)
    if isinstance(result.get("groups"), list):
        result["groups"] = [
            _ordered(g, ("label", "min")) if isinstance(g, dict) else g for g in result["groups"]
        ]
    if isinstance(result.get("nodes"), list):
        result["nodes"] = [ordered_node(n) if isinstance(n, dict) else n for n in result["nodes"]]
    return result


def walk_nodes(nodes: Any, depth: int = 1, parent: dict | None = None):
    """Yield (node, depth, parent) for every dict node of a node list, depth first."""
    if not isinstance(nodes, list):
        return
    for node in nodes:
        if not isinstance(node, dict):
            continue
        yield node, depth, parent
        yield from walk_nodes(node.get("children"), depth + 1, node)
