"""The PDFs read back with pypdf: diacritics survive, the figures are the summary's, a
scorecard is one page. Rendering costs about a second: two documents in this file."""

import io

import pypdf
import pytest

from parindex.reports.content import report_content
from parindex.reports.pdf import LocalOnlyFetcher, build_report_pdf, build_scorecards_pdf


def _pdf_text(data: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def test_report_pdf_keeps_diacritics_and_figures(seed003):
    content = report_content(seed003["snapshot"])
    buffer = io.BytesIO()
    build_report_pdf(content, buffer)
    _, text = _pdf_text(buffer.getvalue())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Xã Tường Phù đạt điểm cao nhất (77,14/100 điểm)" in text
    assert "tỷ lệ 14,8%" in text and "tỷ lệ 59,3%" in text and "tỷ lệ 25,9%" in text
    assert "Xã Huy Tường" in text and "III. KẾT QUẢ CHỈ SỐ CCHC NĂM 2022" in text
    assert "Nội dung nhận xét, đánh giá" in text


def test_one_page_scorecard_per_unit(seed003):
    content = report_content(seed003["snapshot"])
    buffer = io.BytesIO()
    build_scorecards_pdf(content, buffer, units=["PY-TUONGPHU", "PY-26"])
    pages, text = _pdf_text(buffer.getvalue())
    assert pages == 2
    assert "Xã Tường Phù" in text and "Xã Huy Tường" in text
    assert "77,14%" in text and "1/27" in text
    assert "PHIẾU KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022" in text


@pytest.mark.parametrize(
    "url", ["http://example.com/x.css", "file:///etc/passwd", "https://cdn.invalid/font.woff"]
)
def test_nothing_outside_the_static_folder_is_fetched(url):
    with pytest.raises(ValueError, match="Refused"):
        LocalOnlyFetcher().fetch(url)
