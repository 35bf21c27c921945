"""The text of the publication decision and of its annexed report, as a list of blocks.

One list serves the DOCX and the PDF (each renders the blocks its own way), so both say the
same words with the same figures. The order and the headings follow seed 003: the decision
(Quyết định công bố), then the report: I. organisation of the assessment, II. how it was carried
out (late submissions by name and time), III. results (every figure from the snapshot's
summary), IV. remarks and V. next steps, which the office writes: they are placeholders,
visibly marked, never invented text.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from parindex.reports import vi_format, wording
from parindex.reports.content import ReportContent
from parindex.results.summary import Movement

TITLE, CENTER, ITALIC_CENTER, HEADING, SUBHEADING = (
    "title",
    "center",
    "italic_center",
    "heading",
    "subheading",
)
PARAGRAPH, BULLET, PLACEHOLDER, TABLE, PAGE_BREAK = (
    "paragraph",
    "bullet",
    "placeholder",
    "table",
    "page_break",
)
LETTERHEAD, SIGNATURE, MARK = "letterhead", "signature", "mark"


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    lines: tuple[str, ...] = ()  # letterhead: issuer lines, number; signature: recipients
    extra: tuple[str, ...] = ()  # letterhead: place and date; signature: signer lines
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = field(default=())


def _year_blank(now: datetime.datetime | None = None) -> int:
    return timezone.localtime(now or timezone.now()).year


def letterhead(content: ReportContent, number: str | None, now=None) -> Block:
    place = wording.place(content.jurisdiction)
    dated = f"{place}, ngày      tháng      năm {_year_blank(now)}"
    lines = wording.issuer(content.jurisdiction)
    return Block(LETTERHEAD, lines=(*lines, number or ""), extra=(dated,))


def _subject_line(content: ReportContent) -> str:
    subject = wording.subject(content.framework.unit_kind)
    place = wording.in_text(content.jurisdiction)
    return f"{wording.INDEX_NAME} năm {content.year} của {subject} trên địa bàn {place}"


def decision(content: ReportContent, now=None) -> list[Block]:
    subject = _subject_line(content)
    blocks = [
        letterhead(content, "Số:        /QĐ-UBND", now),
        Block(MARK, wording.DRAFT_MARK),
        Block(TITLE, "QUYẾT ĐỊNH"),
        Block(CENTER, f"Về việc công bố {subject[0].lower()}{subject[1:]}"),
        Block(TITLE, wording.chairman(content.jurisdiction)),
        Block(PARAGRAPH, "Căn cứ Luật Tổ chức chính quyền địa phương;"),
    ]
    if content.framework.decision:
        blocks.append(
            Block(
                PARAGRAPH,
                f"Căn cứ {content.framework.decision} ban hành Bộ tiêu chí xác định "
                f"{wording.INDEX_NAME.lower()} ({content.framework.title});",
            )
        )
    blocks += [
        Block(PLACEHOLDER, "[Các căn cứ khác: kế hoạch, quyết định thành lập Hội đồng đánh giá…]"),
        Block(
            PARAGRAPH,
            "Theo đề nghị của cơ quan thường trực Hội đồng đánh giá "
            f"{wording.INDEX_NAME.lower()} tại Tờ trình số      ngày    /    /{_year_blank(now)}.",
        ),
        Block(TITLE, "QUYẾT ĐỊNH:"),
        Block(PARAGRAPH, f"Điều 1. Công bố {subject} (có báo cáo kèm theo)."),
        Block(
            PARAGRAPH,
            f"Điều 2. Căn cứ {wording.INDEX_NAME} năm {content.year}, các cơ quan, đơn vị quán "
            "triệt, rút kinh nghiệm, có các giải pháp để đẩy mạnh cải cách hành chính, cải thiện "
            f"{wording.INDEX_NAME} trong những năm tiếp theo.",
        ),
        Block(
            PARAGRAPH,
            "Điều 3. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan và "
            f"{wording.subject(content.framework.unit_kind)} chịu trách nhiệm thi hành Quyết "
            "định này./.",
        ),
        Block(
            SIGNATURE,
            lines=("Như Điều 3;", "Sở Nội vụ;", "Lãnh đạo UBND;", "Lưu: VT, NV."),
            extra=("CHỦ TỊCH", "[Ký, ghi rõ họ tên]"),
        ),
    ]
    return blocks


def _changed(value, up: str, down: str, same: str) -> str:
    if value is None:
        return ""
    if value > 0:
        return f"{up} {vi_format.number(value)} điểm"
    if value < 0:
        return f"{down} {vi_format.number(-value)} điểm"
    return same


def _movement(move: Movement, verb: str, year: int | None, total: str) -> str:
    names = wording.names(move.units)
    tail = f" ({total})" if total else ""
    return f"Có {wording.count(len(move.units))} đơn vị {verb} so với năm {year}: {names}{tail}."


def part_one(content: ReportContent) -> list[Block]:
    shapes = content.shapes
    criteria = sum(shape.criteria for shape in shapes)
    sub = sum(shape.sub_criteria for shape in shapes)
    blocks = [
        Block(HEADING, f"I. CÔNG TÁC TỔ CHỨC THỰC HIỆN ĐÁNH GIÁ CHỈ SỐ CCHC NĂM {content.year}"),
        Block(
            PARAGRAPH,
            f"1. Đối tượng đánh giá: {wording.subject(content.framework.unit_kind)} "
            f"({wording.count(content.unit_count)} đơn vị).",
        ),
        Block(PARAGRAPH, f"2. Phương pháp xác định {wording.INDEX_NAME} (CCHC)"),
        Block(
            BULLET,
            "Tự đánh giá: các đơn vị tự theo dõi, đánh giá và chấm điểm kết quả thực hiện nhiệm "
            "vụ CCHC theo các tiêu chí, tiêu chí thành phần của Bộ tiêu chí "
            f"({content.framework.title}), kèm theo tài liệu kiểm chứng.",
        ),
        Block(
            BULLET,
            "Tổ chức thẩm định: Hội đồng đánh giá và Tổ giúp việc thẩm định điểm tự đánh giá "
            "căn cứ tài liệu kiểm chứng (bước 1), các đơn vị giải trình, bổ sung; thẩm định "
            "bước 2 và Hội đồng thống nhất kết quả.",
        ),
        Block(
            PARAGRAPH,
            "2.1. Thang điểm: kết quả thẩm định được quy về thang điểm 100, đơn vị tính là %.",
        ),
        Block(
            PARAGRAPH,
            f"2.2. Bộ tiêu chí gồm {wording.count(len(shapes))} lĩnh vực, "
            f"{wording.count(criteria)} tiêu chí và {wording.count(sub)} tiêu chí thành phần "
            "như sau:",
        ),
    ]
    for number, shape in enumerate(shapes, start=1):
        parts = f"{wording.count(shape.criteria)} tiêu chí"
        if shape.sub_criteria:
            parts += f" và {wording.count(shape.sub_criteria)} tiêu chí thành phần"
        blocks.append(
            Block(
                PARAGRAPH,
                f"({number}) {shape.title}: {parts} "
                f"(tối đa {vi_format.number(shape.maximum)} điểm);",
            )
        )
    return blocks


def part_two(content: ReportContent) -> list[Block]:
    late = content.summary.late
    on_time = content.unit_count - len(late)
    text = (
        f"Đến hạn {vi_format.moment(content.submit_due)}, {on_time}/{content.unit_count} đơn vị "
        "đã hoàn thành việc tự đánh giá, chấm điểm trên phần mềm và gửi về cơ quan thường trực "
        "đúng quy định"
    )
    if late:
        named = "; ".join(
            f"{unit.name} (gửi lúc {vi_format.moment(unit.submitted_at)})" for unit in late
        )
        text += f" ({wording.count(len(late))} đơn vị gửi quá hạn gồm: {named})."
    else:
        text += "; không có đơn vị gửi quá hạn."
    return [
        Block(HEADING, f"II. TÌNH HÌNH TRIỂN KHAI XÁC ĐỊNH CHỈ SỐ CCHC NĂM {content.year}"),
        Block(SUBHEADING, "1. Công tác tự đánh giá, chấm điểm"),
        Block(PARAGRAPH, text),
        Block(SUBHEADING, "2. Công tác thẩm định, đối chiếu kết quả"),
        Block(
            PLACEHOLDER,
            "[Thành phần Hội đồng đánh giá, Tổ giúp việc; thời gian thẩm định bước 1, thông báo "
            "kết quả, giải trình, thẩm định bước 2; Hội đồng thống nhất kết quả]",
        ),
    ]


def _results_general(content: ReportContent) -> list[Block]:
    summary, index = content.summary, content.summary.index
    if index is None:
        return [Block(PARAGRAPH, "Chưa có đơn vị nào có kết quả chỉ số.")]
    previous = summary.previous_year
    change = _changed(summary.average_change, "tăng", "giảm", "không đổi")
    change = f" ({change} so với năm {previous})" if change else ""
    blocks = [
        Block(
            PARAGRAPH,
            f"Tổng điểm trung bình chung đạt được của các đơn vị là "
            f"{vi_format.number(index.average)}/100 điểm{change}. Trong đó "
            f"{wording.names(index.highest_units)} đạt điểm cao nhất "
            f"({vi_format.number(index.highest)}/100 điểm), "
            f"{wording.names(index.lowest_units)} có số điểm thấp nhất "
            f"({vi_format.number(index.lowest)}/100 điểm), cụ thể:",
        )
    ]
    for group, text in wording.bands(summary.groups):
        if group.count:
            body = (
                f"gồm {wording.count(group.count)} đơn vị: {wording.names(group.units)}, "
                f"tỷ lệ {vi_format.percent(group.share)}."
            )
        else:
            body = "Không có."
        blocks.append(Block(BULLET, f"Nhóm {group.label} ({text}): {body}"))
    if summary.compared:
        blocks += _movements(content)
    gap = f"Khoảng cách giữa đơn vị cao nhất và thấp nhất là {vi_format.number(index.gap)} điểm"
    if summary.gap_change is not None:
        moved = _changed(summary.gap_change, "nới rộng", "thu hẹp", "không đổi")
        gap += f" (so với năm {previous}: {moved})"
    blocks.append(
        Block(
            BULLET,
            f"{gap}; có {wording.count(index.above_average)} đơn vị đạt {wording.INDEX_NAME} "
            "trên giá trị trung bình.",
        )
    )
    blocks += _merged(content)
    return blocks


def _movements(content: ReportContent) -> list[Block]:
    summary, year = content.summary, content.summary.previous_year
    lines = []
    for move, verb, total in (
        (summary.score_up, "tăng điểm", "tăng"),
        (summary.score_down, "giảm điểm", "giảm"),
    ):
        if move.units:
            amount = f"{total} {vi_format.number(move.points)} điểm"
            lines.append(Block(BULLET, _movement(move, verb, year, amount)))
    for move, verb in (
        (summary.rank_up, "tăng bậc"),
        (summary.rank_kept, "giữ bậc"),
        (summary.rank_down, "giảm bậc"),
    ):
        if move.units:
            lines.append(Block(BULLET, _movement(move, verb, year, "")))
    return lines


def _merged(content: ReportContent) -> list[Block]:
    merged = content.merged
    if not merged:
        return []
    parts = "; ".join(
        f"{unit.name} (từ {', '.join(part.name for part in unit.merged_from)})" for unit in merged
    )
    return [
        Block(
            BULLET,
            "Đối với đơn vị hình thành sau sắp xếp, kết quả năm trước là bình quân gia quyền "
            f"kết quả của các đơn vị trước sắp xếp: {parts}.",
        )
    ]


def part_three(content: ReportContent) -> list[Block]:
    blocks = [
        Block(HEADING, f"III. KẾT QUẢ CHỈ SỐ CCHC NĂM {content.year}"),
        Block(SUBHEADING, "1. Kết quả chung (Biểu số 1, 2)"),
        *_results_general(content),
        Block(SUBHEADING, "2. Kết quả của các lĩnh vực (Biểu số 3)"),
    ]
    for number, field_summary in enumerate(content.summary.fields, start=4):
        blocks.append(
            Block(
                BULLET,
                f"{field_summary.title} (Biểu số {number}): điểm trung bình đạt được là "
                f"{vi_format.number(field_summary.average)}/"
                f"{vi_format.number(field_summary.maximum)} điểm.",
            )
        )
    return blocks


def part_four() -> list[Block]:
    return [
        Block(HEADING, "IV. NHẬN XÉT, ĐÁNH GIÁ"),
        Block(SUBHEADING, "1. Ưu điểm"),
        Block(PLACEHOLDER, wording.REMARK),
        Block(SUBHEADING, "2. Hạn chế"),
        Block(PLACEHOLDER, wording.REMARK),
        Block(SUBHEADING, "3. Nguyên nhân"),
        Block(PLACEHOLDER, wording.REMARK),
        Block(HEADING, "V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"),
        Block(PLACEHOLDER, wording.REMARK),
    ]


def ranking_table(content: ReportContent) -> Block:
    rows = tuple(
        (
            str(number),
            line.name,
            vi_format.fixed(line.unit.total),
            vi_format.fixed(line.unit.index),
            str(line.unit.rank or "-"),
            line.unit.group or "-",
            vi_format.signed(line.unit.score_change),
            vi_format.signed(line.unit.rank_change),
        )
        for number, line in enumerate(content.units, start=1)
    )
    headers = (
        "STT",
        "Đơn vị",
        "Tổng điểm",
        "Chỉ số (%)",
        "Xếp hạng",
        "Nhóm",
        "Tăng, giảm điểm",
        "Tăng, giảm bậc",
    )
    return Block(
        TABLE,
        f"Biểu số 2. Xếp hạng {wording.INDEX_NAME} năm {content.year}",
        headers=headers,
        rows=rows,
    )


def fields_table(content: ReportContent) -> Block:
    rows = tuple(
        (
            f"{field_summary.code}. {field_summary.title}",
            vi_format.fixed(field_summary.maximum),
            vi_format.fixed(field_summary.average),
            vi_format.fixed(field_summary.average_percent),
            vi_format.fixed(field_summary.spread.highest),
            vi_format.fixed(field_summary.spread.lowest),
            str(field_summary.spread.above_average),
        )
        for field_summary in content.summary.fields
    )
    headers = ("Lĩnh vực", "Tối đa", "Trung bình", "Tỷ lệ (%)", "Cao nhất", "Thấp nhất", "Trên TB")
    return Block(
        TABLE, f"Biểu số 3. Kết quả theo lĩnh vực năm {content.year}", headers=headers, rows=rows
    )


def report(content: ReportContent, now=None) -> list[Block]:
    """The annexed report (also the PDF's whole text)."""
    blocks = [letterhead(content, None, now)]
    if content.provisional:
        blocks.append(Block(MARK, wording.PROVISIONAL_MARK))
    blocks += [
        Block(TITLE, "BÁO CÁO"),
        Block(
            CENTER,
            f"Kết quả xác định {_subject_line(content)[0].lower()}{_subject_line(content)[1:]}",
        ),
        Block(
            ITALIC_CENTER,
            f"(Kèm theo Quyết định số        /QĐ-UBND ngày    /    /{_year_blank(now)} của "
            f"Ủy ban nhân dân {wording.in_text(content.jurisdiction)})",
        ),
        *part_one(content),
        *part_two(content),
        *part_three(content),
        *part_four(),
        ranking_table(content),
        fields_table(content),
    ]
    return blocks


def decision_and_report(content: ReportContent, now=None) -> list[Block]:
    """The DOCX: the draft decision, a page break, the report as its annex."""
    return [*decision(content, now), Block(PAGE_BREAK), *report(content, now)]
