"""Units of a jurisdiction, their lineage, the departments that own criteria, and memberships.

A unit is anything that is assessed or that organises assessment: the province, its
departments (sở), its communes/wards, historical districts and their communes. Units form a
tree by `parent`; a unit formed by merging former units records them as predecessors with
weights so later years can compare a new commune with its history.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from parindex.textnorm import fold, nfc


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    DEPARTMENT = "department", _("Department (sở, ban, ngành)")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")
    WARD = "ward", _("Ward")
    SPECIAL_ZONE = "special_zone", _("Special zone")
    TOWNSHIP = "township", _("Township (thị trấn)")


class Role(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    REPORTER = "reporter", _("Unit reporter")
    HEAD = "head", _("Unit head")
    APPRAISER = "appraiser", _("Appraiser")
    COUNCIL = "council", _("Council member")
    DEPARTMENT_OWNER = "department_owner", _("Department owner")
    VIEWER = "viewer", _("Viewer")


class Unit(models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path of ancestor ids ("/1/5/") so subtree scoping is one indexed LIKE.
    path = models.CharField(max_length=400, editable=False, db_index=True, default="/")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    search_text = models.CharField(max_length=400, editable=False, db_index=True, default="")

    class Meta:
        ordering = ["path", "code"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range",
                violation_error_message=_("The end of validity is before its start."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs) -> None:
        self.code = nfc(self.code)
        self.name = nfc(self.name)
        self.search_text = fold(f"{self.code} {self.name}")
        super().save(*args, **kwargs)
        new_path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if new_path != self.path:
            old_path, self.path = self.path, new_path
            Unit.objects.filter(pk=self.pk).update(path=new_path)
            self._repath_descendants(old_path, new_path)

    def clean(self) -> None:
        self.code = nfc(self.code)
        self.name = nfc(self.name)
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A unit cannot be its own parent.")})
        if self.parent_id and self.pk and f"/{self.pk}/" in self.parent.path:
            raise ValidationError({"parent": _("A unit cannot be placed under its own child.")})

    def _repath_descendants(self, old_path: str, new_path: str) -> None:
        if old_path in ("/", ""):
            return
        for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
            Unit.objects.filter(pk=child.pk).update(path=new_path + child.path[len(old_path) :])

    def is_within(self, ancestor: "Unit") -> bool:
        """True when this unit is `ancestor` or lies below it."""
        return self.path.startswith(ancestor.path)


class UnitPredecessor(models.Model):
    """Lineage: `unit` was formed (in part) from `predecessor`, weighted by `weight`."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="predecessor_links")
    predecessor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="successor_links")
    weight = models.DecimalField(
        _("weight"),
        max_digits=7,
        decimal_places=4,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.0001"))],
    )
    effective_on = models.DateField(_("effective on"), null=True, blank=True)

    class Meta:
        verbose_name = _("predecessor")
        verbose_name_plural = _("predecessors")
        constraints = [
            models.UniqueConstraint(fields=["unit", "predecessor"], name="unique_lineage"),
            models.CheckConstraint(
                condition=~models.Q(unit=models.F("predecessor")), name="lineage_not_self"
            ),
            models.CheckConstraint(
                condition=models.Q(weight__gt=0),
                name="lineage_weight_positive",
                violation_error_message=_("A lineage weight must be greater than 0."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.unit} × {self.weight}"


class Department(models.Model):
    """A department that owns criteria (Phòng/Sở Nội vụ, Tư pháp, …) within a jurisdiction."""

    jurisdiction = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="departments", verbose_name=_("jurisdiction")
    )
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    # Where the department is itself an assessed unit (a provincial sở), the link to it.
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    search_text = models.CharField(max_length=400, editable=False, default="")

    class Meta:
        ordering = ["jurisdiction", "code"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "code"], name="unique_department")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.code = nfc(self.code)
        self.name = nfc(self.name)
        self.search_text = fold(f"{self.code} {self.name}")
        super().save(*args, **kwargs)


class Membership(models.Model):
    """A user's role in a unit. Organiser/council/viewer roles cover the unit's subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text=_("For appraisers and department owners: the department they act for."),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "unit", "role", "department"], name="unique_membership"
            ),
            # NULLs are distinct in a unique index, so the no-department case needs its own.
            models.UniqueConstraint(
                fields=["user", "unit", "role"],
                condition=models.Q(department__isnull=True),
                name="unique_membership_without_department",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"
