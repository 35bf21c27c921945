"""Units as a table: import from and export to CSV/XLSX with Vietnamese headers.

Import rules (docs/units-and-users.md):
- all or nothing: every problem is reported with its row and column, nothing is written
  unless there is none;
- a code already stored is refused unless "update existing" is ticked; then the file's values
  replace the stored ones (an absent column leaves its field alone, an empty cell clears it);
- an organiser may only add or change units inside their jurisdiction: every parent and
  predecessor must be in it or in the file (a parent may come later in the file); the root of
  the jurisdiction may keep its parent outside it;
- lineage "Sáp nhập từ" is written "X01:0.6;X02:0.4".
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from parindex.accounts.models import User
from parindex.orgs import access
from parindex.orgs.import_result import AllOrNothingImport, ImportResult
from parindex.orgs.lineage import LineageError, LineagePart, format_lineage, parse_lineage
from parindex.orgs.models import Role, Unit, UnitKind
from parindex.orgs.services import CREATED, UPDATED, save_unit
from parindex.orgs.tabular_import import (
    CellError,
    Column,
    Table,
    UnreadableTable,
    choice_parser,
    parse_optional_date,
    read_table,
)
from parindex.orgs.unit_tree import in_tree_order

UNIT_COLUMNS = (
    Column("code", ("Mã đơn vị", "Mã", "Code", "Unit code"), required=True),
    Column("name", ("Tên đơn vị", "Tên", "Name", "Unit name"), required=True),
    Column("kind", ("Loại", "Loại đơn vị", "Kind", "Type"), required=True),
    Column("parent", ("Mã đơn vị cấp trên", "Cấp trên", "Parent", "Parent code")),
    Column("valid_from", ("Hiệu lực từ", "Từ ngày", "Valid from")),
    Column("valid_to", ("Hiệu lực đến", "Đến ngày", "Valid to")),
    Column("predecessors", ("Sáp nhập từ", "Hình thành từ", "Formed from", "Predecessors")),
)

# Canonical (exported) name first; the English names and keys are accepted too.
KIND_NAMES = {
    UnitKind.PROVINCE: ("Tỉnh", "Thành phố trực thuộc trung ương", "Province"),
    UnitKind.DEPARTMENT: ("Sở, ban, ngành", "Sở", "Ban", "Ngành", "Department"),
    UnitKind.DISTRICT: ("Huyện", "Quận", "Thị xã", "District"),
    UnitKind.COMMUNE: ("Xã", "Commune"),
    UnitKind.WARD: ("Phường", "Ward"),
    UnitKind.SPECIAL_ZONE: ("Đặc khu", "Special zone"),
    UnitKind.TOWNSHIP: ("Thị trấn", "Township"),
}
parse_kind = choice_parser(KIND_NAMES)


def parse_lineage_cell(text: str) -> list[LineagePart]:
    try:
        return parse_lineage(text)
    except LineageError as exc:
        raise CellError(str(exc)) from None


@dataclass
class UnitRow:
    number: int
    code: str
    name: str
    kind: str | None
    parent_code: str
    valid_from: Any
    valid_to: Any
    lineage: list[LineagePart] | None  # None: the file has no lineage column


class UnitImport(AllOrNothingImport):
    action = "units.imported"

    def __init__(self, actor: User, table: Table, update_existing: bool, filename: str):
        super().__init__(actor, table, update_existing, filename)
        self.rows: dict[str, UnitRow] = {}
        self.stored: dict[str, Unit] = {}

    # --- reading ---------------------------------------------------------------------------
    def read_rows(self) -> None:
        table = self.table
        for row in table.rows:
            code, name = table.require(row, "code"), table.require(row, "name")
            for key, text, limit in (("code", code, 40), ("name", name, 200)):
                if len(text) > limit:
                    table.error(row, key, _("At most %(n)s characters.") % {"n": limit})
            kind = table.convert(row, "kind", parse_kind) if table.require(row, "kind") else None
            unit_row = UnitRow(
                number=row.number,
                code=code,
                name=name,
                kind=kind,
                parent_code=row.get("parent"),
                valid_from=table.convert(row, "valid_from", parse_optional_date),
                valid_to=table.convert(row, "valid_to", parse_optional_date),
                lineage=(
                    table.convert(row, "predecessors", parse_lineage_cell)
                    if table.has("predecessors")
                    else None
                ),
            )
            if (
                unit_row.valid_from
                and unit_row.valid_to
                and unit_row.valid_to < unit_row.valid_from
            ):
                table.error(row, "valid_to", _("The end is before the start."))
            if code in self.rows:
                table.error(
                    row,
                    "code",
                    _("Code %(code)s is already used on row %(row)s of this file.")
                    % {"code": code, "row": self.rows[code].number},
                )
            elif code:
                self.rows[code] = unit_row

    def load_stored(self) -> None:
        codes = set(self.rows)
        for r in self.rows.values():
            codes.add(r.parent_code)
            codes.update(p.code for p in r.lineage or [])
        self.stored = {
            u.code: u for u in Unit.objects.filter(code__in=codes - {""}).select_related("parent")
        }

    # --- checking --------------------------------------------------------------------------
    def in_scope(self, unit: Unit) -> bool:
        return access.has_role(self.actor, unit, {Role.ORGANISER})

    def check_rows(self) -> None:
        for r in self.rows.values():
            self.check_existing(r)
            self.check_parent(r)
            self.check_lineage(r)

    def check_existing(self, r: UnitRow) -> None:
        existing = self.stored.get(r.code)
        if existing is None:
            return
        if not self.update_existing:
            self.table.error(
                r.number,
                "code",
                _(
                    "A unit with code %(code)s already exists (%(name)s). Tick “Update "
                    "existing records” to update it from this file."
                )
                % {"code": r.code, "name": existing.name},
            )
        elif not self.in_scope(existing):
            self.table.error(
                r.number,
                "code",
                _("Unit %(code)s is outside your jurisdiction.") % {"code": r.code},
            )

    def check_parent(self, r: UnitRow) -> None:
        existing, code = self.stored.get(r.code), r.parent_code
        if existing is not None and not self.table.has("parent"):
            return
        if not code:
            moves_to_top = existing is None or existing.parent_id is not None
            if moves_to_top and not self.actor.is_superuser:
                self.table.error(
                    r.number,
                    "parent",
                    _(
                        "Give the parent unit's code: you can only add units inside your "
                        "jurisdiction."
                    ),
                )
            return
        if code == r.code:
            self.table.error(r.number, "parent", _("A unit cannot be its own parent."))
        elif code in self.rows:
            return
        elif code not in self.stored:
            self.table.error(
                r.number,
                "parent",
                _("Unknown parent code %(code)s: it is neither in this file nor stored.")
                % {"code": code},
            )
        else:
            parent = self.stored[code]
            keeps_parent = existing is not None and existing.parent_id == parent.pk
            if not self.in_scope(parent) and not keeps_parent:
                self.table.error(
                    r.number,
                    "parent",
                    _("Parent %(code)s is outside your jurisdiction.") % {"code": code},
                )

    def check_lineage(self, r: UnitRow) -> None:
        for part in r.lineage or []:
            if part.code == r.code:
                message = _("A unit cannot be formed from itself.")
            elif part.code in self.rows or (
                part.code in self.stored and self.in_scope(self.stored[part.code])
            ):
                continue
            elif part.code in self.stored:
                message = _("Unit %(code)s is outside your jurisdiction.") % {"code": part.code}
            else:
                message = _("Unknown unit code %(code)s.") % {"code": part.code}
            self.table.error(r.number, "predecessors", message)

    def check_no_loops(self) -> None:
        """A unit may not end up below itself, counting moves of stored units too."""
        ancestor_ids = {
            int(pk) for u in self.stored.values() for pk in u.path.strip("/").split("/") if pk
        }
        parent_of = dict(
            Unit.objects.filter(pk__in=ancestor_ids).values_list("code", "parent__code")
        )
        if self.table.has("parent"):
            parent_of.update({code: r.parent_code or None for code, r in self.rows.items()})
        for code, r in self.rows.items():
            seen, current = {code}, parent_of.get(code)
            while current is not None and current not in seen:
                seen.add(current)
                current = parent_of.get(current)
            if current == code:
                self.table.error(
                    r.number, "parent", _("This parent would place the unit below itself.")
                )

    # --- writing ---------------------------------------------------------------------------
    def write_order(self) -> list[UnitRow]:
        """Parents and predecessors before the units that name them."""
        ordered, done, pending = [], set(), list(self.rows.values())
        while pending:
            ready = [r for r in pending if self._needs(r) <= done]
            if not ready:  # check_no_loops and check_lineage leave only lineage loops
                for r in pending:
                    self.table.error(r.number, "predecessors", _("These units name each other."))
                return []
            ordered += ready
            done.update(r.code for r in ready)
            pending = [r for r in pending if r.code not in done]
        return ordered

    def _needs(self, r: UnitRow) -> set[str]:
        named = {r.parent_code} | {p.code for p in r.lineage or []}
        return {code for code in named if code in self.rows and code != r.code}

    def write(self, ordered: list[UnitRow], result: ImportResult) -> None:
        units = dict(self.stored)
        source = f"import:{self.filename}"
        for r in ordered:
            unit = units.get(r.code) or Unit(code=r.code)
            unit.name, unit.kind = r.name, r.kind
            if self.table.has("parent"):
                unit.parent = units[r.parent_code] if r.parent_code else None
            if self.table.has("valid_from"):
                unit.valid_from = r.valid_from
            if self.table.has("valid_to"):
                unit.valid_to = r.valid_to
            lineage = None if r.lineage is None else [(units[p.code], p.weight) for p in r.lineage]
            status = save_unit(self.actor, unit, lineage, source=source)
            units[r.code] = unit
            if status == CREATED:
                result.created.append(r.code)
            elif status == UPDATED:
                result.updated.append(r.code)
            else:
                result.unchanged += 1

    def check(self) -> list[UnitRow]:
        self.read_rows()
        self.load_stored()
        self.check_rows()
        self.check_no_loops()
        return self.write_order()

    def audit_data(self, result: ImportResult) -> dict:
        return {**super().audit_data(result), "unchanged": result.unchanged}


def import_units(
    actor: User, upload: Any, filename: str, *, update_existing: bool = False
) -> ImportResult:
    """Read and apply a units file, all or nothing."""
    try:
        table = read_table(upload, filename, UNIT_COLUMNS)
    except UnreadableTable as exc:
        return ImportResult(filename, file_error=str(exc))
    return UnitImport(actor, table, update_existing, filename).run()


def unit_export_rows(actor: User) -> list[list[Any]]:
    """The units the actor organises, in the import's column order."""
    units = (
        access.organised_units(actor)
        .select_related("parent")
        .prefetch_related("predecessor_links__predecessor")
    )
    rows = []
    for unit in in_tree_order(units):
        links = sorted(unit.predecessor_links.all(), key=lambda k: (-k.weight, k.predecessor.code))
        rows.append(
            [
                unit.code,
                unit.name,
                KIND_NAMES[unit.kind][0],
                unit.parent.code if unit.parent_id else "",
                unit.valid_from,
                unit.valid_to,
                format_lineage([LineagePart(k.predecessor.code, k.weight) for k in links]),
            ]
        )
    return rows


def unit_export_headers() -> list[str]:
    return [c.label for c in UNIT_COLUMNS]
