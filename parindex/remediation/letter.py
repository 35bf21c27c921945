"""The plan as the official letter (công văn) in the shape of seeds 002 and 004.

Header table: issuing body, số/ký hiệu and trích yếu on the left; the national motto, place and
date on the right. Then "Kính gửi:" the departments, an opening paragraph, one numbered section
per field with a lettered item per task ("a. Tiêu chí 1.3.3 (…) trừ 01 điểm." — Hạn chế —
Trách nhiệm thực hiện — Thời hạn), the closing paragraph, "Nơi nhận" and the signature.
Times New Roman 14 (13 for "Nơi nhận"), as Decree 30/2020/NĐ-CP sets for administrative letters.
The letter is Vietnamese whatever the interface language: its fixed phrases are constants here.
"""

import io
import string
from collections.abc import Iterable

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from parindex.remediation.models import RemediationPlan, RemediationTask
from parindex.remediation.wording import vn_points

FONT = "Times New Roman"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
OPENING = (
    "Căn cứ kết quả xác định {campaign}, {unit} đạt {points}/{maximum} điểm{standing}. "
    "Trên cơ sở rà soát những tồn tại, hạn chế dẫn đến mất điểm các tiêu chí, tiêu chí thành "
    "phần, để khắc phục và nâng cao Chỉ số cải cách hành chính, đề nghị các cơ quan, đơn vị "
    "căn cứ chức năng, nhiệm vụ được giao thực hiện tốt các nội dung sau:"
)
CLOSING = (
    "Đây là nhiệm vụ quan trọng, đề nghị Thủ trưởng các cơ quan, đơn vị nghiêm túc triển khai "
    "thực hiện. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo về "
    "{body} để kịp thời chỉ đạo./."
)
NO_DEPARTMENT = "Các cơ quan, đơn vị có liên quan"


def _font(run, size: float, *, bold=False, italic=False) -> None:
    run.font.name, run.font.size = FONT, Pt(size)
    run.bold, run.italic = bold, italic
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _paragraph(container, text="", *, size=14, bold=False, italic=False, align=None, indent=True):
    paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent and align is None:
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.space_after = Pt(3)
    if text:
        _font(paragraph.add_run(text), size, bold=bold, italic=italic)
    return paragraph


def _cell_lines(cell, lines: Iterable[tuple[str, dict]]) -> None:
    cell.paragraphs[0].text = ""
    first = True
    for text, style in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(paragraph.add_run(text), style.get("size", 13), **style.get("font", {}))
        first = False


def _date_line(plan: RemediationPlan) -> str:
    place = f"{plan.place}, " if plan.place else ""
    day = plan.letter_date
    if day is None:
        return f"{place}ngày      tháng      năm"
    return f"{place}ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _header(document, plan: RemediationPlan) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    bold = {"font": {"bold": True}}
    _cell_lines(
        left,
        [
            (plan.issuing_body or plan.unit.name.upper(), bold),
            (f"Số: {plan.reference or '      /'}", {}),
            (plan.title, {"size": 12}),
        ],
    )
    _cell_lines(
        right,
        [
            (MOTTO[0], bold),
            (MOTTO[1], {"size": 14, **bold}),
            (_date_line(plan), {"size": 14, "font": {"italic": True}}),
        ],
    )


def addressees(tasks: Iterable[RemediationTask]) -> list[str]:
    names: dict[str, None] = {}
    for task in tasks:
        names[task.department.name if task.department else NO_DEPARTMENT] = None
    return list(names)


def criterion_line(task: RemediationTask) -> str:
    """ "Tiêu chí 7.3.2 (…) trừ 0,8042 điểm; Tiêu chí 7.3.3 (…) trừ 0,8255 điểm." """
    parts = [
        f"Tiêu chí {code} ({task.titles.get(code, '')}) trừ {vn_points(task.lost_of(code))} điểm"
        for code in task.codes
    ]
    return "; ".join(parts) + "."


def _task(document, letter: str, task: RemediationTask) -> None:
    _paragraph(document, f"{letter}. {criterion_line(task)}")
    _paragraph(document, f"* Hạn chế: {task.limitation}")
    responsible = task.department.name if task.department else NO_DEPARTMENT
    remedy = f"{responsible}. {task.remedy}" if task.remedy else f"{responsible}."
    _paragraph(document, f"* Trách nhiệm thực hiện: {remedy}")
    if task.deadline:
        _paragraph(document, f"* Thời hạn hoàn thành: {task.deadline:%d/%m/%Y}.")


def item_label(index: int) -> str:
    """a, b, c, … as the seeds letter their items; past z, numbers."""
    return string.ascii_lowercase[index] if index < 26 else str(index + 1)


def _field_heading(number: int, title: str) -> str:
    prefix = "" if title.lower().startswith("lĩnh vực") else "Lĩnh vực "
    return f"{number}. {prefix}{title}"


def _signature(document, plan: RemediationPlan) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    first = left.paragraphs[0]
    _font(first.add_run("Nơi nhận:"), 12, bold=True, italic=True)
    for line in ("- Như trên;", "- Lưu: VT."):
        _font(left.add_paragraph().add_run(line), 11)
    _cell_lines(
        right,
        [
            (plan.signer_title or "", {"size": 14, "font": {"bold": True}}),
            ("", {}),
            ("", {}),
            (plan.signer_name or "", {"size": 14, "font": {"bold": True}}),
        ],
    )


def build_letter(plan: RemediationPlan, fields, row) -> bytes:
    """`fields`: [(field node, tasks)] in order; `row`: the unit's snapshot row."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    _header(document, plan)
    tasks = [task for _field, items in fields for task in items]
    _paragraph(document, "Kính gửi:", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for name in addressees(tasks):
        _paragraph(document, f"- {name};", align=WD_ALIGN_PARAGRAPH.LEFT)
    standing = f", xếp thứ {row.rank}" if row is not None and row.rank else ""
    _paragraph(
        document,
        OPENING.format(
            campaign=plan.campaign.title,
            unit=plan.unit.name,
            points=vn_points(row.total) if row else "",
            maximum=vn_points(row.maximum) if row else "",
            standing=standing,
        ),
    )
    for number, (field, items) in enumerate(fields, 1):
        _paragraph(document, _field_heading(number, field.title), bold=True)
        for index, task in enumerate(items):
            _task(document, item_label(index), task)
    _paragraph(document, CLOSING.format(body=plan.issuing_body or plan.unit.name))
    _signature(document, plan)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
