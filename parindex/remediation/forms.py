"""Forms of the remediation pages. They validate and NFC the fields; services do the work."""

from django import forms
from django.utils.translation import gettext_lazy as _

from parindex.evidence.forms import UploadForm
from parindex.orgs.models import Department
from parindex.remediation.models import RemediationPlan, RemediationTask, TaskStatus
from parindex.textnorm import nfc

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _Nfc:
    text_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        for name in self.text_fields:
            if isinstance(cleaned.get(name), str):
                cleaned[name] = nfc(cleaned[name])
        return cleaned


class LetterForm(_Nfc, forms.ModelForm):
    """The plan's subject and the letter's header and signature."""

    text_fields = ("title", "issuing_body", "reference", "place", "signer_title", "signer_name")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    class Meta:
        model = RemediationPlan
        fields = [
            "title",
            "issuing_body",
            "reference",
            "place",
            "letter_date",
            "signer_title",
            "signer_name",
        ]
        widgets = {"letter_date": DATE}
        help_texts = {
            "issuing_body": _("e.g. ỦY BAN NHÂN DÂN HUYỆN PHÙ YÊN"),
            "reference": _("e.g. 125/UBND-NV"),
        }


class BuildPlanForm(LetterForm):
    """The plan's letter fields plus the chosen lost nodes and those grouped per criterion."""

    snapshot = forms.IntegerField(widget=forms.HiddenInput)
    codes = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    grouped = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, lost_codes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [(code, code) for code in lost_codes]
        self.fields["codes"].choices = choices
        self.fields["grouped"].choices = choices

    def letter(self) -> dict:
        return {name: self.cleaned_data[name] for name in LetterForm.Meta.fields}


class TaskForm(_Nfc, forms.ModelForm):
    """The organiser's edit of a task."""

    text_fields = ("limitation", "remedy")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = RemediationTask
        fields = ["department", "limitation", "remedy", "deadline"]
        widgets = {
            "deadline": DATE,
            "limitation": forms.Textarea(attrs={"rows": 3}),
            "remedy": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, departments=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments or Department.objects.none()
        if self.instance.pk and "version" not in self.initial:
            self.initial["version"] = self.instance.version


class StatusForm(_Nfc, forms.Form):
    text_fields = ("reason", "note")
    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)
    reason = forms.CharField(
        label=_("Why"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the task cannot be done."),
    )
    note = forms.CharField(
        label=_("Department's note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == TaskStatus.CANNOT_FIX and not cleaned.get("reason"):
            self.add_error("reason", _("Say why the task cannot be done."))
        return cleaned

    @classmethod
    def for_task(cls, task: RemediationTask, data=None) -> "StatusForm":
        initial = {"status": task.status, "note": task.note, "version": task.version}
        return cls(data=data, initial=initial)


class EvidenceForm(UploadForm):
    """A completion proof: the evidence app's own upload form (validated by its service)."""


class DeleteForm(_Nfc, forms.Form):
    text_fields = ("reason",)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
