"""Units in tree order for lists and exports, computed in Python from the materialised path
so a page costs one query however many units it shows."""

from collections.abc import Iterable
from dataclasses import dataclass

from parindex.orgs.models import Unit, UnitKind

# Siblings: departments first, then districts, then the grassroots units, each by code.
_KIND_RANK = {kind: rank for rank, kind in enumerate(UnitKind.values)}


def _path_ids(unit: Unit) -> list[int]:
    return [int(pk) for pk in unit.path.strip("/").split("/") if pk]


def in_tree_order(units: Iterable[Unit]) -> list[Unit]:
    """Parents before their children, siblings by kind then code.

    Ancestors missing from `units` (above the user's scope, or filtered out by a search)
    sort by id, which keeps their descendants together.
    """
    units = list(units)
    by_id = {u.pk: u for u in units}

    def step(pk: int) -> tuple:
        unit = by_id.get(pk)
        return (0, "", pk) if unit is None else (1 + _KIND_RANK.get(unit.kind, 99), unit.code, pk)

    return sorted(units, key=lambda u: [step(pk) for pk in _path_ids(u)])


@dataclass(frozen=True)
class TreeRow:
    unit: Unit
    depth: int  # 0 for the shallowest unit shown


def tree_rows(units: Iterable[Unit]) -> list[TreeRow]:
    ordered = in_tree_order(units)
    if not ordered:
        return []
    top = min(len(_path_ids(u)) for u in ordered)
    return [TreeRow(u, len(_path_ids(u)) - top) for u in ordered]
