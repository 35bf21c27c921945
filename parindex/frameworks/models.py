"""Criteria sets (Bộ tiêu chí) stored as versions with a tree of nodes.

A version is a draft until published; a published version is frozen forever. The freeze is
enforced here, below every form and service: saving or deleting a published version or any of
its nodes raises `FrozenVersionError`, including bulk queryset updates and deletes.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from parindex.orgs.models import Department, Unit
from parindex.textnorm import fold, nfc

POINTS = {"max_digits": 9, "decimal_places": 4}


class FrozenVersionError(Exception):
    """An attempt to change a published criteria-set version."""


class AssessedKind(models.TextChoices):
    DEPARTMENT = "department", _("Department")
    COMMUNE = "commune", _("Commune")
    DISTRICT = "district", _("District")
    PROVINCE = "province", _("Province")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class NotApplicable(models.TextChoices):
    NOT_ALLOWED = "", _("Not allowed")
    FULL = "full", _("Scores the maximum")
    EXCLUDE = "exclude", _("Removed from the unit's maximum")


def _published_ids(version_ids) -> list[int]:
    return list(
        FrameworkVersion.objects.filter(pk__in=version_ids, status=Status.PUBLISHED).values_list(
            "pk", flat=True
        )
    )


class VersionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.filter(status=Status.PUBLISHED).exists():
            raise FrozenVersionError("A published criteria set cannot be changed.")
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status=Status.PUBLISHED).exists():
            raise FrozenVersionError("A published criteria set cannot be deleted.")
        return super().delete()


class FrameworkVersion(models.Model):
    jurisdiction = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="framework_versions",
        verbose_name=_("jurisdiction"),
    )
    code = models.CharField(_("code"), max_length=80)
    title = models.CharField(_("title"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"))
    unit_kind = models.CharField(_("kind of assessed unit"), max_length=20, choices=AssessedKind)
    decision = models.CharField(_("decision"), max_length=300, blank=True)
    scale_to = models.DecimalField(_("scale to"), default=100, **POINTS)
    # Default grouping bands as in the document: [{"label": "A", "min": "90"}, …].
    groups = models.JSONField(_("groups"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    search_text = models.CharField(max_length=400, editable=False, default="")
    # Extension keys of the document header ("x_…", which the engine accepts), kept verbatim.
    extra = models.JSONField(default=dict, blank=True)

    objects = VersionQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "unit_kind", "code"]
        verbose_name = _("criteria set version")
        verbose_name_plural = _("criteria set versions")
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "code"], name="unique_framework_code")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"

    def save(self, *args, **kwargs) -> None:
        if self.pk and _published_ids([self.pk]):
            raise FrozenVersionError(f"Criteria set {self.code} is published and frozen.")
        self.code, self.title, self.decision = nfc(self.code), nfc(self.title), nfc(self.decision)
        self.search_text = fold(f"{self.code} {self.title}")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.pk and _published_ids([self.pk]):
            raise FrozenVersionError(f"Criteria set {self.code} is published and frozen.")
        return super().delete(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class NodeQuerySet(models.QuerySet):
    def _refuse_if_frozen(self) -> None:
        versions = self.values_list("version_id", flat=True).distinct()
        if _published_ids(list(versions)):
            raise FrozenVersionError("Nodes of a published criteria set cannot be changed.")

    def update(self, **kwargs):
        self._refuse_if_frozen()
        return super().update(**kwargs)

    def delete(self):
        self._refuse_if_frozen()
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        if _published_ids({o.version_id for o in objs}):
            raise FrozenVersionError("Nodes cannot be added to a published criteria set.")
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, *args, **kwargs):
        objs = list(objs)
        if _published_ids({o.version_id for o in objs}):
            raise FrozenVersionError("Nodes of a published criteria set cannot be changed.")
        return super().bulk_update(objs, *args, **kwargs)


class FrameworkNode(models.Model):
    """A field, criterion or sub-criterion; the fields are those of the document contract."""

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="nodes")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    position = models.PositiveIntegerField(_("order among siblings"), default=0)
    depth = models.PositiveSmallIntegerField(default=1, editable=False)
    code = models.CharField(_("code"), max_length=40)
    title = models.TextField(_("title"))
    max_points = models.DecimalField(_("maximum points"), **POINTS)
    min_points = models.DecimalField(_("minimum points"), null=True, blank=True, **POINTS)
    rule = models.JSONField(_("rule"), null=True, blank=True)
    evidence = models.TextField(_("evidence expected"), blank=True)
    guidance = models.TextField(_("scoring guidance"), blank=True)
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="framework_nodes",
        verbose_name=_("responsible department"),
    )
    year_end_only = models.BooleanField(_("judged only at year end"), default=False)
    survey = models.BooleanField(_("scored from the survey"), default=False)
    na = models.CharField(
        _("not applicable"), max_length=10, choices=NotApplicable, blank=True, default=""
    )
    max_gap = models.DecimalField(_("declared maximum gap"), null=True, blank=True, **POINTS)
    bonus = models.BooleanField(_("bonus/penalty block"), default=False)
    # Extension keys of the node ("x_…"), kept verbatim so a round trip loses nothing.
    extra = models.JSONField(default=dict, blank=True)

    objects = NodeQuerySet.as_manager()

    class Meta:
        ordering = ["version", "depth", "parent_id", "position", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="unique_node_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs) -> None:
        if _published_ids([self.version_id]):
            raise FrozenVersionError("Nodes of a published criteria set cannot be changed.")
        self.code, self.title = nfc(self.code), nfc(self.title)
        self.evidence, self.guidance = nfc(self.evidence), nfc(self.guidance)
        self.depth = self.parent.depth + 1 if self.parent_id else 1
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if _published_ids([self.version_id]):
            raise FrozenVersionError("Nodes of a published criteria set cannot be deleted.")
        return super().delete(*args, **kwargs)
