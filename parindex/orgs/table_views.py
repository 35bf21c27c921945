"""Import and export of units and users as CSV/XLSX (organisers only)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from parindex.orgs import access
from parindex.orgs.forms import ImportForm
from parindex.orgs.tabular_export import table_response
from parindex.orgs.unit_table import import_units, unit_export_headers, unit_export_rows
from parindex.orgs.user_table import import_users, user_export_headers, user_export_rows

IMPORTERS = {"units": import_units, "users": import_users}
EXPORTERS = {
    "units": (unit_export_headers, unit_export_rows),
    "users": (user_export_headers, user_export_rows),
}


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    access.require_organiser(request.user)
    return render(
        request,
        "orgs/import.html",
        {"unit_form": ImportForm(prefix="units"), "user_form": ImportForm(prefix="users")},
    )


@login_required
@require_POST
def import_table(request: HttpRequest, what: str) -> HttpResponse:
    access.require_organiser(request.user)
    if what not in IMPORTERS:
        raise Http404
    form = ImportForm(request.POST, request.FILES, prefix=what)
    if not form.is_valid():
        forms = {"unit_form": ImportForm(prefix="units"), "user_form": ImportForm(prefix="users")}
        forms[f"{what[:-1]}_form"] = form
        return render(request, "orgs/import.html", forms, status=400)
    upload = form.cleaned_data["file"]
    result = IMPORTERS[what](
        request.user, upload, upload.name, update_existing=form.cleaned_data["update_existing"]
    )
    return render(
        request,
        "orgs/import_result.html",
        {"result": result, "what": what},
        status=200 if result.ok else 400,
    )


@login_required
def export_table(request: HttpRequest, what: str, fmt: str) -> HttpResponse:
    access.require_organiser(request.user)
    if what not in EXPORTERS or fmt not in ("csv", "xlsx"):
        raise Http404
    headers, rows = EXPORTERS[what]
    return table_response(fmt, what, headers(), rows(request.user))
