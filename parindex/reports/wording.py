"""The official Vietnamese phrases of the documents, written once for XLSX, DOCX and PDF.

These documents are issued in Vietnamese whatever language the reader's interface is in (seed
003 is the model), so their titles and phrases are constants here rather than gettext msgids:
a translation catalogue would let an English session print an English "official" decision.
The interface around them (buttons, messages, job states) is translated as usual.
"""

from collections.abc import Iterable, Sequence
from decimal import Decimal

from parindex.reports import vi_format
from parindex.results.summary import GroupSummary

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_LINE2 = "Độc lập - Tự do - Hạnh phúc"
DRAFT_MARK = "DỰ THẢO"
PROVISIONAL_MARK = "SỐ LIỆU TẠM TÍNH (chưa được Hội đồng đánh giá thông qua)"
REMARK = "[Nội dung nhận xét, đánh giá: cơ quan thường trực soạn thảo, bổ sung trước khi trình ký]"
INDEX_NAME = "Chỉ số cải cách hành chính"

# Who is assessed, by the criteria set's unit kind (seed 003: "UBND các xã, thị trấn").
SUBJECTS = {
    "commune": "Ủy ban nhân dân các xã, phường, thị trấn",
    "ward": "Ủy ban nhân dân các xã, phường, thị trấn",
    "township": "Ủy ban nhân dân các xã, phường, thị trấn",
    "district": "Ủy ban nhân dân các huyện, thị xã, thành phố",
    "department": "các sở, ban, ngành",
}
DEFAULT_SUBJECT = "các cơ quan, đơn vị"
_JURISDICTION_WORDS = ("Tỉnh ", "Thành phố ", "Huyện ", "Thị xã ", "Quận ")


def subject(unit_kind: str | None) -> str:
    return SUBJECTS.get(unit_kind or "", DEFAULT_SUBJECT)


def place(jurisdiction: str) -> str:
    """ "Huyện Phù Yên" -> "Phù Yên" (the place line of the letter)."""
    for word in _JURISDICTION_WORDS:
        if jurisdiction.startswith(word):
            return jurisdiction[len(word) :]
    return jurisdiction


def in_text(jurisdiction: str) -> str:
    """ "Huyện Phù Yên" inside a sentence: "huyện Phù Yên" (only the common noun lowered)."""
    return jurisdiction[:1].lower() + jurisdiction[1:]


def issuer(jurisdiction: str) -> tuple[str, str]:
    """The issuing body's two lines: "ỦY BAN NHÂN DÂN" / "HUYỆN PHÙ YÊN"."""
    return "ỦY BAN NHÂN DÂN", jurisdiction.upper()


def chairman(jurisdiction: str) -> str:
    return f"CHỦ TỊCH ỦY BAN NHÂN DÂN {jurisdiction.upper()}"


def band(group: GroupSummary, upper: Decimal | None) -> str:
    """Seed 003's wording: "từ 70 điểm đến dưới 90 điểm", "từ 90 điểm trở lên", "dưới 50 điểm"."""
    low = group.minimum or Decimal(0)
    if upper is None:
        return f"từ {vi_format.number(low)} điểm trở lên"
    if not low:
        return f"dưới {vi_format.number(upper)} điểm"
    return f"từ {vi_format.number(low)} điểm đến dưới {vi_format.number(upper)} điểm"


def bands(groups: Sequence[GroupSummary]) -> list[tuple[GroupSummary, str]]:
    """Each group with its range; groups come highest first, each ending at the one above."""
    ranged, upper = [], None
    for group in groups:
        ranged.append((group, band(group, upper)))
        upper = group.minimum
    return ranged


def names(units: Iterable) -> str:
    """ "Tường Phù, Thị trấn, Tường Tiến" from UnitRefs (or anything with a name)."""
    return ", ".join(unit.name for unit in units)


def count(number: int) -> str:
    """Seed 003 writes small counts with two digits: "03 xã", "16 xã"."""
    return f"{number:02d}"
