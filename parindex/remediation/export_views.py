"""The plan as the official letter (DOCX) and as a workbook (XLSX)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from parindex.remediation import access
from parindex.remediation.letter import build_letter
from parindex.remediation.plan_views import plan_tasks, tasks_by_field
from parindex.remediation.snapshots import unit_row
from parindex.remediation.workbook import build_workbook

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter of the tasks the user sees: the whole plan, or a department's own part."""
    plan, scope = access.get_plan(request.user, pk)
    fields = tasks_by_field(plan, plan_tasks(plan, scope))
    content = build_letter(plan, fields, unit_row(plan.snapshot, plan.unit))
    return _download(content, DOCX, f"ke-hoach-khac-phuc-{plan.pk}.docx")


@login_required
@require_GET
def workbook(request: HttpRequest, pk: int) -> HttpResponse:
    plan, scope = access.get_plan(request.user, pk)
    fields = tasks_by_field(plan, plan_tasks(plan, scope))
    content = build_workbook(plan, fields, timezone.localdate())
    return _download(content, XLSX, f"ke-hoach-khac-phuc-{plan.pk}.xlsx")
