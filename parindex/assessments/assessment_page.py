"""What the self-assessment page shows: the tree with each node's engine result, the leaves'
widgets and current entries, the citations, and the totals. A fixed number of queries (current
entries, citations; the tree itself is cached) whatever the size of the set.

The page is CPU-bound: rendering ~120 leaves through Django templates cost ~80 % of a request.
So the page shows every field (top-level node) as a summary and renders the leaves of one field
only (the one asked for, or the first with unanswered leaves); the others load theirs when
opened (the field view). A field's leaves are one flat outline (no recursive includes), each
leaf's text that never changes comes rendered once per language (leaf_text.py), and the words
repeated on every leaf are translated once per page (leaf_text.page_labels)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from parindex.assessments.answer_widgets import Widget, build_widget
from parindex.assessments.criteria import (
    CriteriaSet,
    Progress,
    criteria_for,
    evaluate,
    is_answered,
    progress_of,
)
from parindex.assessments.evidence_links import citations_by_node
from parindex.assessments.layers import current_layer, inputs_of
from parindex.assessments.leaf_text import LeafText, leaf_text
from parindex.assessments.models import Assessment, EvidenceCitation, Layer, ScoreEntry
from parindex.assessments.templatetags.assessments_tags import points
from parindex.scoring import Node, NodeResult, Status, UnitResult


@dataclass
class NodeView:
    node: Node
    raw: dict
    points: Decimal
    maximum: Decimal
    result: NodeResult = field(repr=False)  # status and explanation, computed when read
    entered: bool = False  # a leaf the unit answers (not the survey part)
    entry: ScoreEntry | None = None
    text: LeafText | None = None  # leaves only: heading and legend, rendered once per language
    save_url: str = ""  # leaves only
    cite_url: str = ""
    citations: list[EvidenceCitation] = field(default_factory=list)
    children: list["NodeView"] = field(default_factory=list)
    error: str = ""  # the engine's refusal of what was just typed
    message: str = ""  # e.g. a revision conflict
    progress: Progress | None = None  # fields only: their entered leaves answered / all
    field_url: str = ""  # fields only: the view that renders their leaves
    last_position: int = 0  # the last position of the node's subtree (a field's leaves' range)

    @cached_property
    def dom_id(self) -> str:
        # Positions are stable in a frozen version and, unlike codes, safe in CSS selectors.
        return f"n{self.node.position}"

    @cached_property
    def status(self) -> Status:
        return self.result.status

    @cached_property
    def explanation(self) -> str:
        """The engine's line, in the page's language: only a shown leaf's is ever computed."""
        return self.result.explanation

    @property
    def is_leaf(self) -> bool:
        return self.node.rule is not None

    @cached_property
    def widget(self) -> Widget | None:
        # Built when shown: a save's response shows one leaf of the page it builds.
        if not self.is_leaf:
            return None
        return build_widget(self.raw, self.entry.inputs if self.entry else None)

    @property
    def score(self) -> str:
        """The points shown in the tree and in the leaf's result, e.g. "0.5 / 4"."""
        return f"{points(self.points)} / {points(self.maximum)}"

    @property
    def base_revision(self) -> int:
        return self.entry.revision if self.entry else 0

    @cached_property
    def saved(self) -> tuple[str, str]:
        """("saved at 14:05 by Name", its full date and time), or ("", "") before any save."""
        if self.entry is None:
            return "", ""
        # Fixed numeric formats, the same in every language: strftime is ten times cheaper
        # than the date filter, and this runs for every answered leaf.
        moment = timezone.localtime(self.entry.created_at)
        line = _("saved at %(when)s by %(who)s") % {
            "when": moment.strftime("%H:%M"),
            "who": self.entry.author or "—",
        }
        return line, moment.strftime("%d/%m/%Y %H:%M:%S")

    @property
    def needs_explanation(self) -> bool:
        """Answered, not N/A, with neither evidence nor a note: submission would stop here."""
        entry = self.entry
        return bool(
            entry
            and entry.inputs
            and not entry.na_claimed
            and not entry.note
            and not self.citations
        )

    @property
    def na_without_reason(self) -> bool:
        return bool(self.entry and self.entry.na_claimed and not self.entry.na_reason)


@dataclass
class Totals:
    total: Decimal
    maximum: Decimal
    index: Decimal | None
    progress: Progress
    last_saved: datetime.datetime | None


OPEN, LEAF, CLOSE = "open", "leaf", "close"  # the steps of AssessmentPage.outline


@dataclass
class AssessmentPage:
    assessment: Assessment
    criteria: CriteriaSet
    result: UnitResult
    roots: list[NodeView]
    by_code: dict[str, NodeView]
    totals: Totals

    open_field: NodeView | None = None  # the field whose leaves the page renders

    def field_of(self, code: str) -> NodeView:
        """The top-level node (field) `code` belongs to (itself for a field)."""
        view = self.by_code[code]
        while view.node.parent is not None:
            view = self.by_code[view.node.parent]
        return view

    def open_at(self, code: str | None) -> NodeView | None:
        """Render the field of `code` (a field's or a leaf's code) open, or else the first field
        with unanswered leaves; None when every leaf is answered and no code was asked for."""
        if code in self.by_code:
            self.open_field = self.field_of(code)
        else:
            unfinished = (f for f in self.roots if f.progress and f.progress.percent < 100)
            self.open_field = next(unfinished, None)
        return self.open_field

    def ancestors(self, code: str) -> list[NodeView]:
        chain, parent = [], self.criteria.framework.by_code[code].parent
        while parent is not None:
            chain.append(self.by_code[parent])
            parent = self.by_code[parent].node.parent
        return chain

    @staticmethod
    def outline_of(field: NodeView) -> list[tuple[str, NodeView | None]]:
        """A field's subtree in document order as (OPEN, node), (LEAF, leaf), (CLOSE, None)
        steps, the field itself left out: one loop in the template instead of an include per
        node and level."""
        steps: list[tuple[str, NodeView | None]] = []

        def walk(view: NodeView) -> None:
            if view.is_leaf:
                steps.append((LEAF, view))
                return
            steps.append((OPEN, view))
            for child in view.children:
                walk(child)
            steps.append((CLOSE, None))

        for child in field.children or [field]:  # a field that is itself a leaf shows itself
            walk(child)
        return steps

    @property
    def open_outline(self) -> list[tuple[str, NodeView | None]]:
        return self.outline_of(self.open_field) if self.open_field else []


CODE_MARK = "CODE"  # stands for a node code in a reversed URL


def leaf_url(name: str, assessment_pk: int) -> Callable[[str], str]:
    """reverse(name, args=[assessment_pk, code]) for any node code, at the cost of one reverse.

    The engine accepts only node codes of letters and digits between dots, which a URL carries
    as they are. Reversing for each leaf, twice, took about a sixth of the page's rendering."""
    head, tail = reverse(name, args=[assessment_pk, CODE_MARK]).rsplit(CODE_MARK, 1)
    return lambda code: f"{head}{code}{tail}"


def node_url(assessment: Assessment, code: str) -> str:
    """The self-assessment page with `code`'s field open, scrolled to the node: deep links
    work without JavaScript (the fragment #n<position> alone works with it, fields.js)."""
    url = reverse("assessments:assessment", args=[assessment.pk])
    by_code = criteria_for(assessment.campaign.framework).framework.by_code
    node = by_code.get(code)
    if node is None:
        return url
    field = node
    while field.parent is not None:
        field = by_code[field.parent]
    return f"{url}?field={field.code}#n{node.position}"


def _view(
    criteria: CriteriaSet,
    result: UnitResult,
    node: Node,
    entries,
    citations,
    urls: tuple[Callable[[str], str], Callable[[str], str]],
    language: str,
) -> NodeView:
    node_result = result.node(node.code)
    view = NodeView(
        node=node,
        raw=criteria.raw_nodes[node.code],
        points=node_result.points,
        maximum=node_result.maximum,
        result=node_result,
    )
    if node.rule is not None:
        view.entered = criteria.is_entered(node)
        view.entry = entries.get(node.code)
        view.citations = citations.get(node.code, [])
        view.text = leaf_text(criteria, node, language)
        save_url, cite_url = urls
        view.save_url, view.cite_url = save_url(node.code), cite_url(node.code)
    return view


def _field_figures(
    criteria: CriteriaSet, result: UnitResult, roots: list[NodeView], url: Callable[[str], str]
) -> None:
    """Each field's URL, answered leaves and position range (the page's summaries)."""

    def last_of(view: NodeView) -> tuple[int, int, int]:  # (last position, answered, entered)
        if view.is_leaf:
            entered = int(view.entered)
            return view.node.position, entered * is_answered(result, view.node), entered
        figures = [last_of(child) for child in view.children]
        return (
            max([view.node.position, *(last for last, _, _ in figures)]),
            sum(answered for _, answered, _ in figures),
            sum(total for _, _, total in figures),
        )

    for root in roots:
        root.last_position, answered, total = last_of(root)
        root.progress, root.field_url = Progress(answered, total), url(root.node.code)


def build_page(assessment: Assessment) -> AssessmentPage:
    """Everything the page shows about `assessment`'s self layer (two queries when cached)."""
    criteria = criteria_for(assessment.campaign.framework)
    entries = current_layer(assessment.pk, Layer.SELF)
    citations = citations_by_node([assessment.pk]).get(assessment.pk, {})
    # The current explanation, in the reader's language (entries keep the saved one).
    language = translation.get_language()
    result = evaluate(criteria, inputs_of(entries), assessment.campaign.year, language=language)
    urls = (
        leaf_url("assessments:save_node", assessment.pk),
        leaf_url("assessments:cite", assessment.pk),
    )
    by_code: dict[str, NodeView] = {}
    roots: list[NodeView] = []
    for node in criteria.framework.nodes:  # parents come before their children
        view = _view(criteria, result, node, entries, citations, urls, language)
        by_code[node.code] = view
        (by_code[node.parent].children if node.parent else roots).append(view)
    _field_figures(criteria, result, roots, leaf_url("assessments:field", assessment.pk))
    last = max((e.created_at for e in entries.values()), default=None)
    totals = Totals(
        result.total, result.maximum, result.index_rounded, progress_of(criteria, result), last
    )
    return AssessmentPage(assessment, criteria, result, roots, by_code, totals)
