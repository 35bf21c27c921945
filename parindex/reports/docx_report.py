"""The draft publication decision and its annexed report as one DOCX (python-docx).

One file, the decision first, a page break, then the report "kèm theo Quyết định": the office
edits one document (the remarks, the number and date at signing) and prints both. The format
is that of administrative documents (Nghị định 30/2020/NĐ-CP, seeds 002–004): A4, margins
20/20/30/15 mm, Times New Roman 14 pt (13 pt in the letterhead, 12 pt in tables), the
letterhead a borderless two-column table — issuing body and number left, the national motto
and the italic place and date right — and at the end "Nơi nhận" beside the signature.
Placeholders are italic, in brackets and highlighted, so nothing unwritten goes out unseen.
"""

from collections.abc import Callable, Iterable
from typing import IO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell

from parindex.reports import narrative, wording
from parindex.reports.content import ReportContent
from parindex.reports.narrative import Block

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
HEAD_SIZE = Pt(13)
TABLE_SIZE = Pt(12)
SMALL_SIZE = Pt(11)

Progress = Callable[[int], None]


def _setup(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, BODY_SIZE
    # East Asian and complex-script slots too, so Word never falls back to another font.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    spacing = style.paragraph_format
    spacing.space_before, spacing.space_after, spacing.line_spacing = Pt(0), Pt(6), 1.15
    table_style = document.styles.add_style("Bảng", 1)  # 1 = paragraph style
    table_style.base_style = style
    table_style.font.size = TABLE_SIZE
    table_style.paragraph_format.space_after = Pt(0)
    table_style.paragraph_format.line_spacing = 1.0


def _paragraph(
    cell_or_doc, text: str = "", *, bold=False, italic=False, size=None, align=None, style=None
):
    paragraph = cell_or_doc.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if size is not None:
            run.font.size = size
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _two_columns(document, widths: tuple[Cm, Cm]):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    cells = table.rows[0].cells
    for cell, width in zip(cells, widths, strict=True):
        cell.width = width
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)  # no empty first line
    return cells


def letterhead(document, block: Block) -> None:
    left, right = _two_columns(document, (Cm(6.5), Cm(10)))
    center = WD_ALIGN_PARAGRAPH.CENTER
    upper, body, number = block.lines
    _paragraph(left, upper, bold=True, size=HEAD_SIZE, align=center)
    _paragraph(left, body, bold=True, size=HEAD_SIZE, align=center)
    if number:
        _paragraph(left, number, size=HEAD_SIZE, align=center)
    _paragraph(right, wording.MOTTO, bold=True, size=Pt(12.5), align=center)
    _paragraph(right, wording.MOTTO_LINE2, bold=True, size=BODY_SIZE, align=center)
    _paragraph(right, block.extra[0], italic=True, size=BODY_SIZE, align=center)
    _paragraph(document)


def signature(document, block: Block) -> None:
    left, right = _two_columns(document, (Cm(8), Cm(8.5)))
    _paragraph(left, "Nơi nhận:", bold=True, italic=True, size=TABLE_SIZE)
    for line in block.lines:
        _paragraph(left, f"- {line}", size=SMALL_SIZE).paragraph_format.space_after = Pt(0)
    title, signer = block.extra
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(right, title, bold=True, align=center)
    for _ in range(3):
        _paragraph(right)
    _placeholder(right, signer).alignment = center


def _placeholder(container, text: str):
    paragraph = container.add_paragraph()
    run = paragraph.add_run(text)
    run.italic = True
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return paragraph


def table(document, block: Block) -> None:
    _paragraph(document, block.text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    grid = document.add_table(rows=1, cols=len(block.headers))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(grid.rows[0].cells, block.headers, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.style = document.styles["Bảng"]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(header).bold = True
    _repeat_header(grid.rows[0])
    for values in block.rows:
        # Row.cells lists every cell of the table to find its own: quadratic in the rows.
        cells = [_Cell(tc, grid) for tc in grid.add_row()._tr.tc_lst]
        for cell, value in zip(cells, values, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles["Bảng"]
            paragraph.add_run(value)
    _paragraph(document)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = properties.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    properties.append(header)


def _text(document, block: Block) -> None:
    justify, center = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER
    kind = block.kind
    if kind == narrative.TITLE or kind == narrative.CENTER:
        _paragraph(document, block.text, bold=True, align=center)
    elif kind == narrative.ITALIC_CENTER:
        _paragraph(document, block.text, italic=True, align=center)
    elif kind == narrative.MARK:
        _paragraph(document, block.text, bold=True, size=HEAD_SIZE, align=center)
    elif kind in (narrative.HEADING, narrative.SUBHEADING):
        _paragraph(
            document, block.text, bold=True, align=justify
        ).paragraph_format.first_line_indent = Cm(1)
    elif kind == narrative.PLACEHOLDER:
        _placeholder(document, block.text).paragraph_format.first_line_indent = Cm(1)
    else:
        text = f"- {block.text}" if kind == narrative.BULLET else block.text
        paragraph = _paragraph(document, text, align=justify)
        paragraph.paragraph_format.first_line_indent = Cm(1)


RENDERERS = {
    narrative.LETTERHEAD: letterhead,
    narrative.SIGNATURE: signature,
    narrative.TABLE: table,
    narrative.PAGE_BREAK: lambda document, block: document.add_page_break(),
}


def render(
    blocks: Iterable[Block], output: IO[bytes], title: str, progress: Progress | None = None
) -> None:
    document = Document()
    _setup(document)
    blocks = list(blocks)
    for number, block in enumerate(blocks, start=1):
        RENDERERS.get(block.kind, _text)(document, block)
        if progress and number % 10 == 0:
            progress(90 * number // len(blocks))
    document.core_properties.author = "parindex"
    document.core_properties.title = title
    document.save(output)
    if progress:
        progress(100)


def build_docx(
    content: ReportContent, output: IO[bytes], progress: Progress | None = None, now=None
) -> None:
    """The draft decision and the annexed report, one DOCX written to `output`."""
    title = f"{wording.INDEX_NAME} năm {content.year} — {content.jurisdiction}"
    render(narrative.decision_and_report(content, now), output, title, progress)
