"""Accent-insensitive search for units across the published results.

Matches the folded `Unit.search_text` column ("tuong phu" finds "Xã Tường Phù") with a plain
LIKE, which folds nothing itself, so SQLite and PostgreSQL answer alike. Only rows of the
current published snapshot of each campaign are searched.
"""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from parindex.portal.published import NODE_MAPS, current_snapshots
from parindex.results.models import UnitResult
from parindex.textnorm import fold

LIMIT = 50


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Unit"), max_length=100, min_length=2)


def search_rows(q: str) -> QuerySet[UnitResult]:
    """Every word of `q`, accents and case ignored, must appear in the unit's code or name."""
    rows = UnitResult.objects.filter(snapshot__in=current_snapshots())
    for word in fold(q).split():
        rows = rows.filter(unit__search_text__contains=word)
    return (
        rows.select_related(
            "unit", "snapshot__campaign__jurisdiction", "snapshot__campaign__framework"
        )
        .defer(*NODE_MAPS, "previous")
        .order_by("-snapshot__campaign__year", "unit__name", "unit__code", "pk")
    )


def search(q: str) -> tuple[list[UnitResult], bool]:
    """At most LIMIT rows, and whether there were more."""
    rows = list(search_rows(q)[: LIMIT + 1])
    return rows[:LIMIT], len(rows) > LIMIT
