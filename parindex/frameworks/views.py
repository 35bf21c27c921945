"""Pages to find, read, compare and download criteria sets. Thin: access.py decides who sees
what, tree.py shapes the tree, the file formats live in yaml_format / xlsx_format."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from parindex.frameworks.diff import diff_documents
from parindex.frameworks.documents import to_document
from parindex.frameworks.forms import DiffForm, FilterForm
from parindex.frameworks.models import FrameworkVersion
from parindex.frameworks.tree import build_tree, totals
from parindex.frameworks.validation import validate_version
from parindex.frameworks.xlsx_format import write_xlsx
from parindex.frameworks.yaml_format import dump_yaml
from parindex.orgs.access import (
    FRAMEWORK_DRAFT_ROLES,
    framework_jurisdictions,
    framework_versions_for,
    get_framework_version,
    has_role,
    may_manage_frameworks,
)
from parindex.textnorm import fold

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filtered(versions, form: FilterForm):
    if not form.is_valid():
        return versions
    data = form.cleaned_data
    if data["q"]:
        versions = versions.filter(search_text__contains=fold(data["q"]))
    if data["year"]:
        versions = versions.filter(year=data["year"])
    if data["unit_kind"]:
        versions = versions.filter(unit_kind=data["unit_kind"])
    if data["status"]:
        versions = versions.filter(status=data["status"])
    return versions


@login_required
@require_GET
def version_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    versions = _filtered(framework_versions_for(request.user), form)
    context = {
        "form": form,
        "versions": versions.select_related("jurisdiction"),
        "can_create": framework_jurisdictions(request.user).exists(),
    }
    if request.htmx:
        return render(request, "frameworks/list.html#version_table", context)
    return render(request, "frameworks/list.html", context)


@login_required
@require_GET
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_framework_version(request.user, pk)
    nodes = list(version.nodes.select_related("department"))
    roots = build_tree(nodes)
    problems = []
    if not version.is_published and has_role(
        request.user, version.jurisdiction, FRAMEWORK_DRAFT_ROLES
    ):
        problems = validate_version(version, nodes)
    context = {
        "version": version,
        "roots": roots,
        "totals": totals(roots, nodes),
        "problems": problems,
        "can_manage": may_manage_frameworks(request.user, version.jurisdiction),
    }
    return render(request, "frameworks/detail.html", context)


def _download(content: bytes | str, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def export_yaml(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_framework_version(request.user, pk)
    text = dump_yaml(to_document(version))
    return _download(text.encode(), f"{version.code}.yaml", "application/yaml; charset=utf-8")


@login_required
@require_GET
def export_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_framework_version(request.user, pk)
    return _download(write_xlsx(to_document(version)), f"{version.code}.xlsx", XLSX_TYPE)


@login_required
@require_GET
def version_diff(request: HttpRequest) -> HttpResponse:
    versions = framework_versions_for(request.user).select_related("jurisdiction")
    form = DiffForm(request.GET or None, versions=versions)
    diff = None
    if form.is_valid():
        old: FrameworkVersion = form.cleaned_data["old"]
        new: FrameworkVersion = form.cleaned_data["new"]
        diff = diff_documents(to_document(old), to_document(new))
    return render(request, "frameworks/diff.html", {"form": form, "diff": diff})
