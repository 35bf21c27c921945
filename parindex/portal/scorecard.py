"""A unit's published scorecard through the results read API, with "last year" withheld
unless it was published (figures.py).

Shown: every node's maximum after N/A, the self-assessed points the unit submitted (locked
before appraisal; only ever from a published final snapshot), the final points, points lost,
the appraisers' reason and the engine's explanation of the final inputs. Never shown: the
sources of each score (the unit's own notes), the raw inputs, evidence files.
"""

import dataclasses

from parindex.portal.figures import public_previous
from parindex.results.models import ResultSnapshot, UnitResult
from parindex.results.summary import Scorecard, unit_scorecard


def public_scorecard(snapshot: ResultSnapshot, row: UnitResult) -> Scorecard:
    card = unit_scorecard(snapshot, row.unit)
    previous = (row.previous or {}).get("snapshot")
    unit = public_previous([card.unit], {row.unit.code: previous})[0]
    return dataclasses.replace(card, unit=unit)
