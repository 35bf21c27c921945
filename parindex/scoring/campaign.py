"""Scoring many units at once: evaluate, rank, group, and the shares of each group."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from parindex.scoring.context import Context
from parindex.scoring.errors import InputError, InputErrors
from parindex.scoring.evaluate import evaluate_units
from parindex.scoring.model import Framework, GroupBand
from parindex.scoring.phrases import DEFAULT_LANGUAGE
from parindex.scoring.ranking import GroupShare, group_of, group_shares, rank
from parindex.scoring.reading import UnitInputs, read_inputs
from parindex.scoring.results import UnitResult
from parindex.scoring.statistics import FieldStatistics, field_statistics


@dataclass(frozen=True, slots=True)
class UnitScore:
    code: str
    result: UnitResult
    rank: int | None
    group: str | None


@dataclass(frozen=True, slots=True)
class CampaignResult:
    framework: Framework
    units: tuple[UnitScore, ...]  # in the order the inputs were given
    shares: tuple[GroupShare, ...]
    errors: tuple[InputError, ...]  # only with strict=False

    def ranked(self) -> list[UnitScore]:
        """Best first; units without an index last; ties in the order given."""
        return sorted(self.units, key=lambda unit: (unit.rank is None, unit.rank or 0))

    def results(self) -> dict[str, UnitResult]:
        return {unit.code: unit.result for unit in self.units}

    def field_statistics(self) -> tuple[FieldStatistics, ...]:
        return field_statistics(self.framework, self.results())


def score_units(
    framework: Framework,
    inputs_by_unit: Mapping[str, UnitInputs | Mapping[str, Mapping[str, object]]],
    context: Context | None = None,
    *,
    groups: Sequence[GroupBand] | None = None,
    strict: bool = True,
    language: str | None = DEFAULT_LANGUAGE,
) -> CampaignResult:
    """Evaluate every unit, then rank and group them (by the framework's groups by default).

    With strict, input errors of all units are raised together, each naming its unit.
    `language` is that of the results' explanations (see evaluate_units)."""
    bands = framework.groups if groups is None else tuple(groups)
    codes = list(inputs_by_unit)
    read = [
        inputs if type(inputs) is UnitInputs else read_inputs(framework, inputs, strict=False)
        for inputs in inputs_by_unit.values()
    ]
    evaluated = evaluate_units(framework, read, context, language=language)
    results = dict(zip(codes, evaluated, strict=True))
    errors = [
        InputError(error.code, error.input, error.message, error.kind, unit=code)
        for code, result in results.items()
        for error in result.errors
    ]
    if errors and strict:
        raise InputErrors(errors)
    published = [result.index_rounded for result in results.values()]
    ranks = rank(published)
    labels = [group_of(index, bands) for index in published]
    units = tuple(
        UnitScore(code, result, unit_rank, label)
        for (code, result), unit_rank, label in zip(results.items(), ranks, labels, strict=True)
    )
    return CampaignResult(framework, units, group_shares(labels, bands), tuple(errors))
