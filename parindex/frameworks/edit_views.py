"""Pages that change criteria sets: create, import, edit a draft, publish, copy, delete.

Thin: permissions come from orgs/access.py, every change from services.py / node_editing.py.
A published version is frozen; any attempt to change one answers 409 with an explanation.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parindex.frameworks import node_editing, services
from parindex.frameworks.forms import ImportForm, NodeForm, VersionForm
from parindex.frameworks.models import FrameworkNode, FrameworkVersion, FrozenVersionError
from parindex.frameworks.problems import DocumentFormatError
from parindex.frameworks.validation import validate_version
from parindex.frameworks.xlsx_format import read_xlsx
from parindex.frameworks.yaml_format import load_yaml
from parindex.orgs.access import framework_jurisdictions, get_framework_version


def frozen_is_conflict(view):
    """Render the 'published sets are frozen' page (409) instead of a server error."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except FrozenVersionError as exc:
            return render(request, "frameworks/frozen.html", {"reason": str(exc)}, status=409)

    return wrapper


def _draft(request: HttpRequest, pk: int) -> FrameworkVersion:
    version = get_framework_version(request.user, pk, manage=True)
    if version.is_published:
        raise FrozenVersionError(
            _("Criteria set %(code)s is published and frozen.") % {"code": version.code}
        )
    return version


def _jurisdictions(request: HttpRequest):
    jurisdictions = framework_jurisdictions(request.user)
    if not jurisdictions.exists():
        raise PermissionDenied
    return jurisdictions


@login_required
def version_create(request: HttpRequest) -> HttpResponse:
    jurisdictions = _jurisdictions(request)
    form = VersionForm(request.POST or None, jurisdictions=jurisdictions)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.create_draft(
                request.user, form.cleaned_data["jurisdiction"], **form.header_fields()
            )
        except services.RefusedError as exc:
            form.add_error("code", "; ".join(p.text() for p in exc.problems))
        else:
            return redirect("frameworks:detail", pk=version.pk)
    return render(request, "frameworks/version_form.html", {"form": form})


@login_required
@frozen_is_conflict
def version_edit(request: HttpRequest, pk: int) -> HttpResponse:
    version = _draft(request, pk)
    form = VersionForm(request.POST or None, instance=version)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_header(request.user, version, **form.header_fields())
        except services.RefusedError as exc:
            form.add_error("code", "; ".join(p.text() for p in exc.problems))
        else:
            return redirect("frameworks:detail", pk=version.pk)
    return render(request, "frameworks/version_form.html", {"form": form, "version": version})


def _read_upload(upload) -> tuple[dict, dict[str, int], str]:
    data = upload.read()
    if upload.name.lower().endswith(".xlsx"):
        parsed = read_xlsx(data)
        return parsed.document, parsed.rows, "xlsx"
    return load_yaml(data), {}, "yaml"


@login_required
def version_import(request: HttpRequest) -> HttpResponse:
    jurisdictions = _jurisdictions(request)
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        jurisdictions=jurisdictions,
        max_bytes=settings.UPLOAD_MAX_BYTES,
    )
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            doc, rows, source = _read_upload(form.cleaned_data["file"])
            version = services.import_document(
                request.user, form.cleaned_data["jurisdiction"], doc, rows=rows, source=source
            )
        except (DocumentFormatError, services.RefusedError) as exc:
            problems = exc.problems
        else:
            messages.success(request, _("Imported %(code)s as a draft.") % {"code": version.code})
            return redirect("frameworks:detail", pk=version.pk)
    context = {"form": form, "problems": problems}
    return render(request, "frameworks/import.html", context, status=400 if problems else 200)


@login_required
@frozen_is_conflict
def version_publish(request: HttpRequest, pk: int) -> HttpResponse:
    version = _draft(request, pk)
    if request.method == "POST":
        try:
            services.publish(request.user, version)
        except services.RefusedError as exc:
            problems = exc.problems
        else:
            messages.success(request, _("Published. This version can no longer change."))
            return redirect("frameworks:detail", pk=version.pk)
    else:
        problems = validate_version(version, list(version.nodes.select_related("department")))
    context = {"version": version, "problems": problems}
    return render(request, "frameworks/publish.html", context, status=400 if problems else 200)


@login_required
@require_POST
def version_copy(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_framework_version(request.user, pk, manage=True)
    try:
        copy = services.copy_to_next_year(request.user, version)
    except services.RefusedError as exc:
        for problem in exc.problems:
            messages.error(request, problem.text())
        return redirect("frameworks:detail", pk=version.pk)
    messages.success(request, _("Draft %(code)s created.") % {"code": copy.code})
    return redirect("frameworks:detail", pk=copy.pk)


@login_required
@frozen_is_conflict
def version_delete(request: HttpRequest, pk: int) -> HttpResponse:
    version = _draft(request, pk)
    if request.method == "POST":
        try:
            services.delete_draft(request.user, version)
        except services.RefusedError as exc:
            for problem in exc.problems:
                messages.error(request, problem.text())
            return redirect("frameworks:detail", pk=version.pk)
        messages.success(request, _("Draft %(code)s deleted.") % {"code": version.code})
        return redirect("frameworks:list")
    return render(request, "frameworks/confirm_delete.html", {"version": version})


def _node_form_page(request, version, form, node=None, parent=None) -> HttpResponse:
    context = {"version": version, "form": form, "node": node, "parent": parent}
    return render(request, "frameworks/node_form.html", context, status=400 if form.errors else 200)


@login_required
@frozen_is_conflict
def node_add(request: HttpRequest, pk: int) -> HttpResponse:
    version = _draft(request, pk)
    parent_pk = request.GET.get("parent") or request.POST.get("parent")
    parent = get_object_or_404(version.nodes, pk=parent_pk) if parent_pk else None
    form = NodeForm(request.POST or None, jurisdiction=version.jurisdiction)
    if request.method == "POST" and form.is_valid():
        try:
            node_editing.add_node(request.user, version, parent, **form.node_fields())
        except services.RefusedError as exc:
            form.add_problems(exc.problems)
        else:
            return redirect("frameworks:detail", pk=version.pk)
    return _node_form_page(request, version, form, parent=parent)


def _node(version: FrameworkVersion, node_pk: int) -> FrameworkNode:
    return get_object_or_404(version.nodes.select_related("parent", "version"), pk=node_pk)


@login_required
@frozen_is_conflict
def node_edit(request: HttpRequest, pk: int, node_pk: int) -> HttpResponse:
    version = _draft(request, pk)
    node = _node(version, node_pk)
    form = NodeForm(request.POST or None, instance=node, jurisdiction=version.jurisdiction)
    if request.method == "POST" and form.is_valid():
        try:
            node_editing.update_node(request.user, node, **form.node_fields())
        except services.RefusedError as exc:
            form.add_problems(exc.problems)
        else:
            return redirect("frameworks:detail", pk=version.pk)
    return _node_form_page(request, version, form, node=node)


@login_required
@frozen_is_conflict
def node_delete(request: HttpRequest, pk: int, node_pk: int) -> HttpResponse:
    version = _draft(request, pk)
    node = _node(version, node_pk)
    if request.method == "POST":
        node_editing.delete_node(request.user, node)
        messages.success(request, _("Deleted %(code)s and its children.") % {"code": node.code})
        return redirect("frameworks:detail", pk=version.pk)
    return render(request, "frameworks/node_delete.html", {"version": version, "node": node})


@login_required
@require_POST
@frozen_is_conflict
def node_move(request: HttpRequest, pk: int, node_pk: int) -> HttpResponse:
    version = _draft(request, pk)
    node = _node(version, node_pk)
    node_editing.move_node(request.user, node, -1 if request.POST.get("direction") == "up" else 1)
    return redirect("frameworks:detail", pk=version.pk)
