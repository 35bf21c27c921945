"""A small valid criteria set with the awkward bits: Vietnamese, 4 decimals, multi-line text."""

import copy

SAMPLE = {
    "format": "parindex-framework/1",
    "code": "commune-2022",
    "title": "Bộ chỉ số CCHC cấp xã năm 2022",
    "year": 2022,
    "unit_kind": "commune",
    "decision": "Quyết định số 1550/QĐ-UBND ngày 07/9/2022",
    "scale_to": "100",
    "groups": [
        {"label": "A", "min": "90"},
        {"label": "B", "min": "70"},
        {"label": "C", "min": "50"},
        {"label": "D", "min": "0"},
    ],
    "nodes": [
        {
            "code": "1",
            "title": "Công tác chỉ đạo, điều hành CCHC",
            "max": "2.8042",
            "department": "NV",
            "children": [
                {
                    "code": "1.1",
                    "title": "Ban hành kế hoạch CCHC năm",
                    "max": "0.5",
                    "evidence": "Kế hoạch CCHC năm của UBND xã",
                    "guidance": "Ban hành trong tháng 1: 0,5 điểm.\nBan hành sau tháng 1: 0 điểm.",
                    "rule": {
                        "kind": "deadline",
                        "due": "01-31",
                        "tiers": [{"days_late": 0, "points": "0.5"}],
                        "otherwise": "0",
                    },
                },
                {
                    "code": "1.2",
                    "title": "Tỷ lệ hồ sơ giải quyết trực tuyến",
                    "max": "0.8042",
                    "na": "exclude",
                    "rule": {"kind": "proportional", "floor": "80", "target": "85"},
                },
                {
                    "code": "1.3",
                    "title": "Xếp loại duy trì ISO 9001",
                    "max": "1",
                    "year_end_only": True,
                    "rule": {
                        "kind": "choice",
                        "options": [
                            {"key": "tot", "label": "Tốt", "points": "1"},
                            {"key": "dat", "label": "Đạt", "points": "0.5"},
                        ],
                    },
                },
                {
                    "code": "1.4",
                    "title": "Có kế hoạch tuyên truyền",
                    "max": "0.5",
                    "min": "-0.5",
                    "rule": {"kind": "yes_no", "yes": "0.5", "no": "-0.5"},
                },
            ],
        },
        {
            "code": "2",
            "title": "Sự hài lòng của người dân",
            "max": "3",
            "max_gap": "1",
            "children": [
                {
                    "code": "2.1",
                    "title": "Điều tra xã hội học",
                    "max": "2",
                    "survey": True,
                    "rule": {"kind": "survey"},
                },
            ],
        },
        {
            "code": "B",
            "title": "Điểm thưởng, điểm trừ",
            "max": "1",
            "min": "-1",
            "bonus": True,
            "rule": {"kind": "manual", "step": "0.25"},
        },
    ],
}


def sample_document() -> dict:
    """A fresh deep copy of SAMPLE (tests change it freely)."""
    return copy.deepcopy(SAMPLE)


def find_node(doc: dict, code: str) -> dict:
    stack = list(doc["nodes"])
    while stack:
        node = stack.pop()
        if node["code"] == code:
            return node
        stack.extend(node.get("children", []))
    raise KeyError(code)
