"""The scoring engine: pure Python, no Django.

Load a framework document once, evaluate units many times::

    framework = load_framework(document)            # raises FrameworkError(issues)
    result = evaluate_unit(framework, inputs)       # raises InputErrors
    unit_inputs = read_inputs(framework, inputs)     # check a form without scoring it
    result.total, result.maximum, result.index, result.node("1.6.1").explanation
    campaign = score_units(framework, {"unit-a": inputs_a, ...})   # ranks and groups
    lost_points(result), what_if(result, points={"1.5": "1"}), cheapest_path(result, bands)

See docs/scoring.md and docs/framework-format.md.
"""

from parindex.scoring.campaign import CampaignResult, UnitScore, score_units
from parindex.scoring.cheapest import CheapestPath, Recovery, cheapest_path, needed_total
from parindex.scoring.context import Context
from parindex.scoring.errors import FrameworkError, InputError, InputErrors, Issue
from parindex.scoring.evaluate import evaluate_unit, evaluate_units
from parindex.scoring.expression import ExpressionError, parse_expression
from parindex.scoring.loader import FORMAT, load_framework, validate_framework
from parindex.scoring.lost import LostPoints, best_points, lost_points, shortfall
from parindex.scoring.model import Framework, GroupBand, Node
from parindex.scoring.ranking import GroupShare, group_of, group_shares, rank
from parindex.scoring.reading import UnitInputs, read_inputs
from parindex.scoring.results import FieldScore, NodeResult, Status, UnitResult
from parindex.scoring.statistics import FieldStatistics, Spread, field_statistics, index_spread
from parindex.scoring.whatif import Change, WhatIf, WhatIfError, what_if

__all__ = [
    "FORMAT",
    "CampaignResult",
    "Change",
    "CheapestPath",
    "Context",
    "ExpressionError",
    "FieldScore",
    "FieldStatistics",
    "Framework",
    "FrameworkError",
    "GroupBand",
    "GroupShare",
    "InputError",
    "InputErrors",
    "Issue",
    "LostPoints",
    "Node",
    "NodeResult",
    "Recovery",
    "Spread",
    "Status",
    "UnitInputs",
    "UnitResult",
    "UnitScore",
    "WhatIf",
    "WhatIfError",
    "best_points",
    "cheapest_path",
    "evaluate_unit",
    "evaluate_units",
    "field_statistics",
    "group_of",
    "group_shares",
    "index_spread",
    "load_framework",
    "lost_points",
    "needed_total",
    "parse_expression",
    "rank",
    "read_inputs",
    "score_units",
    "shortfall",
    "validate_framework",
    "what_if",
]
