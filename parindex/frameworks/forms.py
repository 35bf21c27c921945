"""Forms of the criteria-set pages. Text is NFC-normalised; points are Decimals."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from parindex.frameworks.canonical import decimal_text, ordered_rule, parse_decimal
from parindex.frameworks.documents import ancestor_ids
from parindex.frameworks.models import AssessedKind, FrameworkNode, FrameworkVersion, Status
from parindex.frameworks.problems import Problem
from parindex.frameworks.yaml_format import dump_yaml_block, parse_yaml_value
from parindex.orgs.models import Department, Unit
from parindex.textnorm import nfc

RULE_KINDS = (
    "manual",
    "yes_no",
    "deadline",
    "bands",
    "proportional",
    "formula",
    "choice",
    "deductions",
    "checklist",
    "derived",
    "survey",
)
# Engine field paths -> the form field that shows the problem.
PATH_FIELDS = {
    "code": "code",
    "title": "title",
    "max": "max_points",
    "min": "min_points",
    "department": "department",
    "na": "na",
    "max_gap": "max_gap",
    "bonus": "bonus",
    "rule.kind": "rule_kind",
    "rule": "rule_config",
}


class NfcFormMixin:
    """Every text a user types is stored NFC-composed (Vietnamese from several keyboards)."""

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = nfc(value)
        return cleaned


def groups_text(groups: list[dict]) -> str:
    return "; ".join(f"{g['label']}: {g['min']}" for g in groups or [])


class VersionForm(NfcFormMixin, forms.ModelForm):
    groups_text = forms.CharField(
        label=_("Groups"),
        required=False,
        help_text=_("Highest first, minimum inclusive, e.g. “A: 90; B: 70; C: 50; D: 0”."),
    )

    class Meta:
        model = FrameworkVersion
        fields = ["jurisdiction", "code", "title", "year", "unit_kind", "decision", "scale_to"]

    def __init__(self, *args, jurisdictions=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if jurisdictions is None:
            del self.fields["jurisdiction"]
        else:
            self.fields["jurisdiction"].queryset = jurisdictions
        self.fields["groups_text"].initial = groups_text(self.instance.groups)

    def clean_groups_text(self) -> list[dict]:
        groups = []
        for part in filter(None, (p.strip() for p in self.cleaned_data["groups_text"].split(";"))):
            label, _sep, minimum = part.rpartition(":")
            number = parse_decimal(minimum.replace(",", "."))
            if not label.strip() or number is None:
                raise ValidationError(_("Write each group as “label: minimum”."))
            groups.append({"label": nfc(label), "min": decimal_text(number)})
        return groups

    def header_fields(self) -> dict:
        fields = {k: v for k, v in self.cleaned_data.items() if k not in ("groups_text",)}
        fields["groups"] = self.cleaned_data["groups_text"]
        fields.pop("jurisdiction", None)
        return fields


class NodeForm(NfcFormMixin, forms.ModelForm):
    rule_kind = forms.ChoiceField(
        label=_("Rule"),
        required=False,
        choices=[("", _("— none (a node with children) —"))] + [(k, k) for k in RULE_KINDS],
    )
    rule_config = forms.CharField(
        label=_("Rule configuration (YAML)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "class": "code"}),
        help_text=_("Everything of the rule except its kind, e.g. “floor: '80'”."),
    )

    class Meta:
        model = FrameworkNode
        fields = [
            "code",
            "title",
            "max_points",
            "min_points",
            "department",
            "evidence",
            "guidance",
            "year_end_only",
            "survey",
            "na",
            "max_gap",
            "bonus",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
            "guidance": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, jurisdiction: Unit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(
            jurisdiction_id__in=ancestor_ids(jurisdiction)
        ).select_related("jurisdiction")
        for name in ("max_points", "min_points", "max_gap"):
            value = getattr(self.instance, name)
            if value is not None:
                self.initial[name] = decimal_text(value)  # "1", not "1.0000"
        rule = dict(self.instance.rule or {})
        self.fields["rule_kind"].initial = rule.pop("kind", "")
        self.fields["rule_config"].initial = dump_yaml_block(ordered_rule(rule)) if rule else ""

    def clean_rule_config(self) -> dict:
        text = self.cleaned_data["rule_config"].strip()
        if not text:
            return {}
        try:
            config = parse_yaml_value(text)
        except Exception as exc:  # yaml.YAMLError: show its text under the field
            raise ValidationError(_("Not valid YAML: %(error)s") % {"error": exc}) from exc
        if not isinstance(config, dict):
            raise ValidationError(_("Write the configuration as keys and values."))
        if "kind" in config:
            raise ValidationError(_("Choose the kind above, not in the configuration."))
        return config

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("rule_config") and not cleaned.get("rule_kind"):
            self.add_error("rule_kind", _("Choose the kind of rule this configuration is for."))
        return cleaned

    def node_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        kind = self.cleaned_data.get("rule_kind")
        fields["rule"] = {"kind": kind} | self.cleaned_data["rule_config"] if kind else None
        return fields

    def add_problems(self, problems: list[Problem]) -> None:
        """Show refused-save problems under the field they concern (else at the top)."""
        for problem in problems:
            field = PATH_FIELDS.get(problem.path) or PATH_FIELDS.get(problem.path.split(".")[0])
            if problem.path.startswith("rule.kind"):
                field = "rule_kind"
            if field not in self.fields:
                field = None
            self.add_error(field, problem.text() if field else str(problem))


class ImportForm(forms.Form):
    jurisdiction = forms.ModelChoiceField(label=_("Owned by"), queryset=Unit.objects.none())
    file = forms.FileField(
        label=_("File"), help_text=_("A criteria set as .yaml/.yml or .xlsx (see the manual).")
    )

    def __init__(self, *args, jurisdictions, max_bytes: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jurisdiction"].queryset = jurisdictions
        self.max_bytes = max_bytes

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".yaml", ".yml", ".xlsx")):
            raise ValidationError(_("Upload a .yaml, .yml or .xlsx file."))
        if upload.size > self.max_bytes:
            raise ValidationError(_("The file is larger than the upload limit."))
        return upload


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False)
    unit_kind = forms.ChoiceField(
        label=_("Kind of unit"), required=False, choices=[("", _("all")), *AssessedKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("all")), *Status.choices]
    )


class DiffForm(forms.Form):
    old = forms.ModelChoiceField(label=_("From"), queryset=FrameworkVersion.objects.none())
    new = forms.ModelChoiceField(label=_("To"), queryset=FrameworkVersion.objects.none())

    def __init__(self, *args, versions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old"].queryset = versions
        self.fields["new"].queryset = versions
