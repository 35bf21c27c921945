"""The partials the portal reuses render from plain context, with no request and no organiser
buttons: the ranking table (a merged unit says where last year's figure comes from) and a chart
block (canvas, JSON, table; an XLSX link only when given one)."""

from decimal import Decimal
from types import SimpleNamespace

from django.template.loader import render_to_string

from parindex.results import charts
from parindex.results.summary import MergedFrom, RankedUnit


def _row(code: str, rank: int, **changes) -> RankedUnit:
    values = {
        "previous_year": None,
        "previous_index": None,
        "previous_rank": None,
        "previous_total": None,
        "score_change": None,
        "rank_change": None,
        "direction": None,
        "merged_from": (),
    }
    return RankedUnit(
        code=code,
        name=f"Xã {code}",
        kind="commune",
        index=Decimal("81.25"),
        total=Decimal("81.25"),
        maximum=Decimal("100"),
        rank=rank,
        group="B",
        **(values | changes),
    )


def test_the_ranking_table_renders_from_plain_context():
    merged = _row(
        "M1",
        1,
        previous_year=2024,
        previous_index=Decimal("79.5"),
        previous_rank=2,
        score_change=Decimal("1.75"),
        rank_change=1,
        direction="up",
        merged_from=(
            MergedFrom("O1", "Xã Cũ Một", Decimal("0.6"), 2024, None, None),
            MergedFrom("O2", "Xã Cũ Hai", Decimal("0.4"), 2024, None, None),
        ),
    )
    html = render_to_string(
        "results/_ranking_table.html",
        {"rows": [merged, _row("N2", 2)], "campaign": SimpleNamespace(pk=7)},
    )
    assert "Xã Cũ Một (0.6), Xã Cũ Hai (0.4)" in html
    assert "+1.75" in html and html.count('class="change up"') == 2
    assert "<a " not in html and "<form" not in html  # no links, sort links or buttons
    assert "2 units" in html


def test_a_chart_block_renders_from_plain_context():
    chart = charts.Chart(
        key="demo",
        title="Số đơn vị theo nhóm",
        kind="bar",
        label_header="Nhóm",
        labels=["A", "B"],
        series=[charts.Series("Số đơn vị", [3, 4])],
    )
    html = render_to_string("results/_chart.html", {"chart": chart})
    assert '<canvas data-chart="chart-demo-data"' in html
    assert '<script id="chart-demo-data" type="application/json">' in html
    assert '<th scope="row">B</th><td class="num">4</td>' in html
    assert "XLSX" not in html
    linked = render_to_string("results/_chart.html", {"chart": chart, "xlsx_url": "/x.xlsx"})
    assert 'href="/x.xlsx"' in linked
