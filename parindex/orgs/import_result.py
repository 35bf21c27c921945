"""What an import reports back: the problems that refused it, or what it changed."""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from parindex.audit.services import log_action
from parindex.orgs.tabular_import import Problem, Table


@dataclass
class ImportResult:
    filename: str
    file_error: str = ""  # the file could not be read as a table at all
    problems: list[Problem] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    extra: dict[str, int] = field(default_factory=dict)  # e.g. memberships added

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.problems

    def messages(self) -> list[str]:
        """Every reason the file was refused, one line each."""
        return [self.file_error] if self.file_error else [str(p) for p in self.problems]


class AllOrNothingImport:
    """The frame every table import shares: read and check every row, then write all of it in
    one transaction with one audit entry, or write nothing and report every problem."""

    action = ""  # the audit action, e.g. "units.imported"

    def __init__(self, actor: Any, table: Table, update_existing: bool, filename: str) -> None:
        self.actor, self.table, self.filename = actor, table, filename
        self.update_existing = update_existing

    def check(self) -> Any:
        """Read and check the rows (problems go to self.table); return what write() needs."""
        raise NotImplementedError

    def write(self, plan: Any, result: ImportResult) -> None:
        raise NotImplementedError

    def audit_data(self, result: ImportResult) -> dict:
        return {"file": self.filename, "created": result.created, "updated": result.updated}

    def run(self) -> ImportResult:
        result = ImportResult(self.filename, ignored_headers=self.table.ignored_headers)
        if self.table.problems:  # header problems: row-by-row messages would only be noise
            result.problems = list(self.table.problems)
            return result
        plan = self.check()
        if self.table.problems:
            result.problems = sorted(self.table.problems, key=lambda p: (p.row, p.column or 0))
            return result
        with transaction.atomic():
            self.write(plan, result)
            log_action(self.actor, self.action, data=self.audit_data(result))
        return result
