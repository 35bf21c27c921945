"""Forms of the register: a task, its deletion, the list filters, the criterion feed."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from parindex.assigned_tasks.access import department_choices
from parindex.assigned_tasks.models import AssignedTask, TaskStatus
from parindex.assigned_tasks.services import task_state
from parindex.orgs.forms import StaleEditGuard
from parindex.orgs.models import Unit
from parindex.textnorm import nfc

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LATE = "late"  # the filter for overdue or done late: every task that missed its deadline
NO_DEPARTMENT = "none"


class TaskForm(forms.ModelForm, StaleEditGuard):
    class Meta:
        model = AssignedTask
        fields = [
            "document_number",
            "document_date",
            "issuer",
            "content",
            "department",
            "deadline",
            "completed_on",
            "notes",
        ]
        widgets = {
            "document_date": DATE_WIDGET,
            "deadline": DATE_WIDGET,
            "completed_on": DATE_WIDGET,
            "content": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "document_number": _lazy("e.g. 4010/UBND-KT"),
            "issuer": _lazy("e.g. UBND tỉnh, Chủ tịch UBND tỉnh"),
            "completed_on": _lazy("Leave empty while the task is not done."),
        }

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = department_choices(unit)
        if self.instance.pk:
            self.guard_initial()

    def current_state(self) -> dict[str, str]:
        stored = AssignedTask.objects.select_related("department").get(pk=self.instance.pk)
        return task_state(stored)

    def clean_content(self) -> str:
        return nfc(self.cleaned_data["content"])

    def clean_completed_on(self):
        completed = self.cleaned_data.get("completed_on")
        if completed and completed > timezone.localdate():
            raise forms.ValidationError(_("The completion date cannot be in the future."))
        return completed

    def clean(self):
        cleaned = super().clean()
        issued = cleaned.get("document_date")
        for key, message in (
            ("deadline", _("The deadline is before the document date.")),
            ("completed_on", _("The completion date is before the document date.")),
        ):
            if issued and cleaned.get(key) and cleaned[key] < issued:
                self.add_error(key, message)
        if self.instance.pk:
            self.check_not_stale()
        return cleaned


class DeleteTaskForm(forms.Form):
    reason = forms.CharField(
        label=_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_lazy("Why this task leaves the register (kept in the audit trail)."),
    )

    def clean_reason(self) -> str:
        reason = nfc(self.cleaned_data["reason"])
        if not reason:
            raise forms.ValidationError(_("Give a reason."))
        return reason


def status_filter_choices() -> list[tuple[str, str]]:
    return [("", _("all")), *TaskStatus.choices, (LATE, _("missed the deadline"))]


class TaskFilterForm(forms.Form):
    q = forms.CharField(label=_lazy("Search"), required=False)
    department = forms.ChoiceField(label=_lazy("Department"), required=False)
    status = forms.ChoiceField(label=_lazy("Status"), required=False)
    year = forms.IntegerField(
        label=_lazy("Deadline year"), required=False, min_value=1990, max_value=2100
    )

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [
            ("", _("all")),
            (NO_DEPARTMENT, _("no department")),
            *((str(d.pk), d.name) for d in department_choices(unit)),
        ]
        self.fields["status"].choices = status_filter_choices()


class FeedForm(forms.Form):
    node_code = forms.ChoiceField(label=_lazy("Criterion"), required=False)

    def __init__(self, *args, leaves: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["node_code"].choices = [("", _("none")), *leaves]
