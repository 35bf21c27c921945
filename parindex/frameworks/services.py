"""Criteria-set workflows: import, create, edit a draft, publish, copy to next year, delete.

Each runs in one transaction with its audit entry. A published version is frozen by the
models themselves; these functions refuse earlier with a clear message.
"""

import re

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.audit.services import log_action
from parindex.frameworks.documents import (
    document_from_nodes,
    from_document,
    version_fields,
)
from parindex.frameworks.models import FrameworkVersion, FrozenVersionError, Status
from parindex.frameworks.problems import Problem
from parindex.frameworks.validation import validate_document, validate_version
from parindex.orgs.models import Department, Unit


class RefusedError(Exception):
    """A workflow refused; `problems` lists every reason (shown to the user as a list)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def _refuse_if_published(version: FrameworkVersion) -> None:
    if version.is_published:
        raise FrozenVersionError(
            _("Criteria set %(code)s is published and frozen.") % {"code": version.code}
        )


def _code_taken(jurisdiction: Unit, code: str) -> Problem | None:
    if FrameworkVersion.objects.filter(jurisdiction=jurisdiction, code=code).exists():
        message = _("A criteria set with code %(code)s already exists in %(unit)s.")
        return Problem(message % {"code": code, "unit": jurisdiction.name}, kind="set.code_taken")
    return None


@transaction.atomic
def import_document(
    actor,
    jurisdiction: Unit,
    doc: dict,
    *,
    rows: dict[str, int] | None = None,
    source: str = "yaml",
    departments: dict[str, Department] | None = None,
) -> FrameworkVersion:
    """A new draft from a document, all or nothing; RefusedError lists every problem."""
    problems, resolved = validate_document(doc, jurisdiction, rows, known=departments)
    taken = _code_taken(jurisdiction, str(doc.get("code", "")))
    if taken:
        problems.insert(0, taken)
    if problems:
        raise RefusedError(problems)
    version = FrameworkVersion.objects.create(jurisdiction=jurisdiction, **version_fields(doc))
    nodes = from_document(version, doc, resolved)
    data = {"code": version.code, "source": source, "nodes": len(nodes)}
    log_action(actor, "framework.imported", version, unit=jurisdiction, data=data)
    return version


@transaction.atomic
def create_draft(actor, jurisdiction: Unit, **fields) -> FrameworkVersion:
    """An empty draft with the header fields of a version (code, title, year, unit_kind, …)."""
    taken = _code_taken(jurisdiction, fields.get("code", ""))
    if taken:
        raise RefusedError([taken])
    version = FrameworkVersion.objects.create(jurisdiction=jurisdiction, **fields)
    log_action(actor, "framework.created", version, unit=jurisdiction, data={"code": version.code})
    return version


@transaction.atomic
def update_header(actor, version: FrameworkVersion, **fields) -> FrameworkVersion:
    """Change a draft's header fields; the audit entry records old and new values."""
    # Compare with the stored row: a ModelForm has already written its values on `version`.
    version = FrameworkVersion.objects.select_for_update().get(pk=version.pk)
    _refuse_if_published(version)
    changed = {}
    for name, value in fields.items():
        old = getattr(version, name)
        if old != value:
            changed[name] = [str(old), str(value)]
            setattr(version, name, value)
    if "code" in changed and FrameworkVersion.objects.filter(
        jurisdiction=version.jurisdiction_id, code=version.code
    ).exclude(pk=version.pk):
        raise RefusedError([_code_taken(version.jurisdiction, version.code)])
    if changed:
        version.save()
        log_action(actor, "framework.updated", version, unit=version.jurisdiction, data=changed)
    return version


@transaction.atomic
def publish(actor, version: FrameworkVersion) -> FrameworkVersion:
    """Freeze a valid draft for ever; RefusedError lists the validation problems."""
    version = FrameworkVersion.objects.select_for_update().get(pk=version.pk)
    _refuse_if_published(version)
    nodes = list(version.nodes.select_related("department"))
    problems = validate_version(version, nodes)
    if not nodes:
        problems.insert(0, Problem(_("The set has no criteria."), kind="set.empty"))
    if problems:
        raise RefusedError(problems)
    version.status = Status.PUBLISHED
    version.published_at = timezone.now()
    version.published_by = actor if getattr(actor, "is_authenticated", False) else None
    version.save()
    log_action(actor, "framework.published", version, unit=version.jurisdiction)
    return version


def next_year_code(code: str, year: int) -> str:
    """'commune-2022' -> 'commune-2023'; a code without its year gets '-<year+1>' appended."""
    if str(year) in code:
        return code.replace(str(year), str(year + 1))
    return f"{code}-{year + 1}"


@transaction.atomic
def copy_to_next_year(actor, version: FrameworkVersion) -> FrameworkVersion:
    """A new draft for year + 1 with the same tree and departments; the source is untouched."""
    nodes = list(version.nodes.select_related("department"))
    doc = document_from_nodes(version, nodes)
    doc["year"] = version.year + 1
    doc["code"] = next_year_code(version.code, version.year)
    doc["title"] = re.sub(rf"\b{version.year}\b", str(version.year + 1), version.title)
    taken = _code_taken(version.jurisdiction, doc["code"])
    if taken:
        raise RefusedError([taken])
    copy = FrameworkVersion.objects.create(
        jurisdiction=version.jurisdiction, copied_from=version, **version_fields(doc)
    )
    departments = {n.department.code: n.department for n in nodes if n.department_id}
    from_document(copy, doc, departments)
    data = {"from": version.code, "to": copy.code}
    log_action(actor, "framework.copied", copy, unit=version.jurisdiction, data=data)
    return copy


@transaction.atomic
def delete_draft(actor, version: FrameworkVersion) -> None:
    _refuse_if_published(version)
    log_action(actor, "framework.deleted", version, unit=version.jurisdiction)
    try:
        with transaction.atomic():
            version.delete()
    except ProtectedError as exc:
        message = _("Criteria set %(code)s is in use (%(count)s) and cannot be deleted.")
        count = len(exc.protected_objects)
        raise RefusedError([Problem(message % {"code": version.code, "count": count})]) from exc
