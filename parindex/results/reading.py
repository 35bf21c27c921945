"""Reading a campaign's current score entries for a snapshot, as plain tuples.

A national snapshot reads ~500,000 current entries per layer. Loading them as ScoreEntry
objects (with their author) costs about four times what `values_list` does, and a final
snapshot needs the inputs of the `final` layer only: of the self layer just its points, of the
appraisal steps just their reasons. So each layer is read with the columns it is needed for.

`Entry` has the attribute names of ScoreEntry that the snapshot reads (layer, revision, inputs,
points, note), so appraisal's `final_sources` and assessments' `inputs_of` take either.
"""

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from parindex.assessments.layers import current_entries_query
from parindex.assessments.models import Layer

# {assessment id: {layer: {node code: Entry}}}
Layers = dict[int, dict[str, dict[str, "Entry"]]]


class Entry(NamedTuple):
    layer: str
    revision: int
    inputs: dict | None  # None where the snapshot does not need them
    points: Decimal | None
    note: str


def _add(found: Layers, assessment_id: int, code: str, entry: Entry) -> None:
    found.setdefault(assessment_id, {}).setdefault(entry.layer, {})[code] = entry


def read_scored(found: Layers, ids: list[int], layers: Iterable[str]) -> None:
    """Layers a score is taken from: inputs, points, note and revision of each current entry."""
    rows = (
        current_entries_query(ids, layers)
        .order_by()
        .values_list("assessment_id", "node_code", "layer", "revision", "inputs", "points", "note")
    )
    for assessment_id, code, layer, revision, inputs, points, note in rows:
        _add(found, assessment_id, code, Entry(layer, revision, inputs, points, note))


def read_self_points(found: Layers, ids: list[int]) -> None:
    rows = (
        current_entries_query(ids, [Layer.SELF])
        .order_by()
        .values_list("assessment_id", "node_code", "revision", "points")
    )
    for assessment_id, code, revision, points in rows:
        _add(found, assessment_id, code, Entry(Layer.SELF, revision, None, points, ""))


def read_reasons(found: Layers, ids: list[int]) -> None:
    """The appraisal steps' current entries that carry a reason (most carry none)."""
    rows = (
        current_entries_query(ids, [Layer.STEP1, Layer.STEP2])
        .exclude(note="")
        .order_by()
        .values_list("assessment_id", "node_code", "layer", "revision", "note")
    )
    for assessment_id, code, layer, revision, note in rows:
        _add(found, assessment_id, code, Entry(layer, revision, None, None, note))


def final_layers(ids: Iterable[int]) -> Layers:
    """What a final snapshot reads: the final layer whole, self points, appraisal reasons."""
    ids, found = list(ids), {}
    read_scored(found, ids, [Layer.FINAL])
    read_self_points(found, ids)
    read_reasons(found, ids)
    return found


def provisional_layers(ids: Iterable[int], layers: Iterable[str]) -> Layers:
    """What a provisional snapshot reads: the source layers whole."""
    found: Layers = {}
    read_scored(found, list(ids), layers)
    return found
