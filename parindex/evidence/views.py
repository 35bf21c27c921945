"""Thin views: look the object up through queries/access, call a service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from parindex.audit.models import AuditEntry
from parindex.evidence import queries, services
from parindex.evidence.exceptions import EditConflict, UploadRefused
from parindex.evidence.forms import EditMetadataForm, UploadForm
from parindex.evidence.responses import file_response
from parindex.orgs import access

PAGE_SIZE = 50


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    units = queries.library_units(request.user).annotate(documents=Count("evidence_documents"))
    page = Paginator(units.order_by("path", "code"), 100).get_page(request.GET.get("page"))
    return render(request, "evidence/index.html", {"page": page})


@login_required
@require_GET
def library(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access.get_unit(request.user, unit_id, queries.VIEW_ROLES)
    query = request.GET.get("q", "").strip()
    documents = queries.library_documents(unit, query)
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    may_upload = queries.may_edit(request.user, unit)
    context = {
        "unit": unit,
        "page": page,
        "query": query,
        "form": UploadForm() if may_upload else None,
    }
    return render(request, "evidence/library.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access.get_unit(request.user, unit_id, queries.EDIT_ROLES)
    posted = request.method == "POST"
    form = UploadForm(request.POST, request.FILES) if posted else UploadForm()
    if posted and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            result = services.upload_evidence(
                actor=request.user,
                unit=unit,
                stream=uploaded,
                file_name=uploaded.name,
                metadata=form.to_metadata(),
            )
        except UploadRefused as refusal:
            form.add_error("file", refusal.message)
        else:
            _report_upload(request, result)
            return redirect("evidence:detail", pk=result.document.pk)
    return render(request, "evidence/upload.html", {"unit": unit, "form": form})


def _report_upload(request: HttpRequest, result: services.UploadResult) -> None:
    messages.success(request, _("The document was uploaded."))
    for earlier in result.same_file_in_unit:
        messages.warning(
            request,
            _("The same file is already in this library as “%(title)s”.") % {"title": earlier},
        )


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = queries.get_document(request.user, pk)
    history = AuditEntry.objects.filter(
        object_type=document._meta.label_lower, object_id=str(document.pk)
    )[:50]
    context = {
        "document": document,
        "unit": document.unit,
        "kind": document.file.file_type,
        "may_edit": queries.may_edit(request.user, document.unit),
        "history": history,
    }
    return render(request, "evidence/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = queries.get_document(request.user, pk, queries.EDIT_ROLES)
    posted = request.method == "POST"
    form = EditMetadataForm.for_document(document, request.POST if posted else None)
    if posted and form.is_valid():
        try:
            changes = services.edit_metadata(
                actor=request.user,
                document=document,
                metadata=form.to_metadata(),
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as conflict:
            document, form = _form_after_conflict(document, request, conflict)
        else:
            if changes:
                messages.success(request, _("The document's details were saved."))
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("evidence:detail", pk=document.pk)
    context = {"document": document, "unit": document.unit, "form": form}
    return render(request, "evidence/edit.html", context)


def _form_after_conflict(document, request: HttpRequest, conflict: EditConflict):
    """Keep what the person typed, show the values saved meanwhile, and let them save again
    knowingly (the form now carries the current version)."""
    document.refresh_from_db()
    data = request.POST.copy()
    data["version"] = str(document.version)
    form = EditMetadataForm.for_document(document, data)
    form.full_clean()
    form.add_error(None, conflict.message)
    return document, form


@login_required
@require_GET
def download(request: HttpRequest, pk: int) -> HttpResponse:
    return file_response(queries.get_document(request.user, pk), inline=False)


@login_required
@require_GET
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """PDF and images inline (for the detail page's frame); other types as a download."""
    return file_response(queries.get_document(request.user, pk), inline=True)
