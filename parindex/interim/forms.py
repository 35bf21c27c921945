from django import forms
from django.utils.translation import gettext_lazy as _

from parindex.frameworks.models import FrameworkVersion, Status
from parindex.orgs.models import Unit


class StartRoundForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    framework = forms.ModelChoiceField(
        label=_("Criteria set"), queryset=FrameworkVersion.objects.none()
    )
    as_of = forms.DateField(label=_("Scores as of"), widget=forms.DateInput(attrs={"type": "date"}))
    label = forms.CharField(label=_("Label"), max_length=100, help_text=_("e.g. “9 tháng”"))
    carry_over = forms.BooleanField(
        label=_("Start from the unit's latest earlier round"), required=False, initial=True
    )

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        kinds = set(units.values_list("kind", flat=True))
        self.fields["framework"].queryset = FrameworkVersion.objects.filter(
            status=Status.PUBLISHED, unit_kind__in=kinds
        )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Inputs file (.xlsx, .csv, .yaml)"))
