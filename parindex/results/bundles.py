"""What a unit's final result is computed from, written once at approval (a "final bundle").

A final snapshot needs, per approved unit: the `final` layer's inputs and where each came from,
the self-assessed points, and the appraisers' reasons — at national scale ~1.4 million current
score entries over four layers. The council's approval already has them all in memory (it reads
those layers to write the final one), so it stores them as one `FinalBundle` row per unit, in
the same transaction as the final entries (`appraisal.council._finalise` calls
`record_final_bundles`). A final snapshot then reads 4,000 rows instead of the entries.

The newest bundle of an approved unit is current: final entries are written only by an
approval, and every approval — the first, and again after a reopen — writes a bundle. Units
approved before bundles existed have none and are read from the layers, as before
(`snapshot.take_snapshot`); `final_basis` is the one definition both paths use, so both give
the same row.
"""

import datetime
import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Expression, JSONField

from parindex.assessments.layers import inputs_of
from parindex.assessments.models import Assessment, Layer
from parindex.results.models import FinalBundle
from parindex.results.reading import fetch
from parindex.scoring.rounding import round_points

# The appraisal layers whose reasons a result shows, later ones winning.
REASON_LAYERS = (Layer.STEP1, Layer.STEP2)


class StoredJSON(Expression):
    """A JSON column's text as read, written to another JSON column as it is: a final snapshot
    copies a bundle's columns into its UnitResult without parsing and serialising them again
    (at national scale that was a third of the time spent on JSON)."""

    output_field = JSONField()

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def as_sql(self, compiler, connection):
        return "%s", [self.text]

    def as_postgresql(self, compiler, connection):
        return "%s::jsonb", [self.text]

    def parsed(self):
        return json.loads(self.text)


class Basis(NamedTuple):
    """What one unit's UnitResult is computed from, in the shape UnitResult stores it: the
    values, or a bundle's columns as read (StoredJSON)."""

    inputs: dict[str, dict] | StoredJSON  # {leaf: engine inputs}, answered leaves only
    sources: dict[str, str] | StoredJSON  # {leaf: the entry its score came from}
    self_points: dict[str, str] | StoredJSON  # {leaf: "points"} of the self layer
    reasons: dict[str, str] | StoredJSON  # {leaf: reason} of the appraisal steps
    engine_inputs: dict[str, dict]  # `inputs`, parsed: what the engine reads


def basis(inputs: dict, sources: dict, self_points: dict, reasons: dict) -> Basis:
    return Basis(inputs, sources, self_points, reasons, engine_inputs=inputs)


def reasons_of(by_layer: Mapping[str, Mapping]) -> dict[str, str]:
    """The appraisers' reasons per leaf, step 2's after step 1's."""
    reasons: dict[str, str] = {}
    for layer in REASON_LAYERS:
        for code, entry in by_layer.get(layer, {}).items():
            if entry.note:
                reasons[code] = entry.note
    return reasons


def points_text(value) -> str:
    """Stored points as text, 4 places whichever way the value was read."""
    return str(round_points(Decimal(value)))


def final_basis(by_layer: Mapping[str, Mapping]) -> Basis:
    """A final result's basis from the current entries: the `final` layer (inputs, and its
    note as the source), the self layer's points, the appraisal steps' reasons."""
    final = by_layer.get(Layer.FINAL, {})
    return basis(
        inputs=inputs_of(final),
        sources={
            code: entry.note or f"{entry.layer} r{entry.revision}" for code, entry in final.items()
        },
        self_points={
            code: points_text(entry.points) for code, entry in by_layer.get(Layer.SELF, {}).items()
        },
        reasons=reasons_of(by_layer),
    )


def record_final_bundles(
    assessments: Iterable[Assessment],
    layers: Mapping[int, Mapping[str, Mapping]],
    written: Mapping[int, Iterable],
    now: datetime.datetime,
) -> list[FinalBundle]:
    """One bundle per approved unit (one query), from the layers the approval read and the final
    entries it has just written (`written`: {assessment id: new final ScoreEntry rows})."""
    bundles = []
    for assessment in assessments:
        by_layer = dict(layers.get(assessment.pk, {}))
        final = dict(by_layer.get(Layer.FINAL, {}))
        final.update((entry.node_code, entry) for entry in written.get(assessment.pk, ()))
        by_layer[Layer.FINAL] = final
        found = final_basis(by_layer)
        bundles.append(
            FinalBundle(
                assessment=assessment,
                created_at=now,
                inputs=found.inputs,
                sources=found.sources,
                self_points=found.self_points,
                reasons=found.reasons,
            )
        )
    return FinalBundle.objects.bulk_create(bundles, batch_size=500)


def current_bundles(assessment_ids: Iterable[int]) -> dict[int, Basis]:
    """{assessment id: Basis} of the newest bundle of each unit that has one (one query); the
    columns kept as read (StoredJSON), the inputs parsed for the engine too."""
    ids = list(assessment_ids)
    rows = (
        FinalBundle.objects.filter(assessment_id__in=ids)
        .order_by("assessment_id", "-id")
        .values_list("assessment_id", "inputs", "sources", "self_points", "reasons")
    )
    found: dict[int, Basis] = {}
    for assessment_id, *columns in fetch(rows):
        if assessment_id not in found:  # the newest comes first
            inputs, sources, self_points, reasons = map(_stored, columns)
            found[assessment_id] = Basis(
                inputs, sources, self_points, reasons, engine_inputs=inputs.parsed()
            )
    return found


def _stored(value) -> StoredJSON:
    """A JSON column as fetched: text from SQLite and (with Django's loaders) PostgreSQL."""
    if not isinstance(value, str | bytes):
        value = json.dumps(value)
    return StoredJSON(value.decode() if isinstance(value, bytes) else value)
