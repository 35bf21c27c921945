"""The dashboard table: per-unit status, progress, engine self-score, lateness; filtered by
status, sorted by any column, and exported to XLSX and CSV with the same rows."""

import datetime
import io
from decimal import Decimal

import openpyxl
from django.urls import reverse
from django.utils import timezone

from parindex.assessments.dashboard import (
    dashboard_rows,
    export_headers,
    filter_rows,
    sort_rows,
)
from parindex.assessments.entries import record_self_entry
from parindex.assessments.submission import submit_assessment
from parindex.assessments.tests.factories import answer_everything


def _late_submission(reporter, head, assessment):
    answer_everything(reporter, assessment)
    when = assessment.campaign.submit_due + datetime.timedelta(hours=5)
    return submit_assessment(head, assessment, now=when)


def test_rows_carry_progress_self_score_and_lateness(reporter, head, assessment, other_assessment):
    _late_submission(reporter, head, assessment)
    rows = {row.unit.code: row for row in dashboard_rows(assessment.campaign)}

    mine, other = rows["PY-TUONGPHU"], rows["PY-TUONGTIEN"]
    assert (mine.answered, mine.leaves) == (10, 10)
    assert mine.assessment.late and mine.assessment.status == "late"
    assert mine.total > 0 and mine.index == (mine.total * 100 / mine.maximum).quantize(
        Decimal("0.01")
    )
    assert (other.answered, other.total, other.assessment.status) == (0, 0, "not_started")


def test_filter_by_status_and_by_lateness(reporter, head, outsider, assessment, other_assessment):
    _late_submission(reporter, head, assessment)
    record_self_entry(outsider, other_assessment, "1.1", {"value": True}, "", 0)
    rows = dashboard_rows(assessment.campaign)

    assert [r.unit.code for r in filter_rows(rows, "late")] == ["PY-TUONGPHU"]
    assert [r.unit.code for r in filter_rows(rows, "in_progress")] == ["PY-TUONGTIEN"]
    assert filter_rows(rows, "") == rows


def test_sort_by_any_column_both_ways(reporter, head, assessment, other_assessment):
    _late_submission(reporter, head, assessment)
    rows = dashboard_rows(assessment.campaign)
    assert [r.unit.code for r in sort_rows(rows, "-index")] == ["PY-TUONGPHU", "PY-TUONGTIEN"]
    assert [r.unit.code for r in sort_rows(rows, "index")] == ["PY-TUONGTIEN", "PY-TUONGPHU"]
    assert [r.unit.name for r in sort_rows(rows, "name")] == ["Xã Tường Phù", "Xã Tường Tiến"]
    assert sort_rows(rows, "no-such-column") == rows


def test_xlsx_export_opens_and_has_one_row_per_unit(
    client_for, organiser, reporter, head, assessment, other_assessment
):
    submitted = _late_submission(reporter, head, assessment)
    url = reverse("assessments:dashboard_export", args=[assessment.campaign_id, "xlsx"])
    response = client_for(organiser).get(url, {"sort": "code"})

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows[0]) == len(export_headers())
    assert [r[0] for r in rows[1:]] == ["PY-TUONGPHU", "PY-TUONGTIEN"]
    code, name, _status, answered, leaves, total, _max, _index, when, late, _due = rows[1]
    assert (name, answered, leaves) == ("Xã Tường Phù", 10, 10)
    assert Decimal(str(total)) == dashboard_rows(assessment.campaign)[0].total
    local = timezone.localtime(submitted.submitted_at).replace(tzinfo=None)
    assert abs(when - local) < datetime.timedelta(seconds=1)  # wall-clock time, no zone
    assert late and code == "PY-TUONGPHU"
    assert rows[2][5] == 0


def test_export_follows_the_filter(
    client_for, organiser, reporter, head, assessment, other_assessment
):
    _late_submission(reporter, head, assessment)
    url = reverse("assessments:dashboard_export", args=[assessment.campaign_id, "csv"])
    response = client_for(organiser).get(url, {"status": "late"})

    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 2 and lines[1].startswith("PY-TUONGPHU,Xã Tường Phù,")


def test_the_page_filters_with_htmx_returning_only_the_table(client_for, organiser, assessment):
    url = reverse("assessments:dashboard", args=[assessment.campaign_id])
    response = client_for(organiser).get(url, {"status": "not_started"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="table"') and "<h1>" not in html
    assert html.count("<tr>") == 3


def test_each_row_shows_its_cells_tags_and_links_escaped(
    client_for, organiser, reporter, head, assessment, other_assessment, other_commune
):
    _late_submission(reporter, head, assessment)
    other_commune.name = 'Xã <b>"Tiến"</b> & Co'
    other_commune.save()
    url = reverse("assessments:dashboard", args=[assessment.campaign_id])
    html = client_for(organiser).get(url, {"sort": "code"}).content.decode()

    page, extend = (
        reverse(f"assessments:{name}", args=[other_assessment.pk])
        for name in ("assessment", "extend")
    )
    mine = reverse("assessments:assessment", args=[assessment.pk])
    assert f'<td><a href="{mine}">Xã Tường Phù</a></td>' in html
    assert '<td class="num"><progress max="10" value="10">100%</progress> 10/10</td>' in html
    assert '<td><span class="tag late">late</span></td>' in html
    assert f'<a href="{page}">Xã &lt;b&gt;&quot;Tiến&quot;&lt;/b&gt; &amp; Co</a>' in html
    assert f' <a href="{extend}">extend</a></td></tr>' in html  # not submitted: extendable
    assert reverse("assessments:extend", args=[assessment.pk]) not in html  # locked
    assert "<b>" not in html.split("<tbody>")[1]
