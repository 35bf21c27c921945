"""Evidence documents (tài liệu kiểm chứng): a unit's library entries and the blobs they hold.

`EvidenceFile` is content-addressed: one row and one stored object per distinct SHA-256, however
many documents point at it. `EvidenceDocument` is what a unit uploaded: its own metadata
(số hiệu, ngày, cơ quan ban hành, trích yếu) around a shared blob. Documents are never deleted
or their blob replaced; metadata edits are audited with old and new values.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from parindex.evidence.filetypes import FILE_TYPES, FileType, file_type
from parindex.textnorm import fold, nfc

# The metadata a person may edit after upload, in form order.
METADATA_FIELDS = ("number", "issued_on", "issuing_body", "title", "notes")


class EvidenceFile(models.Model):
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    content_type = models.CharField(
        _("detected type"),
        max_length=100,
        choices=[(mime, t.label) for mime, t in FILE_TYPES.items()],
    )
    storage_name = models.CharField(_("storage name"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("stored at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        constraints = [
            models.CheckConstraint(condition=models.Q(size__gt=0), name="evidence_file_not_empty")
        ]

    def __str__(self) -> str:
        return f"{self.sha256[:12]}… ({self.content_type}, {self.size} B)"

    @property
    def file_type(self) -> FileType:
        return file_type(self.content_type)


class EvidenceDocument(models.Model):
    unit = models.ForeignKey(
        "orgs.Unit",
        on_delete=models.PROTECT,
        related_name="evidence_documents",
        verbose_name=_("unit"),
    )
    file = models.ForeignKey(
        EvidenceFile, on_delete=models.PROTECT, related_name="documents", verbose_name=_("file")
    )
    original_name = models.CharField(_("file name"), max_length=255)
    number = models.CharField(_("number (số hiệu)"), max_length=100, blank=True)
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    issuing_body = models.CharField(_("issuing body"), max_length=255, blank=True)
    title = models.CharField(_("title (trích yếu)"), max_length=500)
    notes = models.TextField(_("notes"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Bumped by every metadata edit: a form carrying an older version is refused, not applied.
    version = models.PositiveIntegerField(default=1, editable=False)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("evidence document")
        verbose_name_plural = _("evidence documents")
        indexes = [models.Index(fields=["unit", "-uploaded_at"], name="evidence_unit_recent")]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()

    def save(self, *args, **kwargs) -> None:
        self.normalise()
        super().save(*args, **kwargs)

    def normalise(self) -> None:
        """NFC every text field and refresh the folded search column."""
        for name in ("original_name", "number", "issuing_body", "title", "notes"):
            setattr(self, name, nfc(getattr(self, name) or ""))
        self.search_text = fold(
            f"{self.number} {self.title} {self.issuing_body} {self.original_name}"
        )

    def metadata(self) -> dict[str, str]:
        """The editable fields as text, for change records."""
        state = {name: getattr(self, name) or "" for name in METADATA_FIELDS}
        state["issued_on"] = self.issued_on.isoformat() if self.issued_on else ""
        return state
