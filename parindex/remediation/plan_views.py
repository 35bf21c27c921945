"""A plan, its tasks, and what organisers and departments do with them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from parindex.assessments.criteria import criteria_for
from parindex.evidence.exceptions import UploadRefused
from parindex.evidence.responses import file_response
from parindex.orgs.models import Department
from parindex.remediation import access, services
from parindex.remediation.forms import DeleteForm, EvidenceForm, LetterForm, StatusForm, TaskForm
from parindex.remediation.models import PENDING_STATUSES, TaskEvidence, overdue_condition


def plan_tasks(plan, scope):
    tasks = plan.tasks.select_related("department").annotate(proofs=Count("evidence"))
    if scope.departments is not None:
        tasks = tasks.filter(department_id__in=scope.departments)
    return list(tasks)


def tasks_by_field(plan, tasks) -> list[tuple[object, list]]:
    """[(field node, its tasks)] in criteria-set order."""
    framework = criteria_for(plan.snapshot.framework).framework
    grouped: dict[str, list] = {}
    for task in tasks:
        grouped.setdefault(task.field_code, []).append(task)
    return [(f, grouped[f.code]) for f in framework.fields if f.code in grouped]


@login_required
@require_GET
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    plan, scope = access.get_plan(request.user, pk)
    tasks = plan_tasks(plan, scope)
    today = timezone.localdate()
    for task in tasks:
        task.overdue = task.is_overdue_on(today)
        task.updatable = access.may_update(request.user, task, scope)
    context = {
        "plan": plan,
        "scope": scope,
        "fields": tasks_by_field(plan, tasks),
        "total": sum(t.points_lost for t in tasks),
        "overdue": sum(1 for t in tasks if t.overdue),
    }
    return render(request, "remediation/plan.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan, _scope = access.get_plan(request.user, pk, manage=True)
    posted = request.method == "POST"
    form = LetterForm(request.POST if posted else None, instance=plan if not posted else None)
    if not posted:
        form.initial["version"] = plan.version
    if posted and form.is_valid():
        values = {name: form.cleaned_data[name] for name in LetterForm.Meta.fields}
        try:
            services.edit_plan(request.user, plan, values, form.cleaned_data["version"] or 0)
        except services.EditConflict as conflict:
            form.add_error(None, conflict.message)
        else:
            messages.success(request, _("The plan was saved."))
            return redirect("remediation:plan", pk=plan.pk)
    return render(request, "remediation/plan_edit.html", {"plan": plan, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def plan_delete(request: HttpRequest, pk: int) -> HttpResponse:
    plan, _scope = access.get_plan(request.user, pk, manage=True)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unit_id, campaign_id = plan.unit_id, plan.campaign_id
        services.delete_plan(request.user, plan, form.cleaned_data["reason"])
        messages.success(request, _("The plan was deleted."))
        return redirect("remediation:lost_points", unit_id=unit_id, campaign_id=campaign_id)
    context = {"plan": plan, "form": form, "count": plan.tasks.count()}
    return render(request, "remediation/plan_delete.html", context)


def _task_context(request, task, scope, **forms) -> dict:
    updatable = access.may_update(request.user, task, scope)
    context = {
        "task": task,
        "plan": task.plan,
        "scope": scope,
        "overdue": task.is_overdue_on(timezone.localdate()),
        "updatable": updatable,
        "history": task.changes.select_related("by"),
        "evidence": task.evidence.select_related("document"),
    }
    if updatable:
        context["status_form"] = forms.get("status_form") or StatusForm.for_task(task)
        context["evidence_form"] = forms.get("evidence_form") or EvidenceForm()
    return context


@login_required
@require_GET
def task(request: HttpRequest, pk: int) -> HttpResponse:
    task, scope = access.get_task(request.user, pk)
    return render(request, "remediation/task.html", _task_context(request, task, scope))


@login_required
@require_POST
def task_status(request: HttpRequest, pk: int) -> HttpResponse:
    task, scope = access.get_task(request.user, pk, update=True)
    form = StatusForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.change_status(
                request.user,
                task,
                data["status"],
                reason=data["reason"],
                note=data["note"],
                expected_version=data["version"],
            )
        except services.RemediationRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The task was updated."))
            return redirect("remediation:task", pk=task.pk)
    context = _task_context(request, task, scope, status_form=form)
    return render(request, "remediation/task.html", context, status=400)


@login_required
@require_POST
def task_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    task, scope = access.get_task(request.user, pk, update=True)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            services.add_evidence(
                request.user,
                task,
                stream=uploaded,
                file_name=uploaded.name,
                metadata=form.to_metadata(),
            )
        except UploadRefused as refusal:
            form.add_error("file", refusal.message)
        else:
            messages.success(request, _("The evidence was attached."))
            return redirect("remediation:task", pk=task.pk)
    context = _task_context(request, task, scope, evidence_form=form)
    return render(request, "remediation/task.html", context, status=400)


@login_required
@require_GET
def evidence_download(request: HttpRequest, pk: int, document_id: int) -> HttpResponse:
    """A completion proof, for whoever may see the task (department owners included, who
    cannot open the unit's evidence library itself)."""
    task, _scope = access.get_task(request.user, pk)
    link = (
        TaskEvidence.objects.select_related("document__file")
        .filter(task=task, document_id=document_id)
        .first()
    )
    if link is None:
        raise Http404
    return file_response(link.document, inline=False)


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task, _scope = access.get_task(request.user, pk, manage=True)
    departments = Department.objects.filter(
        jurisdiction__in=[int(p) for p in task.plan.unit.path.strip("/").split("/") if p]
    )
    posted = request.method == "POST"
    form = TaskForm(
        request.POST if posted else None,
        instance=None if posted else task,
        departments=departments,
    )
    if posted and form.is_valid():
        values = {name: form.cleaned_data[name] for name in TaskForm.Meta.fields}
        try:
            services.edit_task(request.user, task, values, form.cleaned_data["version"])
        except services.EditConflict as conflict:
            form.add_error(None, conflict.message)
        else:
            messages.success(request, _("The task was saved."))
            return redirect("remediation:plan", pk=task.plan_id)
    return render(request, "remediation/task_edit.html", {"task": task, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def task_delete(request: HttpRequest, pk: int) -> HttpResponse:
    task, _scope = access.get_task(request.user, pk, manage=True)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan_id = task.plan_id
        services.delete_task(request.user, task, form.cleaned_data["reason"])
        messages.success(request, _("The task was deleted."))
        return redirect("remediation:plan", pk=plan_id)
    return render(request, "remediation/task_delete.html", {"task": task, "form": form})


@login_required
@require_GET
def task_list(request: HttpRequest) -> HttpResponse:
    """Every task the user may see; ?show=open|overdue|all, ?department=<id>."""
    today = timezone.localdate()
    tasks = access.visible_tasks(request.user).select_related("plan__unit", "department")
    show = request.GET.get("show", "open")
    if show == "open":
        tasks = tasks.filter(status__in=PENDING_STATUSES)
    elif show == "overdue":
        tasks = tasks.filter(overdue_condition(today))
    department = request.GET.get("department", "")
    if department.isdigit():
        tasks = tasks.filter(department_id=int(department))
    tasks = list(tasks.order_by("deadline", "plan_id", "position")[:500])
    for item in tasks:
        item.overdue = item.is_overdue_on(today)
    context = {"tasks": tasks, "show": show, "department": department}
    return render(request, "remediation/task_list.html", context)
