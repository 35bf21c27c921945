"""The DOCX read back with python-docx: official format, and every figure the summary's."""

import io

import docx
import pytest

from parindex.reports.content import report_content
from parindex.reports.docx_report import build_docx


@pytest.fixture
def document_and_content(seed003):
    content = report_content(seed003["snapshot"])
    buffer = io.BytesIO()
    build_docx(content, buffer)
    buffer.seek(0)
    return docx.Document(buffer), content


def _text(document) -> str:
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_letterhead_font_and_page(document_and_content):
    document, _ = document_and_content
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 14
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "ỦY BAN NHÂN DÂN",
        "HUYỆN PHÙ YÊN",
        "Số:        /QĐ-UBND",
    ]
    assert right.paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert right.paragraphs[1].text == "Độc lập - Tự do - Hạnh phúc"
    place = right.paragraphs[2]
    assert place.text.startswith("Phù Yên, ngày") and place.runs[0].italic


def test_decision_then_annexed_report_with_the_summary_figures(document_and_content):
    document, content = document_and_content
    text = _text(document)
    decision, _, report = text.partition("BÁO CÁO")
    assert (
        "QUYẾT ĐỊNH" in decision
        and "Điều 1. Công bố Chỉ số cải cách hành chính năm 2022" in decision
    )
    assert "(Kèm theo Quyết định số" in report
    for heading in ("I. CÔNG TÁC TỔ CHỨC", "II. TÌNH HÌNH TRIỂN KHAI", "III. KẾT QUẢ CHỈ SỐ CCHC"):
        assert heading in report
    index = content.summary.index
    assert f"là {str(index.average).replace('.', ',').rstrip('0').rstrip(',')}/100 điểm" in report
    assert "Xã Tường Phù đạt điểm cao nhất (77,14/100 điểm)" in report
    assert "Xã Huy Tường có số điểm thấp nhất (30/100 điểm)" in report
    assert "Nhóm A (từ 90 điểm trở lên): Không có." in report
    assert (
        "Nhóm B (từ 70 điểm đến dưới 90 điểm): gồm 04 đơn vị: Xã Tường Phù, Thị trấn Phù Yên"
        in report
    )
    assert "tỷ lệ 14,8%" in report and "tỷ lệ 59,3%" in report and "tỷ lệ 25,9%" in report
    assert "Khoảng cách giữa đơn vị cao nhất và thấp nhất là 47,14 điểm" in report
    summary = content.summary
    assert f"Có {len(summary.score_down.units):02d} đơn vị giảm điểm so với năm 2021" in report
    assert "03 đơn vị gửi quá hạn gồm: Xã Bắc Phong (gửi lúc" in report
    for field in summary.fields:
        average = str(field.average).replace(".", ",").rstrip("0").rstrip(",")
        assert f"{field.title} (Biểu số" in report and f"là {average}/" in report


def test_remarks_are_highlighted_placeholders(document_and_content):
    document, _ = document_and_content
    placeholders = [p for p in document.paragraphs if p.text.startswith("[Nội dung nhận xét")]
    assert len(placeholders) == 4
    assert all(p.runs[0].italic and p.runs[0].font.highlight_color for p in placeholders)


def test_ranking_table_lists_every_unit(document_and_content, seed003):
    document, _ = document_and_content
    ranking = next(t for t in document.tables if t.rows[0].cells[0].text == "STT")
    body = ranking.rows[1:]
    assert len(body) == 27
    first = [cell.text for cell in body[0].cells]
    assert first[1:6] == ["Xã Tường Phù", "54,00", "77,14", "1", "B"]
