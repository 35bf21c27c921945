"""Export a register as XLSX/CSV; import one, all or nothing (its editors only)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from parindex.assigned_tasks import access
from parindex.assigned_tasks.table import export_headers, export_rows, import_tasks
from parindex.orgs.forms import ImportForm
from parindex.orgs.tabular_export import table_response


@login_required
def export_register(request: HttpRequest, unit_pk: int, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    unit = access.get_register_unit(request.user, unit_pk)
    tasks = access.register_tasks(request.user, unit).select_related("department")
    rows = export_rows(tasks, timezone.localdate())
    return table_response(fmt, f"nhiem-vu-{unit.code}", export_headers(), rows)


@login_required
def import_register(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = access.get_register_unit(request.user, unit_pk, edit=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        context = {"unit": unit, "form": form, "headers": export_headers()}
        return render(request, "assigned_tasks/import.html", context, status=status)
    upload = form.cleaned_data["file"]
    result = import_tasks(
        request.user,
        unit,
        upload,
        upload.name,
        update_existing=form.cleaned_data["update_existing"],
    )
    return render(
        request,
        "assigned_tasks/import_result.html",
        {"unit": unit, "result": result},
        status=200 if result.ok else 400,
    )
