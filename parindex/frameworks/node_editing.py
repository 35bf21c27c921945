"""Editing the nodes of a draft: add, change, delete, move among siblings.

A draft may be incomplete while it is being built (a field without its criteria yet, children
whose maxima do not add up yet): those issues are listed on the set's page and block
publishing. What is refused at once is a problem of the node being saved itself — a bad rule
configuration, min above max, a code outside its parent — so the form can show it inline.
"""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from parindex.audit.services import log_action
from parindex.frameworks.documents import document_from_nodes, node_to_dict
from parindex.frameworks.models import FrameworkNode, FrameworkVersion, FrozenVersionError
from parindex.frameworks.problems import Problem
from parindex.frameworks.services import RefusedError
from parindex.frameworks.validation import database_problems, engine_problems

# Issue kinds that only say a draft is unfinished; they block publishing, not saving a node.
INCOMPLETE_KINDS = frozenset({"node.rule_missing", "node.children_maxima", "nodes.none"})


def _frozen_check(version: FrameworkVersion) -> None:
    if version.is_published:
        raise FrozenVersionError(
            _("Criteria set %(code)s is published and frozen.") % {"code": version.code}
        )


def _version_nodes(version: FrameworkVersion) -> list[FrameworkNode]:
    return list(version.nodes.select_related("department"))


def own_problems(
    version: FrameworkVersion, nodes: list[FrameworkNode], codes: set[str]
) -> list[Problem]:
    """Problems of the nodes `codes` in the tree `nodes`, unfinished-draft issues left out."""
    doc = document_from_nodes(version, nodes)
    departments = {n.department.code: n.department for n in nodes if n.department_id}
    problems = engine_problems(doc) + database_problems(doc, departments)
    return [p for p in problems if p.code in codes and p.kind not in INCOMPLETE_KINDS]


def _structure_problems(node: FrameworkNode, siblings_codes: set[str]) -> list[Problem]:
    problems = []
    if node.code in siblings_codes:
        message = _("Code %(code)s is already used in this set.") % {"code": node.code}
        problems.append(Problem(message, node.code, kind="node.duplicate_code"))
    if node.parent is not None and not node.code.startswith(node.parent.code + "."):
        message = _("A child's code must start with its parent's code %(parent)s followed by '.'.")
        problems.append(Problem(message % {"parent": node.parent.code}, node.code))
    return problems


@transaction.atomic
def add_node(actor, version: FrameworkVersion, parent: FrameworkNode | None, **fields):
    """A new last child of `parent` (or a new top-level node); RefusedError with its problems."""
    _frozen_check(version)
    nodes = _version_nodes(version)
    node = FrameworkNode(version=version, parent=parent, **fields)
    node.pk = 0  # stands in for the id while the document is checked; no node has id 0
    problems = _structure_problems(node, {n.code for n in nodes})
    problems += own_problems(version, [*nodes, node], {node.code})
    if problems:
        raise RefusedError(problems)
    node.pk = None
    last = version.nodes.filter(parent=parent).aggregate(last=Max("position"))["last"]
    node.position = (last or 0) + 1
    node.save()
    log_action(
        actor,
        "framework.node_added",
        version,
        unit=version.jurisdiction,
        data={"code": node.code, "node": node_to_dict(node)},
    )
    return node


@transaction.atomic
def update_node(actor, node: FrameworkNode, **fields) -> FrameworkNode:
    """Change a node's fields; the audit entry keeps the node as it was and as it is."""
    version = node.version
    _frozen_check(version)
    nodes = _version_nodes(version)
    current = next(n for n in nodes if n.pk == node.pk)
    before = node_to_dict(current)
    for name, value in fields.items():
        setattr(current, name, value)
    has_children = any(n.parent_id == current.pk for n in nodes)
    problems = _structure_problems(current, {n.code for n in nodes if n.pk != current.pk})
    if has_children and current.code != before["code"]:
        message = _("A node with children keeps its code; change the children first.")
        problems.append(Problem(message, before["code"], kind="node.code_locked"))
    problems += own_problems(version, nodes, {current.code})
    if problems:
        raise RefusedError(problems)
    current.save()
    after = node_to_dict(current)
    if after != before:
        log_action(
            actor,
            "framework.node_changed",
            version,
            unit=version.jurisdiction,
            data={"code": current.code, "before": before, "after": after},
        )
    return current


@transaction.atomic
def delete_node(actor, node: FrameworkNode) -> None:
    """Delete a node of a draft and its subtree; the audit entry keeps what was deleted."""
    version = node.version
    _frozen_check(version)
    nodes = _version_nodes(version)
    subtree = [n for n in nodes if n.code == node.code or n.code.startswith(node.code + ".")]
    removed = document_from_nodes(version, subtree)["nodes"]
    node.delete()
    log_action(
        actor,
        "framework.node_deleted",
        version,
        unit=version.jurisdiction,
        data={"code": node.code, "removed": removed},
    )


@transaction.atomic
def move_node(actor, node: FrameworkNode, offset: int) -> None:
    """Move a node `offset` places among its siblings (-1 up, +1 down), renumbering them."""
    version = node.version
    _frozen_check(version)
    siblings = list(version.nodes.filter(parent=node.parent_id).order_by("position", "id"))
    index = next(i for i, n in enumerate(siblings) if n.pk == node.pk)
    target = max(0, min(len(siblings) - 1, index + offset))
    if target == index:
        return
    siblings.insert(target, siblings.pop(index))
    for position, sibling in enumerate(siblings, start=1):
        sibling.position = position
    FrameworkNode.objects.bulk_update(siblings, ["position"])
    log_action(
        actor,
        "framework.node_moved",
        version,
        unit=version.jurisdiction,
        data={"code": node.code, "order": [s.code for s in siblings]},
    )
