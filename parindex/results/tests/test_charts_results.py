"""Each chart carries the same figures three ways: the Chart.js JSON on the page, the HTML table
beside it, the XLSX download; decimals stay exact (strings in JSON, numbers in XLSX)."""

import io
import json
import re
from decimal import Decimal
from types import SimpleNamespace

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from parindex.results import charts, services
from parindex.results.summary import campaign_summary, criterion_losses, unit_scorecard


@pytest.fixture
def snapshot(approved, organiser):
    return services.take_final(organiser, approved)


def _chart_json(html: str, data_id: str) -> dict:
    found = re.search(rf'<script id="{data_id}" type="application/json">(.*?)</script>', html)
    return json.loads(found.group(1))


def _sheet(response) -> list[list]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def test_the_fields_chart_json_table_and_xlsx_agree(client_for, organiser, snapshot):
    summary = campaign_summary(snapshot)
    client = client_for(organiser)
    html = client.get(reverse("results:campaign", args=[snapshot.campaign_id])).content.decode()
    config = _chart_json(html, "chart-fields-data")
    assert config["type"] == "bar"
    assert config["data"]["labels"] == [field.code for field in summary.fields]
    average, maximum = config["data"]["datasets"]
    assert [Decimal(v) for v in average["data"]] == [field.average for field in summary.fields]
    assert [Decimal(v) for v in maximum["data"]] == [field.maximum for field in summary.fields]
    assert all(isinstance(v, str) for v in average["data"])  # no float on the way

    rows = _sheet(client.get(reverse("results:fields_xlsx", args=[snapshot.campaign_id])))
    assert rows[0] == charts.fields_chart(summary).headers
    assert [Decimal(str(row[1])) for row in rows[1:]] == [f.average for f in summary.fields]
    assert rows[1][0] == f"{summary.fields[0].code}. {summary.fields[0].title}"
    assert f'<th scope="row">{rows[1][0]}</th>' in html


def test_the_groups_chart_counts_units_and_keeps_shares_out_of_the_plot(snapshot):
    chart = charts.groups_chart(campaign_summary(snapshot))
    config = chart.config()
    datasets = config["data"]["datasets"]
    assert [d["label"] for d in datasets] == ["Units"]
    assert config["options"]["scales"]["y"]["ticks"] == {"precision": 0}
    assert sum(datasets[0]["data"]) == 2
    assert chart.headers == ["Group", "Units", "Share of units, percent"]


def test_the_radar_has_the_unit_the_average_the_best_and_the_maximum(
    client_for, organiser, snapshot, commune
):
    card = unit_scorecard(snapshot, commune)
    chart = charts.radar_chart(card)
    config = chart.config()
    assert config["type"] == "bar"  # two fields: a radar needs three axes
    labels = [d["label"] for d in config["data"]["datasets"]]
    assert labels == [commune.name, "Average", "Best", "Maximum"]
    assert config["data"]["datasets"][0]["data"] == [f.points for f in card.fields]

    url = reverse("results:radar_xlsx", args=[snapshot.campaign_id, commune.code])
    rows = _sheet(client_for(organiser).get(url))
    assert rows[0] == ["Field", commune.name, "Average", "Best", "Maximum"]
    assert len(rows) == 1 + len(card.fields)


def test_the_criteria_chart_shows_the_costliest_and_the_xlsx_every_leaf(
    client_for, organiser, snapshot
):
    leaves = [loss for loss in criterion_losses(snapshot) if loss.is_leaf]
    chart = charts.criteria_chart(leaves)
    assert chart.config()["options"]["indexAxis"] == "y"
    plotted = chart.config()["data"]["datasets"][0]["data"]
    assert plotted == sorted(plotted, reverse=True) and all(v > 0 for v in plotted)

    url = reverse("results:criteria_xlsx", args=[snapshot.campaign_id])
    rows = _sheet(client_for(organiser).get(url))
    assert [row[0] for row in rows[1:]] == [loss.code for loss in leaves]
    assert rows[0][2] == "Responsible department"
    # The set names the departments on fields 1 and 2 only: their criteria inherit them.
    assert {row[0]: row[2] for row in rows[1:]} == {
        loss.code: "Phòng Nội vụ" if loss.code.startswith("1.") else "Phòng Tư pháp"
        for loss in leaves
    }
    mine = _sheet(client_for(organiser).get(url, {"department": "NV"}))
    assert {row[0] for row in mine[1:]} == {loss.code for loss in leaves if loss.code[0] == "1"}


def test_the_ranking_xlsx_keeps_the_page_filters(client_for, organiser, snapshot):
    url = reverse("results:ranking_xlsx", args=[snapshot.campaign_id])
    everything = _sheet(client_for(organiser).get(url))
    assert len(everything) == 3 and everything[0][:3] == ["Rank", "Code", "Unit"]
    none = _sheet(client_for(organiser).get(url, {"group": "no such group"}))
    assert len(none) == 1


def test_charts_format_numbers_in_the_readers_language(snapshot):
    summary = campaign_summary(snapshot)
    with translation.override("vi"):
        assert charts.fields_chart(summary).config()["options"]["locale"] == "vi-VN"
    with translation.override("en"):
        assert charts.fields_chart(summary).config()["options"]["locale"] == "en-GB"


def test_sheet_names_drop_the_characters_excel_refuses():
    chart = charts.Chart(
        key="x",
        title="Kết quả: 2022/2023 [tạm]",
        kind="bar",
        label_header="Nhóm",
        labels=["A"],
        series=[charts.Series("Số đơn vị", [Decimal("1.5")])],
    )
    workbook = openpyxl.load_workbook(io.BytesIO(charts.chart_xlsx_response(chart, "x").content))
    assert workbook.active.title == "Kết quả  2022 2023  tạm "
    assert workbook.active["B2"].value == 1.5


def test_three_fields_or_more_make_a_radar_from_zero():
    field = SimpleNamespace(code="1", title="Lĩnh vực", points=Decimal("3.5"), average=Decimal(3))
    fields = [SimpleNamespace(**vars(field), best=Decimal(4), maximum=Decimal(4))] * 3
    card = SimpleNamespace(unit=SimpleNamespace(name="Xã A"), fields=fields)
    config = charts.radar_chart(card).config()
    assert config["type"] == "radar"
    assert config["options"]["scales"] == {"r": {"beginAtZero": True, "min": 0}}
    assert config["data"]["datasets"][0]["data"] == [Decimal("3.5")] * 3


def test_a_vietnamese_page_writes_decimal_commas(client_for, organiser, snapshot, settings):
    settings.LANGUAGE_CODE = "vi"
    html = client_for(organiser).get(reverse("results:campaign", args=[snapshot.campaign_id]))
    html = html.content.decode()
    assert _chart_json(html, "chart-fields-data")["options"]["locale"] == "vi-VN"
    index = campaign_summary(snapshot).index.average
    assert f"<dd>{str(index).replace('.', ',')}</dd>" in html
    assert f"<dd>{index}</dd>" not in html
