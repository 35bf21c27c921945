"""Chart data of the results pages: one `Chart` per chart, which gives the Chart.js
configuration (read by static/js/charts.js from json_script), the rows of its accessible HTML
table and of its XLSX download — the same figures three ways.

Points stay Decimal up to the JSON boundary, where Django's JSON encoder writes them as strings
("0.8042"): Chart.js reads numeric strings as numbers, and no float ever rounds a figure.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from parindex.orgs.models import UnitKind
from parindex.orgs.tabular_export import CONTENT_TYPES, table_as_xlsx

# Colour-blind-safe palette (Okabe–Ito), in the order series are drawn.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")


@dataclass(frozen=True)
class Series:
    """One dataset; `plotted=False` keeps it in the table and XLSX only (e.g. shares beside
    counts, which would not share an axis)."""

    label: str
    values: list[Decimal | int | None]
    plotted: bool = True


@dataclass(frozen=True)
class Chart:
    """A chart and its data. `kind` is a Chart.js type ("bar", "radar"); `horizontal` turns
    bars sideways (long labels); `percent` fixes the value axis at 0–100."""

    key: str
    title: str
    kind: str
    label_header: str
    labels: list[str]
    series: list[Series]
    horizontal: bool = False
    percent: bool = False
    integer: bool = False  # counts: no 0.2-step ticks
    long_labels: list[str] = field(default_factory=list)  # table/XLSX text per label

    @property
    def dom_id(self) -> str:
        return f"chart-{self.key}"

    @property
    def data_id(self) -> str:
        return f"chart-{self.key}-data"

    @property
    def headers(self) -> list[str]:
        return [self.label_header, *(s.label for s in self.series)]

    @property
    def rows(self) -> list[list]:
        """[label, value per series] — the table and the XLSX."""
        names = self.long_labels or self.labels
        return [[name, *(s.values[i] for s in self.series)] for i, name in enumerate(names)]

    def config(self) -> dict:
        return {
            "type": self.kind,
            "data": {"labels": self.labels, "datasets": self._datasets()},
            "options": self._options(),
        }

    def _datasets(self) -> list[dict]:
        datasets = []
        for position, series in enumerate(s for s in self.series if s.plotted):
            colour = PALETTE[position % len(PALETTE)]
            dataset = {"label": series.label, "data": series.values, "borderColor": colour}
            dataset["backgroundColor"] = colour + "33" if self.kind == "radar" else colour
            datasets.append(dataset)
        return datasets

    def _options(self) -> dict:
        # Chart.js formats ticks and tooltips with Intl in this locale (Vietnamese comma).
        options: dict = {
            "responsive": True,
            "maintainAspectRatio": False,
            "locale": "vi-VN" if translation.get_language() == "vi" else "en-GB",
            "plugins": {"legend": {"display": len(self._datasets()) > 1}},
        }
        value_axis: dict = {"beginAtZero": True, **({"max": 100} if self.percent else {})}
        if self.integer:
            value_axis["ticks"] = {"precision": 0}
        if self.kind == "radar":
            options["scales"] = {"r": {**value_axis, "min": 0}}
        else:
            options["indexAxis"] = "y" if self.horizontal else "x"
            options["scales"] = {"y" if not self.horizontal else "x": value_axis}
        return options


def xlsx_response(headers: list[str], rows: list[list], title: str, filename: str):
    """A one-sheet workbook of `rows` under `headers` (in the reader's language)."""
    # Excel refuses these characters in a sheet name.
    title = "".join(" " if char in "[]:*?/\\" else char for char in title)
    body = table_as_xlsx(headers, rows, title=title)
    response = HttpResponse(body, content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def chart_xlsx_response(chart: Chart, filename: str) -> HttpResponse:
    return xlsx_response(chart.headers, chart.rows, chart.title, filename)


def ranking_table(rows) -> tuple[list[str], list[list]]:
    """The ranking (summary.RankedUnit rows) as a table for XLSX."""
    kinds = dict(UnitKind.choices)
    headers = [
        _("Rank"),
        _("Code"),
        _("Unit"),
        _("Kind"),
        _("Points"),
        _("Maximum"),
        _("Index (%)"),
        _("Group"),
        _("Index last year"),
        _("Change of index"),
        _("Rank last year"),
        _("Change of rank"),
    ]
    table = [
        [
            row.rank,
            row.code,
            row.name,
            str(kinds.get(row.kind, row.kind)),
            row.total,
            row.maximum,
            row.index,
            row.group,
            row.previous_index,
            row.score_change,
            row.previous_rank,
            row.rank_change,
        ]
        for row in rows
    ]
    return headers, table


def losses_table(losses) -> tuple[list[str], list[list]]:
    """The criterion analysis (summary.CriterionLoss rows) as a table for XLSX."""
    headers = [
        _("Code"),
        _("Criterion"),
        _("Responsible department"),
        _("Maximum"),
        _("Average points"),
        _("Units losing points"),
        _("Units losing points, percent"),
        _("Points lost (all units)"),
    ]
    table = [
        [
            loss.code,
            loss.title,
            loss.department_name,
            loss.maximum,
            loss.average,
            loss.lost_units,
            loss.lost_share,
            loss.lost_total,
        ]
        for loss in losses
    ]
    return headers, table


def groups_chart(summary) -> Chart:
    """Units per group (summary.CampaignSummary.groups), with their share in the table."""
    groups = summary.groups
    return Chart(
        key="groups",
        title=_("Units per group"),
        kind="bar",
        label_header=_("Group"),
        labels=[group.label for group in groups],
        series=[
            Series(_("Units"), [group.count for group in groups]),
            Series(_("Share of units, percent"), [group.share for group in groups], plotted=False),
        ],
        integer=True,
    )


def fields_chart(summary) -> Chart:
    """Average points per field against the field's maximum (summary.fields)."""
    fields = summary.fields
    return Chart(
        key="fields",
        title=_("Average points per field"),
        kind="bar",
        label_header=_("Field"),
        labels=[field.code for field in fields],
        long_labels=[f"{field.code}. {field.title}" for field in fields],
        series=[
            Series(_("Average"), [field.average for field in fields]),
            Series(_("Maximum"), [field.maximum for field in fields]),
            Series(_("Average, percent of maximum"), [f.average_percent for f in fields], False),
        ],
    )


def radar_chart(card) -> Chart:
    """A unit's points per field against the average and the best unit, inside the field's
    maximum after N/A (summary.Scorecard.fields). Points, not percentages: no derived figure.
    A radar needs three axes: with fewer fields the same data is drawn as bars."""
    fields = card.fields
    return Chart(
        key="radar",
        title=_("Points per field: %(unit)s, the average and the best") % {"unit": card.unit.name},
        kind="radar" if len(fields) >= 3 else "bar",
        label_header=_("Field"),
        labels=[field.code for field in fields],
        long_labels=[f"{field.code}. {field.title}" for field in fields],
        series=[
            Series(card.unit.name, [field.points for field in fields]),
            Series(_("Average"), [field.average for field in fields]),
            Series(_("Best"), [field.best for field in fields]),
            Series(_("Maximum"), [field.maximum for field in fields]),
        ],
    )


TOP_CRITERIA = 15


def criteria_chart(losses) -> Chart:
    """The criteria that cost the most points (summary.CriterionLoss rows, most lost first)."""
    top = [loss for loss in losses if loss.lost_total > 0][:TOP_CRITERIA]
    return Chart(
        key="criteria",
        title=_("Points lost across units: the %(count)d costliest") % {"count": len(top)},
        kind="bar",
        label_header=_("Criterion"),
        labels=[loss.code for loss in top],
        long_labels=[f"{loss.code}. {loss.title}" for loss in top],
        series=[
            Series(_("Points lost (all units)"), [loss.lost_total for loss in top]),
            Series(_("Units losing points, percent"), [loss.lost_share for loss in top], False),
        ],
        horizontal=True,
    )
