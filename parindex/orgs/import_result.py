"""What an import reports back: the problems that refused it, or what it changed."""

from dataclasses import dataclass, field

from parindex.orgs.tabular_import import Problem


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
