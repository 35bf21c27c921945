"""The spreadsheet vocabulary of criteria sets: column headers, header-block labels, values.

Offices type headers with or without Vietnamese accents, or in English; every alias is
compared after `header_key()` (fold accents and case, punctuation to spaces). Pure Python.
"""

import re

from parindex.textnorm import fold

# field -> (header written on export, other accepted headers)
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "code": ("STT/Mã", ("Mã", "STT", "Mã số", "Code")),
    "level": ("Cấp", ("Cấp độ", "Level")),
    "title": ("Nội dung", ("Nội dung đánh giá", "Title", "Content")),
    "max": ("Điểm tối đa", ("Điểm chuẩn", "Max", "Maximum", "Max points")),
    "evidence": ("Tài liệu kiểm chứng", ("Tài liệu", "Evidence")),
    "guidance": ("Hướng dẫn chấm điểm", ("Hướng dẫn", "Guidance")),
    "kind": ("Cách tính", ("Cách tính điểm", "Rule kind", "Kind", "Rule")),
    "config": ("Cấu hình", ("Cấu hình cách tính", "Config", "Rule config")),
    "department": ("Phòng phụ trách", ("Cơ quan phụ trách", "Đơn vị phụ trách", "Department")),
    "min": ("Điểm tối thiểu", ("Min", "Minimum", "Min points")),
    "year_end_only": ("Cuối năm", ("Chỉ đánh giá cuối năm", "Year end only", "Year end")),
    "survey": ("Điều tra XHH", ("Điều tra xã hội học", "Survey")),
    "na": ("Không áp dụng", ("N/A", "NA", "Not applicable")),
    "max_gap": ("Chênh lệch", ("Chênh lệch điểm tối đa", "Max gap")),
    "bonus": ("Điểm thưởng/trừ", ("Thưởng/trừ", "Điểm thưởng", "Bonus")),
}

# document key -> (label written on export, other accepted labels)
HEADER_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "format": ("Định dạng", ("Format",)),
    "code": ("Mã bộ tiêu chí", ("Mã bộ chỉ số", "Set code", "Code")),
    "title": ("Tên bộ tiêu chí", ("Tên bộ chỉ số", "Tên", "Title")),
    "year": ("Năm", ("Năm đánh giá", "Year")),
    "unit_kind": ("Loại đơn vị", ("Đối tượng đánh giá", "Unit kind", "Kind")),
    "decision": ("Quyết định", ("Quyết định ban hành", "Decision")),
    "scale_to": ("Thang điểm", ("Quy đổi", "Scale to", "Scale")),
    "groups": ("Xếp loại", ("Phân loại", "Groups", "Grades")),
}

# Level names by code depth (1 = field, 2 = criterion, 3+ = sub-criterion).
LEVELS = ("Lĩnh vực", "Tiêu chí", "Tiêu chí thành phần")

UNIT_KIND_WORDS = {
    "department": ("department", "sở", "sở, ban, ngành", "cơ quan"),
    "commune": ("commune", "xã", "xã, phường", "cấp xã"),
    "district": ("district", "huyện", "cấp huyện"),
    "province": ("province", "tỉnh", "cấp tỉnh"),
}
NA_WORDS = {
    "full": ("full", "tính đủ điểm", "đủ điểm", "tối đa"),
    "exclude": ("exclude", "loại trừ", "không tính", "trừ khỏi điểm tối đa"),
}
TRUE_WORDS = ("x", "có", "yes", "true", "1", "đúng")
FALSE_WORDS = ("", "không", "no", "false", "0", "sai")
# A row with no code whose content is one of these is a totals row: skipped on import.
TOTAL_WORDS = ("tổng", "tổng cộng", "tổng điểm", "total")

_PUNCTUATION = re.compile(r"[^0-9a-z]+")


def header_key(text: object) -> str:
    """'STT / Mã' -> 'stt ma'; 'Điều tra XHH' -> 'dieu tra xhh'."""
    return _PUNCTUATION.sub(" ", fold(str(text))).strip()


def _index(table: dict[str, tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    return {header_key(a): f for f, (main, more) in table.items() for a in (main, *more)}


def _word_index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {header_key(w): value for value, words in table.items() for w in words}


COLUMN_BY_KEY = _index(COLUMNS)
HEADER_BY_KEY = _index(HEADER_FIELDS)
UNIT_KIND_BY_KEY = _word_index(UNIT_KIND_WORDS)
NA_BY_KEY = _word_index(NA_WORDS)
BOOL_BY_KEY = {header_key(w): True for w in TRUE_WORDS} | {
    header_key(w): False for w in FALSE_WORDS
}
TOTAL_KEYS = frozenset(header_key(w) for w in TOTAL_WORDS)


def level_name(depth: int) -> str:
    return LEVELS[min(depth, len(LEVELS)) - 1]
