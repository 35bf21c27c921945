"""The registers a user may read, and one unit's register with its filters and counts."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from parindex.assigned_tasks import access
from parindex.assigned_tasks.feed_panel import feed_panels
from parindex.assigned_tasks.forms import TaskFilterForm
from parindex.assigned_tasks.register import department_counts, filter_tasks, unit_counts
from parindex.orgs import access as org_access
from parindex.orgs.models import Unit


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user, today = request.user, timezone.localdate()
    tasks = access.visible_tasks(user)
    counts = unit_counts(tasks, today)
    readable = org_access.units_with_role(user, access.READER_ROLES)
    units = Unit.objects.filter(pk__in=readable.values("pk")) | Unit.objects.filter(
        pk__in=list(counts)
    )
    rows = [(unit, counts.get(unit.pk, {})) for unit in units.order_by("path", "code")]
    context = {"rows": rows, "can_configure": org_access.is_organiser_anywhere(user)}
    return render(request, "assigned_tasks/index.html", context)


@login_required
def register(request: HttpRequest, unit_pk: int) -> HttpResponse:
    user, today = request.user, timezone.localdate()
    unit = access.get_register_unit(user, unit_pk)
    form = TaskFilterForm(request.GET or None, unit=unit)
    filters = form.cleaned_data if form.is_valid() else {}
    readable = access.register_tasks(user, unit)
    tasks = filter_tasks(readable, filters, today).select_related("department")
    context = {
        "unit": unit,
        "form": form,
        "tasks": [(task, task.status_on(today)) for task in tasks],
        "can_edit": access.may_edit(user, unit),
        "department_only": not access.may_read_all(user, unit),
        "query": request.GET.urlencode(),
    }
    if request.htmx:
        return render(request, "assigned_tasks/register.html#task_table", context)
    counts, total = department_counts(readable, today)
    context |= {"counts": counts, "total": total, "feeds": feed_panels(user, unit, today)}
    return render(request, "assigned_tasks/register.html", context)
