"""A campaign's criteria set, loaded once per process, and the engine run over saved entries.

A campaign's framework version is published, hence frozen: its document and the engine's
`Framework` never change, so they are cached per version (keyed also by the publication time,
so a reused primary key in a fresh test database never hits a stale entry). Pages then cost no
query for the tree, whatever its size.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils import translation

from parindex.frameworks.documents import to_document
from parindex.frameworks.models import FrameworkVersion
from parindex.scoring import Context, Framework, Node, Status, UnitResult, evaluate_unit
from parindex.scoring import load_framework as engine_load

# Rule kinds whose value does not come from the unit: the survey part is filled from the
# questionnaires, so a unit neither answers it nor is held up by it at submission.
NOT_ENTERED_KINDS = frozenset({"survey"})


@dataclass(frozen=True)
class CriteriaSet:
    version_id: int
    document: dict
    framework: Framework
    raw_nodes: Mapping[str, dict]  # code -> the node's document entry (rule config, na, …)
    # Text derived from the frozen set for pages (leaf_text.py), filled on first use: it can
    # never go stale, and it goes away with the set.
    rendered: dict = field(default_factory=dict, compare=False, repr=False)

    def rule_of(self, code: str) -> dict:
        return self.raw_nodes[code].get("rule") or {}

    def is_entered(self, node: Node) -> bool:
        """True for leaves the unit answers itself."""
        return (
            node.rule is not None
            and not node.survey
            and self.rule_of(node.code).get("kind") not in NOT_ENTERED_KINDS
        )

    @property
    def entered_leaves(self) -> tuple[Node, ...]:
        return tuple(node for node in self.framework.leaves if self.is_entered(node))


def _index_nodes(nodes: list[dict], into: dict[str, dict]) -> None:
    for entry in nodes:
        into[str(entry["code"])] = entry
        _index_nodes(entry.get("children") or [], into)


@lru_cache(maxsize=64)
def _load(version_id: int, published_at: object) -> CriteriaSet:
    version = FrameworkVersion.objects.get(pk=version_id)
    document = to_document(version)
    raw: dict[str, dict] = {}
    _index_nodes(document["nodes"], raw)
    return CriteriaSet(version_id, document, engine_load(document), raw)


def criteria_for(version: FrameworkVersion) -> CriteriaSet:
    """The loaded set of a version: cached when published (frozen), loaded afresh otherwise."""
    if not version.is_published or version.published_at is None:
        return _load.__wrapped__(version.pk, None)
    return _load(version.pk, version.published_at)


def evaluate(
    criteria: CriteriaSet,
    inputs: Mapping[str, Mapping],
    year: int | None,
    *,
    language: str | None = None,
) -> UnitResult:
    """The engine over saved inputs; MM-DD deadlines resolve in the campaign's year.

    Explanations are in `language`, by default the active one: the reader's page."""
    return evaluate_unit(
        criteria.framework,
        inputs,
        Context(year=year),
        strict=False,
        language=language or translation.get_language(),
    )


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return self.answered * 100 // self.total if self.total else 100


UNANSWERED = frozenset({Status.MISSING, Status.INVALID})


def is_answered(result: UnitResult, node: Node) -> bool:
    return result.statuses.get(node.position) not in UNANSWERED


def progress_of(criteria: CriteriaSet, result: UnitResult) -> Progress:
    """Leaves the unit answers that have an answer (a value, N/A or "nothing arose")."""
    leaves = criteria.entered_leaves
    return Progress(sum(1 for node in leaves if is_answered(result, node)), len(leaves))
