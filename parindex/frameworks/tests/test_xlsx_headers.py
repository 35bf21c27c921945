from io import BytesIO

from openpyxl import Workbook

from parindex.frameworks.xlsx_format import read_xlsx


def _sheet(header_block: list[list], header: list, rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in [*header_block, [], header, *rows]:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def test_unaccented_vietnamese_headers_and_office_habits_are_read():
    data = _sheet(
        [
            ["Ma bo tieu chi", "xa-2023"],
            ["Ten bo tieu chi", "Bộ tiêu chí"],
            ["Nam", 2023],
            ["Loai don vi", "xã"],
            ["Xep loai", "A: 90; B: 70,5"],
        ],
        [
            "STT / Ma",
            "Noi dung",
            "Diem toi da",
            "Cach tinh",
            "Cau hinh",
            "Cuoi nam",
            "Khong ap dung",
        ],
        [
            ["1.", "Lĩnh vực", "1,5", None, None, None, None],
            [
                "1.1",
                "Tiêu chí",
                1.5,
                "proportional",
                "{floor: 80.5, target: '100'}",
                "x",
                "loại trừ",
            ],
            [None, "Tổng cộng", "=SUM(C11:C12)", None, None, None, None],
        ],
    )
    doc = read_xlsx(data).document
    assert doc["code"] == "xa-2023" and doc["year"] == 2023 and doc["unit_kind"] == "commune"
    assert doc["groups"] == [{"label": "A", "min": "90"}, {"label": "B", "min": "70.5"}]
    field = doc["nodes"][0]
    assert field["code"] == "1" and field["max"] == "1.5"
    leaf = field["children"][0]
    assert leaf["rule"] == {"kind": "proportional", "floor": "80.5", "target": "100"}
    assert leaf["year_end_only"] is True and leaf["na"] == "exclude"


def test_english_headers_are_read():
    data = _sheet(
        [["Set code", "c"], ["Title", "T"], ["Year", 2024], ["Unit kind", "district"]],
        ["Code", "Level", "Title", "Max", "Department", "Survey", "Bonus", "Min"],
        [["9", "Field", "Bonus block", 10, "NV", None, "yes", -10]],
    )
    node = read_xlsx(data).document["nodes"][0]
    assert node == {
        "code": "9",
        "title": "Bonus block",
        "max": "10",
        "min": "-10",
        "department": "NV",
        "bonus": True,
    }


def test_float_cells_keep_their_exact_decimal():
    data = _sheet([], ["Mã", "Nội dung", "Điểm tối đa"], [["7", "Lĩnh vực", 0.8042]])
    assert read_xlsx(data).document["nodes"][0]["max"] == "0.8042"
