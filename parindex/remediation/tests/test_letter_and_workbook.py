"""The plan as seed 004's letter, read back with python-docx; as a workbook, read back with
openpyxl; points written the Vietnamese way."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from parindex.remediation.models import RemediationTask
from parindex.remediation.services import build_plan
from parindex.remediation.tests.factories import SEED_004_LOST
from parindex.remediation.wording import vn_points


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("1", "01"),
        ("1.0000", "01"),
        ("0.75", "0,75"),
        ("1.5", "1,5"),
        ("0.8042", "0,8042"),
        ("12", "12"),
        ("0.0100", "0,01"),
    ],
)
def test_points_are_written_as_the_seeds_write_them(value, text):
    assert vn_points(Decimal(value)) == text


@pytest.fixture
def plan(organiser, commune, campaign, snapshot):
    plan = build_plan(
        organiser,
        commune,
        campaign,
        snapshot_id=snapshot.pk,
        codes=list(SEED_004_LOST),
        grouped=["7.3.2", "7.3.3"],
        letter={
            "title": "V/v khắc phục tồn tại, hạn chế năm 2022",
            "issuing_body": "ỦY BAN NHÂN DÂN HUYỆN PHÙ YÊN",
            "reference": "125/UBND-NV",
            "place": "Phù Yên",
            "letter_date": datetime.date(2023, 3, 15),
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Nguyễn Văn A",
        },
    )
    RemediationTask.objects.filter(plan=plan).update(
        remedy="Chủ trì tham mưu khắc phục", deadline=datetime.date(2023, 6, 30)
    )
    return plan


def _text(document) -> str:
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [p.text for cell in table._cells for p in cell.paragraphs]
    return "\n".join(lines)


def test_the_letter_lists_each_criterion_with_its_deduction(client_for, organiser, plan):
    response = client_for(organiser).get(reverse("remediation:plan_letter", args=[plan.pk]))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    text = _text(document)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Số: 125/UBND-NV" in text and "Phù Yên, ngày 15 tháng 03 năm 2023" in text
    assert "Kính gửi:" in text
    for name in ("Phòng Nội vụ", "Phòng Văn hóa - Thông tin", "Văn phòng HĐND và UBND"):
        assert f"- {name};" in text
    assert "1. Lĩnh vực Công tác chỉ đạo điều hành" in text
    assert "2. Lĩnh vực Xây dựng và phát triển chính quyền điện tử" in text
    assert "a. Tiêu chí 1.3.3 (Xử lý các vấn đề phát hiện qua kiểm tra CCHC) trừ 01 điểm." in text
    assert "Tiêu chí 1.4.3 (Mức độ đa dạng trong tuyên truyền CCHC) trừ 0,75 điểm." in text
    assert "trừ 0,8042 điểm; Tiêu chí 7.3.3" in text and "trừ 0,8255 điểm." in text
    assert "* Hạn chế:" in text
    assert "* Trách nhiệm thực hiện: Phòng Nội vụ. Chủ trì tham mưu khắc phục" in text
    assert "* Thời hạn hoàn thành: 30/06/2023." in text
    assert "Nơi nhận:" in text and "Nguyễn Văn A" in text
    fonts = {run.font.name for p in document.paragraphs for run in p.runs}
    assert fonts == {"Times New Roman"}
    sizes = {run.font.size.pt for p in document.paragraphs for run in p.runs}
    assert sizes <= {13.0, 14.0}


def test_the_workbook_has_a_row_per_node_with_decimal_points(client_for, organiser, plan):
    response = client_for(organiser).get(reverse("remediation:plan_xlsx", args=[plan.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    lost = {row[2]: Decimal(str(row[4])) for row in rows}
    assert lost == {code: Decimal(value) for code, value in SEED_004_LOST.items()}
    assert {row[0] for row in rows if row[2] in ("7.3.2", "7.3.3")} == {4}  # one grouped task
