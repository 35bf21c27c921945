"""What an import or a validation reports: one problem, located by node code or by cell.

Pure Python (no Django): the command line reads criteria-set files with the same code.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a criteria-set document, with where it is."""

    message: str
    code: str = ""  # node code, "" for the document as a whole
    row: int | None = None  # 1-based spreadsheet row or YAML line
    column: str = ""  # spreadsheet column letter (or YAML column number) and header
    kind: str = ""  # machine-readable kind, e.g. the engine's Issue.kind
    path: str = ""  # field inside the node, e.g. "rule.bands[2].min"

    def location(self) -> str:
        parts = []
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        if self.code:
            parts.append(f"node {self.code}")
        return ", ".join(parts)

    def text(self) -> str:
        """The message with the field it is about, without the location."""
        return f"{self.path}: {self.message}" if self.path else self.message

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.text()}" if where else self.text()


class DocumentFormatError(Exception):
    """A file could not be read as a criteria-set document; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))
