"""Database <-> framework document: `to_document()` and `from_document()` are exact inverses.

The document (docs/framework-format.md) is the canonical form: what the engine loads, what the
files carry, what the diff compares. Numbers leave the database as their shortest exact text.
"""

from decimal import Decimal

from parindex.frameworks.canonical import (
    FORMAT,
    decimal_text,
    extension_keys,
    ordered_document,
    ordered_node,
    ordered_rule,
    walk_nodes,
)
from parindex.frameworks.models import FrameworkNode, FrameworkVersion
from parindex.orgs.models import Department, Unit


def to_document(version: FrameworkVersion) -> dict:
    """The version as a canonical framework document (two queries: version nodes, departments)."""
    nodes = list(version.nodes.select_related("department").order_by("depth", "position", "id"))
    return document_from_nodes(version, nodes)


def document_from_nodes(version: FrameworkVersion, nodes: list[FrameworkNode]) -> dict:
    """The document of `version` given its nodes (already loaded, any order)."""
    doc: dict = {
        "format": FORMAT,
        "code": version.code,
        "title": version.title,
        "year": version.year,
        "unit_kind": version.unit_kind,
    }
    if version.decision:
        doc["decision"] = version.decision
    doc["scale_to"] = decimal_text(version.scale_to)
    if version.groups:
        doc["groups"] = version.groups
    doc["nodes"] = _tree(nodes)
    return ordered_document(doc | version.extra)


def _tree(nodes: list[FrameworkNode]) -> list[dict]:
    by_parent: dict[int | None, list[FrameworkNode]] = {}
    for node in sorted(nodes, key=lambda n: (n.position, n.pk)):
        by_parent.setdefault(node.parent_id, []).append(node)

    def build(parent_id: int | None) -> list[dict]:
        result = []
        for node in by_parent.get(parent_id, []):
            entry = node_to_dict(node)
            children = build(node.pk)
            if children:
                entry["children"] = children
            result.append(entry)
        return result

    return build(None)


def node_to_dict(node: FrameworkNode) -> dict:
    """One node's own fields (no children) in canonical order, defaults left out."""
    entry: dict = {"code": node.code, "title": node.title, "max": decimal_text(node.max_points)}
    if node.min_points is not None:
        entry["min"] = decimal_text(node.min_points)
    if node.department_id:
        entry["department"] = node.department.code
    for name in ("evidence", "guidance", "year_end_only", "survey", "na"):
        if getattr(node, name):
            entry[name] = getattr(node, name)
    if node.max_gap is not None:
        entry["max_gap"] = decimal_text(node.max_gap)
    if node.bonus:
        entry["bonus"] = True
    if node.rule is not None:
        entry["rule"] = ordered_rule(node.rule)
    return ordered_node(entry | node.extra) if node.extra else entry


def version_fields(doc: dict) -> dict:
    """Model field values of a version from a (validated) document's header."""
    return {
        "code": str(doc["code"]),
        "title": str(doc["title"]),
        "year": int(doc["year"]),
        "unit_kind": doc["unit_kind"],
        "decision": str(doc.get("decision") or ""),
        "scale_to": Decimal(str(doc.get("scale_to", "100"))),
        "groups": list(doc.get("groups") or []),
        "extra": extension_keys(doc),
    }


def node_fields(entry: dict, departments: dict[str, Department]) -> dict:
    """Model field values of a node from its (validated) document entry."""

    def number(key: str) -> Decimal | None:
        return Decimal(str(entry[key])) if entry.get(key) is not None else None

    department = entry.get("department")
    return {
        "code": str(entry["code"]),
        "title": str(entry["title"]),
        "max_points": number("max"),
        "min_points": number("min"),
        "department": departments[department] if department else None,
        "evidence": str(entry.get("evidence") or ""),
        "guidance": str(entry.get("guidance") or ""),
        "year_end_only": bool(entry.get("year_end_only")),
        "survey": bool(entry.get("survey")),
        "na": entry.get("na") or "",
        "max_gap": number("max_gap"),
        "bonus": bool(entry.get("bonus")),
        "rule": entry.get("rule"),
        "extra": extension_keys(entry),
    }


def from_document(
    version: FrameworkVersion, doc: dict, departments: dict[str, Department]
) -> list[FrameworkNode]:
    """Create the nodes of `doc` under a saved, empty `version`: one insert per tree level."""
    levels: dict[int, list[tuple[dict, dict | None, int]]] = {}
    positions: dict[int, int] = {}
    for entry, depth, parent in walk_nodes(doc.get("nodes")):
        key = id(parent)
        positions[key] = positions.get(key, 0) + 1
        levels.setdefault(depth, []).append((entry, parent, positions[key]))
    saved: dict[int, FrameworkNode] = {}  # id(entry) -> node
    created: list[FrameworkNode] = []
    for depth in sorted(levels):
        batch = [
            FrameworkNode(
                version=version,
                parent=saved[id(parent)] if parent is not None else None,
                position=position,
                depth=depth,
                **node_fields(entry, departments),
            )
            for entry, parent, position in levels[depth]
        ]
        FrameworkNode.objects.bulk_create(batch)
        for (entry, _parent, _position), node in zip(levels[depth], batch, strict=True):
            saved[id(entry)] = node
        created.extend(batch)
    return created


def ancestor_ids(unit: Unit) -> list[int]:
    """The unit's id and its ancestors' ids, nearest first, from its materialised path."""
    return [int(part) for part in reversed(unit.path.strip("/").split("/")) if part]


def resolve_departments(jurisdiction: Unit, codes: set[str]) -> dict[str, Department]:
    """Department codes resolved in the jurisdiction or, failing that, its nearest ancestor."""
    if not codes:
        return {}
    order = {unit_id: rank for rank, unit_id in enumerate(ancestor_ids(jurisdiction))}
    found = Department.objects.filter(jurisdiction_id__in=order, code__in=codes)
    resolved: dict[str, Department] = {}
    for department in sorted(found, key=lambda d: order[d.jurisdiction_id], reverse=True):
        resolved[department.code] = department  # nearer jurisdictions overwrite farther ones
    return resolved
