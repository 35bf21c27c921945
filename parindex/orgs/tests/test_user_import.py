"""User import: one row per role, Vietnamese or English role names, all or nothing."""

import pytest

from parindex.accounts.models import User
from parindex.audit.models import AuditEntry
from parindex.orgs.models import Membership, Role
from parindex.orgs.tests.factories import MembershipFactory, UnitFactory, UserFactory
from parindex.orgs.tests.helpers_tables import csv_upload, xlsx_upload
from parindex.orgs.user_table import import_users

pytestmark = pytest.mark.django_db
HEADER = "Tên đăng nhập,Họ và tên,Email,Mã đơn vị,Vai trò,Mã phòng\n"


def run(actor, text, update=False):
    return import_users(
        actor, csv_upload(HEADER + text, "users.csv"), "users.csv", update_existing=update
    )


def test_creates_users_with_roles_and_no_usable_password(organiser, commune, department):
    result = run(
        organiser,
        "lan,Lò Thị Lan,lan@example.test,PY-TUONGPHU,Cán bộ đầu mối,\n"
        "lan,Lò Thị Lan,lan@example.test,PY-TUONGPHU,thu truong don vi,\n"
        "minh,Cầm Văn Minh,,SL-PY,Appraiser,NV\n",
    )
    assert result.ok, result.messages()
    assert sorted(result.created) == ["lan", "minh"]
    assert result.extra["roles_added"] == 3
    lan = User.objects.get(username="lan")
    assert lan.full_name == "Lò Thị Lan"
    assert not lan.has_usable_password()
    assert set(lan.memberships.values_list("role", flat=True)) == {Role.REPORTER, Role.HEAD}
    minh_role = Membership.objects.get(user__username="minh")
    assert (minh_role.role, minh_role.department) == (Role.APPRAISER, department)


def test_bad_role_names_row_and_column_and_imports_nothing(organiser, commune):
    result = run(
        organiser,
        "lan,Lò Thị Lan,,PY-TUONGPHU,Cán bộ đầu mối,\nhoa,Hà Thị Hoa,,PY-TUONGPHU,Thủ quỹ,\n",
    )
    assert len(result.messages()) == 1
    assert result.messages()[0].startswith("Row 3, column 5 (Vai trò): “Thủ quỹ” is not one of")
    assert not User.objects.filter(username__in=["lan", "hoa"]).exists()


def test_appraiser_needs_a_department_of_the_unit_or_above(organiser, commune, district):
    result = run(
        organiser,
        "a1,,,SL-PY,Thẩm định,\na2,,,SL-PY,Thẩm định,XYZ\n",
    )
    assert [(p.row, p.column) for p in result.problems] == [(2, 6), (3, 6)]


def test_nearest_department_wins(organiser, commune, district, department, province):
    from parindex.orgs.tests.factories import DepartmentFactory

    DepartmentFactory(jurisdiction=province, code="NV", name="Sở Nội vụ")
    result = run(organiser, "a1,,,PY-TUONGPHU,Phòng phụ trách,NV\n")
    assert result.ok, result.messages()
    assert Membership.objects.get(user__username="a1").department == department


def test_unit_outside_scope_or_unknown(organiser, province, district):
    result = run(organiser, "x,,,SL,Viewer,\ny,,,NOPE,Viewer,\n")
    assert result.messages() == [
        "Row 2, column 4 (Mã đơn vị): Unit SL is outside your jurisdiction.",
        "Row 3, column 4 (Mã đơn vị): Unknown unit code NOPE.",
    ]


def test_existing_username_refused_unless_update(organiser, reporter, other_commune):
    text = "reporter,Lò Văn Báo Cáo,reporter@example.test,PY-TUONGTIEN,Viewer,\n"
    refused = run(organiser, text)
    assert "User reporter already exists" in refused.messages()[0]
    assert refused.problems[0].column == 1
    updated = run(organiser, text, update=True)
    assert updated.ok, updated.messages()
    assert updated.unchanged == 1  # name and e-mail are what the file says
    assert updated.extra["roles_added"] == 1
    assert reporter.memberships.count() == 2  # the old role stays


def test_update_changes_name_and_email_with_audit(organiser, reporter, commune):
    result = run(
        organiser, "reporter,Lò Văn Mới,moi@example.test,PY-TUONGPHU,Báo cáo,\n", update=True
    )
    assert result.updated == ["reporter"]
    reporter.refresh_from_db()
    assert (reporter.full_name, reporter.email) == ("Lò Văn Mới", "moi@example.test")
    entry = AuditEntry.objects.get(action="user.updated")
    assert entry.data["changes"]["email"] == ["reporter@example.test", "moi@example.test"]


def test_cannot_change_profile_of_someone_also_working_elsewhere(organiser, reporter, province):
    elsewhere = UnitFactory(code="SL-BY", parent=province)
    MembershipFactory(user=reporter, unit=elsewhere, role="organiser")
    result = run(organiser, "reporter,Tên Khác,,PY-TUONGPHU,Báo cáo,\n", update=True)
    assert "also works outside your jurisdiction" in result.messages()[0]


def test_user_without_role_in_scope_cannot_be_touched(organiser, commune, province):
    stranger = UserFactory(username="stranger")
    MembershipFactory(user=stranger, unit=UnitFactory(code="SL-X", parent=province))
    result = run(organiser, "stranger,,,PY-TUONGPHU,Báo cáo,\n", update=True)
    assert "has no role in your jurisdiction" in result.messages()[0]


def test_conflicting_rows_for_one_user(organiser, commune):
    result = run(
        organiser,
        "lan,Lò Thị Lan,,PY-TUONGPHU,Báo cáo,\n"
        "lan,Lò Thị Lân,,PY-TUONGPHU,Thủ trưởng,\n"
        "lan,Lò Thị Lan,,PY-TUONGPHU,Báo cáo,\n",
    )
    assert [str(p) for p in result.problems] == [
        "Row 3, column 2 (Họ và tên): Differs from row 2 for the same username.",
        "Row 4: Same as row 2.",
    ]


def test_invalid_username_and_email(organiser, commune):
    result = run(organiser, "có dấu cách,,not-an-email,PY-TUONGPHU,Báo cáo,\n")
    assert [(p.row, p.column) for p in result.problems] == [(2, 1), (2, 3)]


def test_xlsx_users(organiser, commune):
    upload = xlsx_upload(
        [
            ["Ten dang nhap", "Ho va ten", "Ma don vi", "Vai tro"],
            ["hung", "Vì Văn Hùng", "PY-TUONGPHU", "head"],
        ],
        name="users.xlsx",
    )
    result = import_users(organiser, upload, "users.xlsx")
    assert result.ok, result.messages()
    assert Membership.objects.get(user__username="hung").role == Role.HEAD
