"""Rule kinds: one compiler per kind turns a rule's config into a fast Rule object."""

from collections.abc import Callable

from parindex.scoring.config_reader import ConfigReader, LeafSpec
from parindex.scoring.rules.bands import compile_bands, compile_survey
from parindex.scoring.rules.base import NotApplicable, Rule
from parindex.scoring.rules.deadline import compile_deadline
from parindex.scoring.rules.formula import compile_formula
from parindex.scoring.rules.proportional import compile_proportional
from parindex.scoring.rules.simple import (
    compile_choice,
    compile_derived,
    compile_manual,
    compile_yes_no,
)
from parindex.scoring.rules.tallies import compile_checklist, compile_deductions

Compiler = Callable[[ConfigReader, LeafSpec], Rule | None]

COMPILERS: dict[str, Compiler] = {
    "manual": compile_manual,
    "yes_no": compile_yes_no,
    "deadline": compile_deadline,
    "bands": compile_bands,
    "proportional": compile_proportional,
    "formula": compile_formula,
    "choice": compile_choice,
    "deductions": compile_deductions,
    "checklist": compile_checklist,
    "derived": compile_derived,
    "survey": compile_survey,
}


def compile_rule(config: ConfigReader, leaf: LeafSpec) -> Rule | None:
    """The Rule for a leaf's `rule` mapping, or None with Issues recorded on `config`."""
    kind = config.text("kind")
    if kind is None:
        return None
    compiler = COMPILERS.get(kind)
    if compiler is None:
        config.issue("kind", "rule.unknown_kind", f"unknown rule kind {kind!r}")
        return None
    nothing_arose = config.choice("nothing_arose", ("full",), None)
    rule = compiler(config, leaf)
    if rule is not None:
        rule.nothing_arose_full = nothing_arose == "full"
    return rule


__all__ = ["COMPILERS", "NotApplicable", "Rule", "compile_rule"]
