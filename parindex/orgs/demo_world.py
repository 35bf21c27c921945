"""The demo jurisdiction: Sơn La province, Phù Yên district (abolished 1 July 2025) and the
27 communes ranked in seed 003, plus two post-merger communes with their lineage.

The 27 names are recovered from seed 003's group lists (its OCR lost the diacritics:
"Tudng Phu" → Tường Phù, "Ba D4"/"B4 P4" → Đá Đỏ, "Sudi Bau" → Suối Bau …), in the
seed's order: group B, then C, then D. The two merged communes and their weights are
illustrative demo values, not the official 2025 resolution.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from parindex.orgs.models import Role, UnitKind

DISTRICT_END = datetime.date(2025, 6, 30)
MERGER_DAY = datetime.date(2025, 7, 1)
DEMO_PASSWORD = "parindex-demo"  # noqa: S105 - published on purpose: demo sites only

PROVINCE = ("SL", "Tỉnh Sơn La")
DISTRICT = ("SL-PY", "Huyện Phù Yên")

# (code, name, kind) in seed 003's order.
COMMUNES = [
    ("PY-TUONGPHU", "Xã Tường Phù", UnitKind.COMMUNE),
    ("PY-TTPHUYEN", "Thị trấn Phù Yên", UnitKind.TOWNSHIP),
    ("PY-TUONGTIEN", "Xã Tường Tiến", UnitKind.COMMUNE),
    ("PY-TUONGPHONG", "Xã Tường Phong", UnitKind.COMMUNE),
    ("PY-HUYBAC", "Xã Huy Bắc", UnitKind.COMMUNE),
    ("PY-TUONGTHUONG", "Xã Tường Thượng", UnitKind.COMMUNE),
    ("PY-TANLANG", "Xã Tân Lang", UnitKind.COMMUNE),
    ("PY-HUYHA", "Xã Huy Hạ", UnitKind.COMMUNE),
    ("PY-QUANGHUY", "Xã Quang Huy", UnitKind.COMMUNE),
    ("PY-HUYTAN", "Xã Huy Tân", UnitKind.COMMUNE),
    ("PY-MUONGLANG", "Xã Mường Lang", UnitKind.COMMUNE),
    ("PY-GIAPHU", "Xã Gia Phù", UnitKind.COMMUNE),
    ("PY-MUONGBANG", "Xã Mường Bang", UnitKind.COMMUNE),
    ("PY-SAPXA", "Xã Sập Xa", UnitKind.COMMUNE),
    ("PY-MUONGCOI", "Xã Mường Cơi", UnitKind.COMMUNE),
    ("PY-MUONGDO", "Xã Mường Do", UnitKind.COMMUNE),
    ("PY-NAMPHONG", "Xã Nam Phong", UnitKind.COMMUNE),
    ("PY-DADO", "Xã Đá Đỏ", UnitKind.COMMUNE),
    ("PY-SUOIBAU", "Xã Suối Bau", UnitKind.COMMUNE),
    ("PY-BACPHONG", "Xã Bắc Phong", UnitKind.COMMUNE),
    ("PY-TANPHONG", "Xã Tân Phong", UnitKind.COMMUNE),
    ("PY-TUONGHA", "Xã Tường Hạ", UnitKind.COMMUNE),
    ("PY-KIMBON", "Xã Kim Bon", UnitKind.COMMUNE),
    ("PY-SUOITO", "Xã Suối Tọ", UnitKind.COMMUNE),
    ("PY-HUYTHUONG", "Xã Huy Thượng", UnitKind.COMMUNE),
    ("PY-MUONGTHAI", "Xã Mường Thải", UnitKind.COMMUNE),
    ("PY-HUYTUONG", "Xã Huy Tường", UnitKind.COMMUNE),
]

# Communes formed on 1 July 2025 (directly under the province): code, name, lineage.
MERGED_COMMUNES = [
    (
        "SL-PHUYEN",
        "Xã Phù Yên",
        [("PY-TTPHUYEN", Decimal("0.6")), ("PY-HUYHA", Decimal("0.4"))],
    ),
    (
        "SL-GIAPHU",
        "Xã Gia Phù",
        [
            ("PY-GIAPHU", Decimal("0.5")),
            ("PY-TUONGPHU", Decimal("0.3")),
            ("PY-TUONGTHUONG", Decimal("0.2")),
        ],
    ),
]

# Departments that own criteria: code → (district office, provincial department).
DEPARTMENTS = {
    "NV": ("Phòng Nội vụ", "Sở Nội vụ"),
    "TP": ("Phòng Tư pháp", "Sở Tư pháp"),
    "TCKH": ("Phòng Tài chính – Kế hoạch", "Sở Tài chính"),
    "VHTT": ("Phòng Văn hóa – Thông tin", "Sở Văn hóa, Thể thao và Du lịch"),
    "VP": ("Văn phòng HĐND-UBND huyện", "Văn phòng UBND tỉnh"),
    "KTHT": ("Phòng Kinh tế – Hạ tầng", "Sở Xây dựng"),
    "NNPTNT": ("Phòng Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    "TNMT": ("Phòng Tài nguyên và Môi trường", "Sở Tài nguyên và Môi trường"),
    "YT": ("Phòng Y tế", "Sở Y tế"),
    "CA": ("Công an huyện", "Công an tỉnh"),
}


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: str
    unit_code: str
    department: tuple[str, str] | None = None  # (jurisdiction code, department code)


USERS = [
    DemoUser("organiser", "Trần Thị Tổ Chức", Role.ORGANISER, "SL", ("SL", "NV")),
    DemoUser("reporter", "Lò Văn Báo Cáo", Role.REPORTER, "PY-TUONGPHU"),
    DemoUser("head", "Hà Văn Chủ Tịch", Role.HEAD, "PY-TUONGPHU"),
    DemoUser("appraiser", "Đinh Thị Thẩm Định", Role.APPRAISER, "SL-PY", ("SL-PY", "NV")),
    DemoUser("council", "Cầm Văn Hội Đồng", Role.COUNCIL, "SL-PY"),
    DemoUser("dept_owner", "Vì Thị Phụ Trách", Role.DEPARTMENT_OWNER, "SL-PY", ("SL-PY", "TCKH")),
    DemoUser("viewer", "Lường Văn Lãnh Đạo", Role.VIEWER, "SL"),
    DemoUser("outsider", "Quàng Văn Xã Khác", Role.REPORTER, "PY-TUONGTIEN"),
]
