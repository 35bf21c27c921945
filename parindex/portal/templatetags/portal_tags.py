"""Words for the engine's node statuses on the public scorecard."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

STATUS_LABELS = {
    "na": _("not applicable"),
    "nothing_arose": _("nothing arose"),
    "missing": _("not answered"),
    "invalid": _("invalid answer"),
    "partial": _("partly answered"),
}


@register.filter
def status_label(status: str) -> str:
    """'' for a scored node: only the exceptions are labelled."""
    return str(STATUS_LABELS.get(status, ""))
