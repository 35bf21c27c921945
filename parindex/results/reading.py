"""Reading a campaign's current score entries for a snapshot, as plain tuples.

A national snapshot reads ~500,000 current entries per layer. Loading them as ScoreEntry
objects (with their author) costs about four times what `values_list` does, and a final
snapshot needs the inputs of the `final` layer only: of the self layer just its points, of the
appraisal steps just their reasons. So each layer is read with the columns it is needed for.

The rows are fetched with a plain cursor over the queryset's own SQL: Django's per-value
converters (JSON, Decimal) cost more than the query on SQLite; the two columns that need it are
converted here (`json_value`, `_points`).

`Entry` has the attribute names of ScoreEntry that the snapshot reads (layer, revision, inputs,
points, note), so appraisal's `final_sources` and assessments' `inputs_of` take either.
"""

import json
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from django.db import connections
from django.db.models import QuerySet

from parindex.assessments.layers import current_entries_query
from parindex.assessments.models import Layer
from parindex.scoring.rounding import round_points

# {assessment id: {layer: {node code: Entry}}}
Layers = dict[int, dict[str, dict[str, "Entry"]]]


class Entry(NamedTuple):
    layer: str
    revision: int
    inputs: dict | None  # None where the snapshot does not need them
    points: Decimal | None
    note: str


def fetch(query: QuerySet) -> list[tuple]:
    """The rows of a values_list query, unconverted."""
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def json_value(value) -> dict:
    """A JSON column as the driver returns it (text on SQLite and, with Django, PostgreSQL)."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def _points(value) -> Decimal:
    """A points column: Decimal from PostgreSQL, a float or int from SQLite (4 places stored,
    so the shortest repr is exact)."""
    return value if isinstance(value, Decimal) else round_points(Decimal(repr(value)))


def _add(found: Layers, assessment_id: int, code: str, entry: Entry) -> None:
    found.setdefault(assessment_id, {}).setdefault(entry.layer, {})[code] = entry


def read_scored(found: Layers, ids: list[int], layers: Iterable[str]) -> None:
    """Layers a score is taken from: inputs, points, note and revision of each current entry."""
    rows = (
        current_entries_query(ids, layers)
        .order_by()
        .values_list("assessment_id", "node_code", "layer", "revision", "inputs", "points", "note")
    )
    for assessment_id, code, layer, revision, inputs, points, note in fetch(rows):
        entry = Entry(layer, revision, json_value(inputs), _points(points), note)
        _add(found, assessment_id, code, entry)


def read_self_points(found: Layers, ids: list[int]) -> None:
    rows = (
        current_entries_query(ids, [Layer.SELF])
        .order_by()
        .values_list("assessment_id", "node_code", "revision", "points")
    )
    for assessment_id, code, revision, points in fetch(rows):
        _add(found, assessment_id, code, Entry(Layer.SELF, revision, None, _points(points), ""))


def read_reasons(found: Layers, ids: list[int]) -> None:
    """The appraisal steps' current entries that carry a reason (most carry none)."""
    rows = (
        current_entries_query(ids, [Layer.STEP1, Layer.STEP2])
        .exclude(note="")
        .order_by()
        .values_list("assessment_id", "node_code", "layer", "revision", "note")
    )
    for assessment_id, code, layer, revision, note in fetch(rows):
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
