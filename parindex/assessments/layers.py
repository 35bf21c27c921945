"""Reading score layers: the current entry of each node (its highest revision), in one query.

"Current" is computed, never stored: rows are append-only, so a flag on the newest row would
have to be taken off the previous one, which is an update.
"""

from collections.abc import Iterable, Mapping

from django.db.models import Exists, OuterRef, QuerySet

from parindex.assessments.models import LAYER_ORDER, ScoreEntry


def current_entries_query(assessment_ids: Iterable[int], layers: Iterable[str]) -> QuerySet:
    """Rows with no newer revision for their (assessment, node, layer), in no particular order.

    Unordered because every caller keys the rows by unit, layer and node: ScoreEntry's default
    ordering follows Assessment's and Campaign's, which joins campaign and unit and sorts every
    row (on PostgreSQL that took as long as finding the current rows). Add order_by() to sort.
    """
    newer = ScoreEntry.objects.filter(
        assessment=OuterRef("assessment"),
        node_code=OuterRef("node_code"),
        layer=OuterRef("layer"),
        revision__gt=OuterRef("revision"),
    )
    return (
        ScoreEntry.objects.filter(assessment_id__in=list(assessment_ids), layer__in=list(layers))
        .filter(~Exists(newer))
        .order_by()
    )


def current_entries(
    assessment_ids: Iterable[int], layers: Iterable[str]
) -> dict[int, dict[str, dict[str, ScoreEntry]]]:
    """{assessment_id: {layer: {node_code: entry}}} — one query for any number of units."""
    found: dict[int, dict[str, dict[str, ScoreEntry]]] = {}
    query = current_entries_query(assessment_ids, layers).select_related("author")
    for entry in query:
        found.setdefault(entry.assessment_id, {}).setdefault(entry.layer, {})[entry.node_code] = (
            entry
        )
    return found


def current_inputs(assessment_ids: Iterable[int], layer: str) -> dict[int, dict[str, dict]]:
    """{assessment_id: engine inputs} of one layer — one query fetching only the inputs, for
    pages that score many units (four times faster than loading the rows as objects)."""
    found: dict[int, dict[str, dict]] = {}
    rows = current_entries_query(assessment_ids, [layer]).values_list(
        "assessment_id", "node_code", "inputs"
    )
    for assessment_id, code, inputs in rows:
        if inputs:
            found.setdefault(assessment_id, {})[code] = inputs
    return found


def current_layer(assessment_id: int, layer: str) -> dict[str, ScoreEntry]:
    """{node_code: current entry} of one layer of one assessment."""
    return current_entries([assessment_id], [layer]).get(assessment_id, {}).get(layer, {})


def overlay(by_layer: Mapping[str, Mapping[str, ScoreEntry]], up_to: str) -> dict[str, ScoreEntry]:
    """Per node, the current entry of the latest layer up to `up_to` (self < step1 < … < final).

    What the appraisal sees as "the score so far" at a stage: a node not touched by step 1 keeps
    its self-score, one changed in step 1 shows step 1, and so on.
    """
    merged: dict[str, ScoreEntry] = {}
    for layer in LAYER_ORDER[: LAYER_ORDER.index(up_to) + 1]:
        merged.update(by_layer.get(layer, {}))
    return merged


def inputs_of(entries: Mapping[str, ScoreEntry]) -> dict[str, dict]:
    """The engine's per-unit input dict; cleared answers ({}) are left out."""
    return {code: entry.inputs for code, entry in entries.items() if entry.inputs}


def node_history(assessment_id: int, node_code: str) -> list[ScoreEntry]:
    """Every entry of one node, all layers, oldest first (the per-node history)."""
    entries = ScoreEntry.objects.filter(assessment_id=assessment_id, node_code=node_code)
    order = {layer: position for position, layer in enumerate(LAYER_ORDER)}
    return sorted(
        entries.select_related("author"), key=lambda e: (e.created_at, order[e.layer], e.revision)
    )
