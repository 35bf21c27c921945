"""Users and their roles as a table: import from and export to CSV/XLSX.

One row per role: the same username on several rows gives that person several roles (its
name and e-mail must then agree on every row). Units and departments must already exist.
An existing username is refused unless "update existing" is ticked; then its name and e-mail
are replaced (only if all its roles are inside the organiser's jurisdiction) and the file's
roles are added — roles missing from the file are never removed by an import.
Imported accounts have no password: people set one with "Forgot your password?".
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from parindex.accounts.models import User
from parindex.orgs import access
from parindex.orgs.import_result import AllOrNothingImport, ImportResult
from parindex.orgs.models import Department, Membership, Role, Unit
from parindex.orgs.services import add_membership, create_user, update_user
from parindex.orgs.tabular_import import (
    CellError,
    Column,
    Row,
    Table,
    UnreadableTable,
    choice_parser,
    read_table,
)
from parindex.orgs.unit_tree import in_tree_order

USER_COLUMNS = (
    Column("username", ("Tên đăng nhập", "Tài khoản", "Username", "Login"), required=True),
    Column("full_name", ("Họ và tên", "Họ tên", "Full name", "Name")),
    Column("email", ("Email", "E-mail", "Thư điện tử")),
    Column("unit", ("Mã đơn vị", "Đơn vị", "Unit code", "Unit"), required=True),
    Column("role", ("Vai trò", "Role"), required=True),
    Column("department", ("Mã phòng", "Mã phòng ban", "Phòng", "Department code", "Department")),
)

# Canonical (exported) name first; English names and keys are accepted too.
ROLE_NAMES = {
    Role.ORGANISER: ("Tổ chức đánh giá", "Tổ chức", "Người tổ chức", "Organiser", "Organizer"),
    Role.REPORTER: ("Cán bộ đầu mối", "Đầu mối", "Báo cáo", "Người báo cáo", "Unit reporter"),
    Role.HEAD: ("Thủ trưởng đơn vị", "Thủ trưởng", "Lãnh đạo đơn vị", "Unit head", "Head"),
    Role.APPRAISER: ("Thẩm định", "Người thẩm định", "Tổ giúp việc", "Appraiser"),
    Role.COUNCIL: ("Thành viên hội đồng", "Hội đồng", "Council member", "Council"),
    Role.DEPARTMENT_OWNER: ("Phòng phụ trách", "Đơn vị phụ trách", "Department owner"),
    Role.VIEWER: ("Xem báo cáo", "Người xem", "Lãnh đạo", "Viewer", "Leader"),
}
parse_role = choice_parser(ROLE_NAMES)
DEPARTMENT_ROLES = frozenset({Role.APPRAISER, Role.DEPARTMENT_OWNER})


def parse_username(text: str) -> str:
    if len(text) > 150:
        raise CellError(_("At most 150 characters."))
    try:
        User.username_validator(text)
    except ValidationError as exc:
        raise CellError(" ".join(exc.messages)) from None
    return text


def parse_email(text: str) -> str:
    if text:
        try:
            validate_email(text)
        except ValidationError:
            raise CellError(_("“%(text)s” is not an e-mail address.") % {"text": text}) from None
    return text


@dataclass
class RoleRow:
    cells: Row
    username: str
    full_name: str
    email: str
    unit: Unit | None = None
    role: str | None = None
    department: Department | None = None

    @property
    def number(self) -> int:
        return self.cells.number


class UserImport(AllOrNothingImport):
    action = "users.imported"

    def __init__(self, actor: User, table: Table, update_existing: bool, filename: str):
        super().__init__(actor, table, update_existing, filename)
        self.rows: list[RoleRow] = []
        self.people: dict[str, RoleRow] = {}  # username → its first row

    def read_rows(self) -> None:
        table = self.table
        for row in table.rows:
            username = table.require(row, "username")
            username = table.convert(row, "username", parse_username) if username else ""
            role_row = RoleRow(
                cells=row,
                username=username or "",
                full_name=row.get("full_name"),
                email=table.convert(row, "email", parse_email) or "",
                role=table.convert(row, "role", parse_role) if table.require(row, "role") else None,
            )
            table.require(row, "unit")
            self.rows.append(role_row)
            if not role_row.username:
                continue
            first = self.people.setdefault(role_row.username, role_row)
            for key in ("full_name", "email"):
                if first is not role_row and getattr(first, key) != getattr(role_row, key):
                    table.error(
                        row,
                        key,
                        _("Differs from row %(row)s for the same username.")
                        % {"row": first.number},
                    )

    def resolve_units(self) -> None:
        codes = {row.get("unit") for row in self.table.rows}
        units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
        ancestor_ids = {
            int(pk) for u in units.values() for pk in u.path.strip("/").split("/") if pk
        }
        departments = Department.objects.filter(
            jurisdiction__in=ancestor_ids,
            code__in={row.get("department") for row in self.table.rows} - {""},
        ).select_related("jurisdiction")
        for r in self.rows:
            code = r.cells.get("unit")
            r.unit = self._unit(r, units.get(code), code)
            r.department = self._department(r, r.cells.get("department"), departments)

    def _unit(self, r: RoleRow, unit: Unit | None, code: str) -> Unit | None:
        if not code:
            return None
        if unit is None:
            self.table.error(r.number, "unit", _("Unknown unit code %(code)s.") % {"code": code})
        elif not access.has_role(self.actor, unit, {Role.ORGANISER}):
            self.table.error(
                r.number, "unit", _("Unit %(code)s is outside your jurisdiction.") % {"code": code}
            )
            return None
        return unit

    def _department(self, r: RoleRow, code: str, departments) -> Department | None:
        if not code:
            if r.role in DEPARTMENT_ROLES:
                self.table.error(
                    r.number, "department", _("This role needs the code of its department.")
                )
            return None
        if r.unit is None:
            return None
        # The nearest jurisdiction wins: a district's Phòng before the province's Sở.
        matches = [d for d in departments if d.code == code and r.unit.is_within(d.jurisdiction)]
        if not matches:
            self.table.error(
                r.number,
                "department",
                _("No department %(code)s in this unit or above it.") % {"code": code},
            )
            return None
        return max(matches, key=lambda d: len(d.jurisdiction.path))

    def check_duplicates_and_existing(self) -> dict[str, User]:
        seen: dict[tuple, int] = {}
        for r in self.rows:
            key = (r.username, r.unit and r.unit.pk, r.role, r.department and r.department.pk)
            if key in seen:
                self.table.error(r.number, None, _("Same as row %(row)s.") % {"row": seen[key]})
            seen.setdefault(key, r.number)
        stored = {
            u.username: u
            for u in User.objects.filter(username__in=list(self.people)).prefetch_related(
                "memberships__unit"
            )
        }
        for username, first in self.people.items():
            user = stored.get(username)
            if user is None:
                continue
            if not self.update_existing:
                self.table.error(
                    first.number,
                    "username",
                    _(
                        "User %(username)s already exists. Tick “Update existing records” to "
                        "update it and add these roles."
                    )
                    % {"username": username},
                )
            elif not access.managed_users(self.actor).filter(pk=user.pk).exists():
                self.table.error(
                    first.number,
                    "username",
                    _("User %(username)s has no role in your jurisdiction.")
                    % {"username": username},
                )
            elif self.changes_profile(user, first) and not access.may_edit_profile(
                self.actor, user
            ):
                self.table.error(
                    first.number,
                    "username",
                    _(
                        "User %(username)s also works outside your jurisdiction: only an "
                        "administrator can change their name or e-mail."
                    )
                    % {"username": username},
                )
        return stored

    def changes_profile(self, user: User, first: RoleRow) -> bool:
        return any(
            self.table.has(key) and getattr(user, key) != getattr(first, key)
            for key in ("full_name", "email")
        )

    def write(self, stored: dict[str, User], result: ImportResult) -> None:
        source = f"import:{self.filename}"
        for username, first in self.people.items():
            user = stored.get(username)
            if user is None:
                stored[username] = create_user(
                    self.actor,
                    username=username,
                    full_name=first.full_name,
                    email=first.email,
                    source=source,
                )
                result.created.append(username)
                continue
            for key in ("full_name", "email"):
                if self.table.has(key):
                    setattr(user, key, getattr(first, key))
            if update_user(self.actor, user, source=source):
                result.updated.append(username)
            else:
                result.unchanged += 1
        added = 0
        for r in self.rows:
            user = stored[r.username]
            if not Membership.objects.filter(
                user=user, unit=r.unit, role=r.role, department=r.department
            ).exists():
                add_membership(self.actor, user, r.unit, r.role, r.department, source=source)
                added += 1
        result.extra["roles_added"] = added

    def check(self) -> dict[str, User]:
        self.read_rows()
        self.resolve_units()
        return self.check_duplicates_and_existing()

    def audit_data(self, result: ImportResult) -> dict:
        return {**super().audit_data(result), "roles_added": result.extra["roles_added"]}


def import_users(
    actor: User, upload: Any, filename: str, *, update_existing: bool = False
) -> ImportResult:
    """Read and apply a users file, all or nothing."""
    try:
        table = read_table(upload, filename, USER_COLUMNS)
    except UnreadableTable as exc:
        return ImportResult(filename, file_error=str(exc))
    return UserImport(actor, table, update_existing, filename).run()


def user_export_rows(actor: User) -> list[list[Any]]:
    """One row per role the actor can see as organiser, in the import's column order."""
    scoped = access.organised_units(actor)
    memberships = Membership.objects.filter(unit__in=scoped).select_related(
        "user", "unit", "department"
    )
    unit_rank = {u.pk: i for i, u in enumerate(in_tree_order({m.unit for m in memberships}))}
    ordered = sorted(memberships, key=lambda m: (m.user.username, unit_rank[m.unit_id], m.role))
    return [
        [
            m.user.username,
            m.user.full_name,
            m.user.email,
            m.unit.code,
            ROLE_NAMES[m.role][0],
            m.department.code if m.department_id else "",
        ]
        for m in ordered
    ]


def user_export_headers() -> list[str]:
    return [c.label for c in USER_COLUMNS]
