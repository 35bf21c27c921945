"""Forms of the campaign pages. Dates are typed in the configured TIME_ZONE; text is NFC."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from parindex.assessments.models import Campaign, Deadline
from parindex.assessments.schedule import REQUIRED_FIELDS, SCHEDULE_FIELDS
from parindex.assessments.services import KIND_FAMILIES
from parindex.frameworks.canonical import decimal_text
from parindex.orgs.models import Unit, UnitKind
from parindex.textnorm import nfc

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def datetime_field(name: str) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=Campaign._meta.get_field(name).verbose_name,
        required=name in REQUIRED_FIELDS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
    )


def groups_as_text(groups: list[dict]) -> str:
    return "\n".join(f"{band['label']}: {band['min']}" for band in groups)


def parse_groups(text: str) -> list[dict]:
    """ "A: 90" per line, highest first → [{"label": "A", "min": "90"}, …]."""
    groups = []
    for number, line in enumerate(nfc(text).splitlines(), start=1):
        if not line.strip():
            continue
        label, separator, minimum = line.rpartition(":")
        try:
            value = Decimal(minimum.strip())
        except InvalidOperation:
            value = None
        if not separator or not label.strip() or value is None or not value.is_finite():
            raise ValidationError(
                _("Line %(line)s: write a group as “label: minimum”, e.g. “A: 90”."),
                params={"line": number},
            )
        groups.append({"label": label.strip(), "min": decimal_text(value)})
    return groups


class ScheduleForm(forms.Form):
    """Title, schedule and groups: what can change after a campaign is created."""

    title = forms.CharField(label=_("Title"), max_length=300)
    groups_text = forms.CharField(
        label=_("Groups"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One group per line, highest first: “A: 90”. Index at or above the minimum."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in SCHEDULE_FIELDS:
            self.fields[name] = datetime_field(name)

    def clean_title(self) -> str:
        return nfc(self.cleaned_data["title"])

    def clean_groups_text(self) -> list[dict]:
        return parse_groups(self.cleaned_data["groups_text"])

    def schedule(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in SCHEDULE_FIELDS}

    def show_problems(self, problems: dict[str, list[str]]) -> None:
        """Put a service's CampaignRefused problems next to the fields they concern."""
        for field, messages in problems.items():
            target = field if field in self.fields else None
            if field == "groups":
                target = "groups_text"
            for message in messages:
                self.add_error(target, message)


class CampaignCreateForm(ScheduleForm):
    jurisdiction = forms.ModelChoiceField(label=_("Jurisdiction"), queryset=Unit.objects.none())
    framework = forms.ModelChoiceField(label=_("Criteria set"), queryset=Unit.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    kinds = forms.MultipleChoiceField(
        label=_("Assess every unit of these kinds"),
        choices=UnitKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Units below the jurisdiction; adjust the list by hand afterwards."),
    )
    field_order = ["jurisdiction", "framework", "year", "title", "kinds"]

    def __init__(self, *args, jurisdictions, frameworks, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jurisdiction"].queryset = jurisdictions
        self.fields["framework"].queryset = frameworks
        self.order_fields(self.field_order)

    def clean(self) -> dict:
        data = super().clean()
        framework = data.get("framework")
        if framework is not None and not data.get("kinds"):
            data["kinds"] = sorted(KIND_FAMILIES.get(framework.unit_kind, {framework.unit_kind}))
        if framework is not None and not data.get("groups_text"):
            data["groups_text"] = list(framework.groups)
        return data

    def units(self):
        jurisdiction = self.cleaned_data["jurisdiction"]
        return (
            Unit.objects.filter(
                path__startswith=jurisdiction.path, kind__in=self.cleaned_data["kinds"]
            )
            .exclude(pk=jurisdiction.pk)
            .order_by("path", "code")
        )


class UnitsForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label=_("Units assessed"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, candidates, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = candidates


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def clean_reason(self) -> str:
        reason = nfc(self.cleaned_data["reason"])
        if not reason:
            raise ValidationError(_("A reason is required."))
        return reason


class ExtensionForm(ReasonForm):
    deadline = forms.ChoiceField(label=_("Deadline"), choices=Deadline.choices)
    new_due = forms.DateTimeField(
        label=_("New deadline"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
    )
    field_order = ["deadline", "new_due", "reason"]


class CitationForm(forms.Form):
    document = forms.ModelChoiceField(label=_("Document"), queryset=Unit.objects.none())
    locator = forms.CharField(
        label=_("Page or section"),
        max_length=200,
        required=False,
        help_text=_("Where the document proves the point, e.g. “page 3, section II.2”."),
    )

    def __init__(self, *args, documents, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents
