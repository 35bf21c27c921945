"""Reading a unit's raw inputs against a framework: the step where every input error arises.

Each leaf's entry becomes the typed value its rule computes with (a ratio pair, a date, a set
of keys…) or a Status saying it was not answered, not applicable or "nothing arose". A form can
be checked with read_inputs alone; evaluation then does arithmetic only.
"""

from collections.abc import Mapping
from decimal import localcontext

from parindex.scoring.errors import InputError, InputErrors
from parindex.scoring.input_values import InvalidValue, to_bool
from parindex.scoring.model import EvaluationPlan, Framework
from parindex.scoring.results import Status
from parindex.scoring.rounding import ARITHMETIC
from parindex.scoring.rules import Rule

_FLAGS = ("na", "nothing_arose")


class UnitInputs:
    """A unit's inputs, read: `values` holds one typed value per leaf of the framework.

    A leaf that is missing, N/A, "nothing arose" or invalid has a Status in `specials` (by leaf
    slot) and its rule's placeholder in `values`, so every leaf column can be computed at once.
    """

    __slots__ = ("errors", "framework", "notes", "specials", "values")

    def __init__(
        self,
        framework: Framework,
        values: list[object],
        specials: dict[int, Status],
        notes: dict[int, str],
        errors: list[InputError],
    ) -> None:
        self.framework = framework
        self.values = values
        self.specials = specials
        self.notes = notes  # node position -> why it is invalid
        self.errors = tuple(errors)

    def value_of(self, code: str) -> object:
        """The typed value of a leaf, or its Status when it has none."""
        position = self.framework.by_code[code].position
        slot = self.framework.plan.leaf_slots[position]
        return self.specials.get(slot, self.values[slot])


def _flag(entry: Mapping, key: str) -> bool:
    raw = entry.get(key)
    if raw is None:
        return False
    try:
        return to_bool(raw)
    except InvalidValue as error:
        raise InvalidValue(error.message, error.kind, key) from None


def _read_flags(rule: Rule, entry: Mapping, others: bool) -> Status | None:
    na, nothing_arose = _flag(entry, "na"), _flag(entry, "nothing_arose")
    if not (na or nothing_arose):
        return None
    flag = "na" if na else "nothing_arose"
    if others or (na and nothing_arose):
        raise InvalidValue(f"{flag} cannot be combined with other inputs", "input.combined", flag)
    if na and rule.na is None:
        raise InvalidValue("this criterion cannot be not applicable", "na.not_allowed", flag)
    if nothing_arose and not rule.nothing_arose_full:
        message = "this rule does not accept nothing_arose"
        raise InvalidValue(message, "nothing_arose.not_allowed", flag)
    return Status.NA if na else Status.NOTHING_AROSE


def read_entry(rule: Rule, entry: object) -> object:
    """The general path: flags, formula inputs, and whatever the fast path leaves."""
    if not isinstance(entry, Mapping):
        raise InvalidValue("expected a mapping such as {value: ...}", "input.not_mapping")
    rest = {key: value for key, value in entry.items() if key not in _FLAGS}
    flagged = _read_flags(rule, entry, bool(rest))
    if flagged is not None:
        return flagged
    if not rest or (rule.reads_value and len(rest) == 1 and rest.get("value") is None):
        return Status.MISSING
    if not rule.reads_value:
        return rule.read_inputs(rest)
    unknown = next((key for key in rest if key != "value"), None)
    if unknown is not None:
        raise InvalidValue("unknown input (this rule reads value)", "input.unknown", str(unknown))
    return rule.read(rest["value"])


def _unknown_codes(plan: EvaluationPlan, inputs: Mapping) -> list[InputError]:
    return [
        InputError(str(code), "", "no such leaf in the framework", "input.unknown_node")
        for code in sorted(map(str, inputs.keys() - plan.leaf_codes))
    ]


def read_inputs(
    framework: Framework, inputs: Mapping[str, Mapping[str, object]], *, strict: bool = True
) -> UnitInputs:
    """Check and convert one unit's inputs. With strict, all errors are raised together as
    InputErrors; otherwise they are kept and the faulty leaves read as Status.INVALID."""
    plan = framework.plan
    if not isinstance(inputs, Mapping):
        raise InputErrors([InputError("", "", "inputs must map leaf codes to entries")])
    values: list[object] = []
    append = values.append
    specials: dict[int, Status] = {}
    notes: dict[int, str] = {}
    errors = _unknown_codes(plan, inputs)
    status_type, get = Status, inputs.get
    with localcontext(ARITHMETIC):  # reading divides too (ratios given as percentages)
        for slot, (position, code, rule, read, _points) in enumerate(plan.leaves):
            entry = get(code)
            try:
                if type(entry) is dict and len(entry) == 1:
                    value = entry.get("value")
                    if value is not None:
                        append(read(value))
                        continue
                typed = Status.MISSING if entry is None else read_entry(rule, entry)
            except InvalidValue as error:
                errors.append(InputError(code, error.input, error.message, error.kind))
                notes[position] = error.message
                typed = Status.INVALID
            if type(typed) is status_type:
                specials[slot] = typed  # type: ignore[assignment]
                typed = rule.placeholder
            append(typed)
    if errors and strict:
        raise InputErrors(errors)
    return UnitInputs(framework, values, specials, notes, errors)
