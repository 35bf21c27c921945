"""Adding, editing and deleting (with a reason) one task of a register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from parindex.assigned_tasks import access
from parindex.assigned_tasks.forms import DeleteTaskForm, TaskForm
from parindex.assigned_tasks.models import AssignedTask
from parindex.assigned_tasks.services import UNCHANGED, delete_task, save_task
from parindex.orgs.models import Unit


def _task_form(request: HttpRequest, unit: Unit, task: AssignedTask) -> HttpResponse:
    form = TaskForm(request.POST or None, instance=task, unit=unit)
    if request.method == "POST" and form.is_valid():
        is_new = task.pk is None
        status = save_task(request.user, form.save(commit=False))
        if is_new:
            messages.success(request, _("Task added to the register."))
        elif status == UNCHANGED:
            messages.info(request, _("Nothing was changed."))
        else:
            messages.success(request, _("Task saved."))
        return redirect("assigned_tasks:register", unit.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "assigned_tasks/task_form.html",
        {"form": form, "unit": unit, "task": task},
        status=status,
    )


@login_required
def task_create(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = access.get_register_unit(request.user, unit_pk, edit=True)
    return _task_form(request, unit, AssignedTask(unit=unit))


@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = access.get_task(request.user, pk, edit=True)
    return _task_form(request, task.unit, task)


@login_required
def task_delete(request: HttpRequest, pk: int) -> HttpResponse:
    task = access.get_task(request.user, pk, edit=True)
    form = DeleteTaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        delete_task(request.user, task, form.cleaned_data["reason"])
        messages.success(request, _("Task removed from the register. The audit trail keeps it."))
        return redirect("assigned_tasks:register", task.unit_id)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "assigned_tasks/task_delete.html", {"form": form, "task": task}, status=status
    )
