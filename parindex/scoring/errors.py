"""The engine's error types: framework issues, and bad per-unit input values."""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in a framework document.

    `code` is the node code (None for the document header), `path` the field inside it
    (e.g. "rule.bands[2].min"), `kind` a stable machine string (e.g. "bands.gap") that the Django
    side may translate; `message` is short English text.
    """

    code: str | None
    message: str
    kind: str
    path: str = ""

    def __str__(self) -> str:
        where = " ".join(part for part in (self.code, self.path) if part)
        return f"{where}: {self.message}" if where else self.message


class FrameworkError(ValueError):
    """The document cannot be loaded; `issues` lists every problem found."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        shown = "; ".join(str(issue) for issue in self.issues[:3])
        more = f" (and {len(self.issues) - 3} more)" if len(self.issues) > 3 else ""
        super().__init__(f"framework has {len(self.issues)} problem(s): {shown}{more}")


class InputError(ValueError):
    """A bad input value for one leaf of one unit, e.g. numerator > denominator."""

    def __init__(
        self,
        code: str,
        input: str,
        message: str,
        kind: str = "input.invalid",
        unit: str | None = None,
    ) -> None:
        self.code = code
        self.input = input
        self.message = message
        self.kind = kind
        self.unit = unit
        super().__init__(str(self))

    def __str__(self) -> str:
        unit = f"unit {self.unit}, " if self.unit is not None else ""
        return f"{unit}{self.code} {self.input}: {self.message}"


class InputErrors(ValueError):
    """All input errors found while evaluating, reported together."""

    def __init__(self, errors: Iterable[InputError]) -> None:
        self.errors: tuple[InputError, ...] = tuple(errors)
        shown = "; ".join(str(error) for error in self.errors[:3])
        more = f" (and {len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        super().__init__(f"{len(self.errors)} input error(s): {shown}{more}")
