"""Organiser forms for units, users and memberships. Choices come from orgs.access only."""

import hashlib
import json
from decimal import Decimal

from django import forms
from django.contrib.auth import password_validation
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from parindex.accounts.models import User
from parindex.orgs import access
from parindex.orgs.lineage import LineageError, format_lineage, parse_lineage
from parindex.orgs.models import Department, Membership, Role, Unit, UnitKind
from parindex.orgs.services import lineage_of, unit_state, user_state
from parindex.textnorm import nfc

DEPARTMENT_ROLES = frozenset({Role.APPRAISER, Role.DEPARTMENT_OWNER})


def state_fingerprint(state: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:32]


class StaleEditGuard(forms.Form):
    """Refuses to save over changes someone else made after this form was opened.

    The page carries a fingerprint of the record as it was shown; if the stored record no
    longer matches it, saving would silently overwrite the other person's edit.
    """

    loaded_state = forms.CharField(widget=forms.HiddenInput, required=False)

    def current_state(self) -> dict[str, str]:
        raise NotImplementedError

    def guard_initial(self) -> None:
        self.fields["loaded_state"].initial = state_fingerprint(self.current_state())

    def check_not_stale(self) -> None:
        loaded = self.cleaned_data.get("loaded_state")
        if loaded and loaded != state_fingerprint(self.current_state()):
            raise forms.ValidationError(
                _(
                    "Someone else changed this record after you opened it. Reload the page "
                    "to see their changes, then make yours again."
                ),
                code="stale",
            )


class UnitForm(forms.ModelForm, StaleEditGuard):
    predecessors = forms.CharField(
        label=_lazy("Formed from"),
        required=False,
        help_text=_lazy("Codes of the former units with weights, e.g. X01:0.6;X02:0.4"),
    )

    class Meta:
        model = Unit
        fields = ["code", "name", "kind", "parent", "valid_from", "valid_to"]
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_to": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, actor: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.lineage: list[tuple[Unit, Decimal]] = []
        unit = self.instance
        allowed = Q(pk__in=access.organised_units(actor).values("pk"))
        if unit.parent_id:  # the root of a jurisdiction keeps its parent outside the scope
            allowed |= Q(pk=unit.parent_id)
        parents = Unit.objects.filter(allowed)
        if unit.pk:
            parents = parents.exclude(path__startswith=unit.path)
            self.fields["predecessors"].initial = format_lineage(lineage_of(unit))
            self.guard_initial()
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = not actor.is_superuser and (
            unit.pk is None or unit.parent_id is not None
        )

    def current_state(self) -> dict[str, str]:
        stored = Unit.objects.select_related("parent").get(pk=self.instance.pk)
        return {**unit_state(stored), "lineage": format_lineage(lineage_of(stored))}

    def clean_code(self) -> str:
        return nfc(self.cleaned_data["code"])

    def clean_name(self) -> str:
        return nfc(self.cleaned_data["name"])

    def clean_predecessors(self) -> str:
        text = self.cleaned_data["predecessors"]
        try:
            parts = parse_lineage(text)
        except LineageError as exc:
            raise forms.ValidationError(str(exc)) from None
        found = {
            u.code: u
            for u in access.visible_units(self.actor).filter(code__in=[p.code for p in parts])
        }
        missing = [p.code for p in parts if p.code not in found]
        if missing:
            raise forms.ValidationError(
                _("Unknown unit codes: %(codes)s.") % {"codes": ", ".join(missing)}
            )
        if self.instance.pk and any(found[p.code].pk == self.instance.pk for p in parts):
            raise forms.ValidationError(_("A unit cannot be formed from itself."))
        self.lineage = [(found[p.code], p.weight) for p in parts]
        return text

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self.check_not_stale()
        return cleaned


def membership_departments(actor: User):
    """Departments of the jurisdictions the actor organises (or above them, for context)."""
    return Department.objects.filter(jurisdiction__in=access.visible_units(actor)).select_related(
        "jurisdiction"
    )


class MembershipForm(forms.Form):
    unit = forms.ModelChoiceField(label=_lazy("Unit"), queryset=Unit.objects.none())
    role = forms.ChoiceField(label=_lazy("Role"), choices=Role.choices)
    department = forms.ModelChoiceField(
        label=_lazy("Department"),
        queryset=Department.objects.none(),
        required=False,
        help_text=_lazy("Required for appraisers and department owners."),
    )

    def __init__(self, *args, actor: User, member: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor, self.member = actor, member
        self.fields["unit"].queryset = access.organised_units(actor)
        self.fields["department"].queryset = membership_departments(actor)

    def clean(self):
        cleaned = super().clean()
        unit, role, department = (cleaned.get(k) for k in ("unit", "role", "department"))
        if unit is None or role is None:
            return cleaned
        if role in DEPARTMENT_ROLES and department is None:
            self.add_error("department", _("Choose the department this person acts for."))
        if department is not None and not unit.is_within(department.jurisdiction):
            self.add_error(
                "department", _("This department does not belong to the unit or above it.")
            )
        if (
            self.member is not None
            and Membership.objects.filter(
                user=self.member, unit=unit, role=role, department=department
            ).exists()
        ):
            raise forms.ValidationError(_("This person already has this role in this unit."))
        return cleaned


class UserCreateForm(MembershipForm):
    username = forms.CharField(label=_lazy("Username"), max_length=150)
    full_name = forms.CharField(label=_lazy("Full name"), max_length=200)
    email = forms.EmailField(label=_lazy("E-mail"), required=False)
    password = forms.CharField(
        label=_lazy("Initial password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_lazy(
            "Leave empty to let the person choose one through “Forgot your password?” "
            "(needs an e-mail address)."
        ),
    )
    field_order = ["username", "full_name", "email", "password", "unit", "role", "department"]

    def clean_username(self) -> str:
        username = nfc(self.cleaned_data["username"])
        User.username_validator(username)
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken."))
        return username

    def clean_full_name(self) -> str:
        return nfc(self.cleaned_data["full_name"])

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            candidate = User(
                username=cleaned.get("username", ""),
                full_name=cleaned.get("full_name", ""),
                email=cleaned.get("email", ""),
            )
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return cleaned


class UserProfileForm(forms.ModelForm, StaleEditGuard):
    class Meta:
        model = User
        fields = ["full_name", "email", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.guard_initial()

    def current_state(self) -> dict[str, str]:
        return user_state(User.objects.get(pk=self.instance.pk))

    def clean_full_name(self) -> str:
        return nfc(self.cleaned_data["full_name"])

    def clean(self):
        cleaned = super().clean()
        self.check_not_stale()
        return cleaned


class UnitSearchForm(forms.Form):
    q = forms.CharField(label=_lazy("Search"), required=False)
    kind = forms.ChoiceField(
        label=_lazy("Kind"), required=False, choices=[("", "—"), *UnitKind.choices]
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_lazy("CSV or XLSX file"))
    update_existing = forms.BooleanField(
        label=_lazy("Update existing records"),
        required=False,
        help_text=_lazy(
            "Without this, a code or username that already exists is refused. With it, the "
            "file's values replace the stored ones (every change is recorded)."
        ),
    )
