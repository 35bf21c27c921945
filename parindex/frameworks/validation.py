"""Is a framework document acceptable? The engine decides the rules; the database adds its own.

`validate_framework` from the scoring engine is the one source of truth for what a valid
criteria set is; this module only adds what the engine cannot know: department codes must
exist for the jurisdiction, numbers must fit the columns they are stored in.
"""

from decimal import Decimal

from parindex.frameworks.canonical import parse_decimal, walk_nodes
from parindex.frameworks.documents import document_from_nodes, resolve_departments
from parindex.frameworks.models import FrameworkNode, FrameworkVersion
from parindex.frameworks.problems import Problem
from parindex.orgs.models import Department, Unit
from parindex.scoring import validate_framework

MAX_POINTS = Decimal("99999.9999")  # DecimalField(max_digits=9, decimal_places=4)
TEXT_LIMITS = {"code": 80, "title": 300, "decision": 300}
NODE_CODE_LIMIT = 40


def engine_problems(doc: dict, rows: dict[str, int] | None = None) -> list[Problem]:
    """The engine's issues as problems; `rows` (code -> spreadsheet row) locates them."""
    return [issue_to_problem(issue, rows) for issue in validate_framework(doc)]


def issue_to_problem(issue, rows: dict[str, int] | None = None) -> Problem:
    code = issue.code or ""
    row = (rows or {}).get(code)
    return Problem(issue.message, code, row, kind=issue.kind, path=getattr(issue, "path", ""))


def database_problems(
    doc: dict, departments: dict[str, Department], rows: dict[str, int] | None = None
) -> list[Problem]:
    """What the engine accepts but the database cannot store, or cannot resolve."""
    rows = rows or {}
    problems = [_header_problem(doc, key) for key in (*TEXT_LIMITS, "scale_to")]
    for node, _depth, _parent in walk_nodes(doc.get("nodes")):
        code = str(node.get("code", ""))
        row = rows.get(code)
        if len(code) > NODE_CODE_LIMIT:
            problems.append(Problem(f"Codes are at most {NODE_CODE_LIMIT} characters.", code, row))
        for key in ("max", "min", "max_gap"):
            problems.append(_number_problem(node.get(key), key, code, row))
        department = node.get("department")
        if department and str(department) not in departments:
            message = f"Department {department} does not exist in this jurisdiction."
            problems.append(
                Problem(message, code, row, kind="department.unknown", path="department")
            )
    return [p for p in problems if p is not None]


def _header_problem(doc: dict, key: str) -> Problem | None:
    if key == "scale_to":
        return _number_problem(doc.get(key), key, "", None)
    value = doc.get(key)
    if isinstance(value, str) and len(value) > TEXT_LIMITS[key]:
        return Problem(f"The set's {key} is longer than {TEXT_LIMITS[key]} characters.")
    return None


def _number_problem(value, key: str, code: str, row: int | None) -> Problem | None:
    number = parse_decimal(value) if isinstance(value, str | int) else None
    if number is None:
        return None  # missing or not a number: the engine reports it
    if abs(number) > MAX_POINTS or number.as_tuple().exponent < -4:
        message = f"{key} {value} must have at most 4 decimals and lie within ±{MAX_POINTS}."
        return Problem(message, code, row, kind="number.too_precise", path=key)
    return None


def department_codes(doc: dict) -> set[str]:
    return {
        str(node["department"])
        for node, _depth, _parent in walk_nodes(doc.get("nodes"))
        if node.get("department")
    }


def validate_document(
    doc: dict,
    jurisdiction: Unit,
    rows: dict[str, int] | None = None,
    known: dict[str, Department] | None = None,
) -> tuple[list[Problem], dict[str, Department]]:
    """Every problem of `doc` for `jurisdiction`, and the departments its codes resolve to.

    `known` departments (code -> Department) are used before looking codes up.
    """
    codes = department_codes(doc) - set(known or {})
    departments = resolve_departments(jurisdiction, codes) | (known or {})
    problems = engine_problems(doc, rows) + database_problems(doc, departments, rows)
    return problems, departments


def validate_version(version: FrameworkVersion, nodes: list[FrameworkNode]) -> list[Problem]:
    """Every problem of a stored version; its nodes' departments are already resolved."""
    known = {n.department.code: n.department for n in nodes if n.department_id}
    doc = document_from_nodes(version, nodes)
    return validate_document(doc, version.jurisdiction, known=known)[0]
