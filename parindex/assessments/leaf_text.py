"""The text of a leaf that never changes, rendered once per language and criteria set.

A published set is frozen, so a leaf's heading (code, title, maximum, "judged at year end",
guidance, evidence expected) and its form's legend are the same on every page in a language.
Rendering them once per process instead of once per leaf per request takes ~10 % off the
self-assessment page; the words every leaf repeats are translated once per page instead."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from parindex.assessments.criteria import CriteriaSet
from parindex.scoring import Node


@dataclass(frozen=True)
class LeafText:
    heading: SafeString  # <h3> and the guidance/evidence paragraphs
    legend: str  # "Answer for 1.2.3", for screen readers


def leaf_text(criteria: CriteriaSet, node: Node, language: str) -> LeafText:
    """`node`'s fixed text in `language`, rendered on first use (criteria.rendered keeps it)."""
    key = ("leaf", language, node.code)
    found = criteria.rendered.get(key)
    if found is None:
        with translation.override(language):
            heading = render_to_string(
                "assessments/_leaf_heading.html", {"node": node, "dom_id": f"n{node.position}"}
            )
            found = LeafText(heading, _("Answer for %(code)s") % {"code": node.code})
        criteria.rendered[key] = found  # a race renders the same text twice: harmless
    return found


def page_labels() -> dict[str, str]:
    """The words every leaf repeats, in the active language: one gettext each per page."""
    return {
        "note": _("Explanation (where there is no evidence)"),
        "save": _("Save"),
        "not_saved": _("Not saved:"),
        "survey": _("Scored from the survey: not entered by the unit."),
        "na_without_reason": _("Give the reason why this does not apply before submitting."),
        "needs_explanation": _(
            "No evidence cited: cite a document or write an explanation before submitting."
        ),
        "withdraw": _("withdraw"),
        "cite": _("Cite evidence…"),
    }
