"""The dashboard table's rows as HTML, written here rather than by the template.

The table has a row per unit (hundreds in a province) and nine cells each: through the template
language that was ~15 variable lookups, escapes and number localisations per row, two thirds of
the dashboard's CPU. Here a row is one f-string; every text that comes from the database or a
translation is escaped. The markup is the template's as it was (dashboard.html)."""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from parindex.assessments.dashboard import DashboardRow, link_rows
from parindex.assessments.templatetags.assessments_tags import index


@dataclass(frozen=True)
class Tags:
    """The bits of markup many rows repeat, translated and escaped once per page."""

    overdue: str
    late: str
    extended: str
    extend: str

    @classmethod
    def translated(cls) -> "Tags":
        return cls(
            overdue=format_html(' <span class="tag late">{}</span>', _("overdue")),
            late=format_html('<span class="tag late">{}</span>', _("late")),
            extended=format_html(' <span class="tag">{}</span>', _("extended")),
            extend=escape(_("extend")),
        )


def _row(row: DashboardRow, tags: Tags, can_manage: bool) -> str:
    unit, assessment = row.unit, row.assessment
    extend = ""
    if can_manage and not assessment.locked:
        extend = f' <a href="{row.extend_url}">{tags.extend}</a>'
    progress = (
        f'<progress max="{row.leaves}" value="{row.answered}">{row.percent}%</progress> '
        f"{row.answered}/{row.leaves}"
    )
    return (
        f"<tr><td>{escape(unit.code)}</td>"
        f'<td><a href="{row.page_url}">{escape(unit.name)}</a></td>'
        f"<td>{escape(row.status_label)}{tags.overdue if row.overdue else ''}</td>"
        f'<td class="num">{progress}</td>'
        f'<td class="num">{escape(row.score)}</td>'
        f'<td class="num">{escape(index(row.index))}</td>'
        f"<td>{row.submitted_text}</td>"
        f"<td>{tags.late if assessment.late else ''}</td>"
        f"<td>{row.due_text}{tags.extended if row.extended else ''}{extend}</td></tr>\n"
    )


def rows_html(rows: list[DashboardRow], can_manage: bool) -> SafeString:
    """The <tr> of every row (links set here), for the table's <tbody>."""
    tags = Tags.translated()
    return mark_safe("".join(_row(row, tags, can_manage) for row in link_rows(rows)))  # noqa: S308
