"""Showing appraisal records: the stored "accepted" marker in the reader's language."""

from django import template
from django.utils.translation import gettext as _

from parindex.appraisal.appraise import ACCEPTED_NOTE
from parindex.assessments.templatetags.assessments_tags import points

register = template.Library()


@register.filter
def shown_note(note: str) -> str:
    return _("accepted") if note == ACCEPTED_NOTE else note


@register.filter
def layer_points(entry) -> str:
    """An entry's points, or a dash when the layer has no entry for the node."""
    return points(entry.points) if entry else "–"
