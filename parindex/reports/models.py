"""Export jobs: one official output of one snapshot, built in the background for one user."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from parindex.orgs.models import Unit
from parindex.results.models import ResultSnapshot


class ExportKind(models.TextChoices):
    XLSX = "xlsx", _("Report tables (XLSX)")
    DOCX = "docx", _("Draft decision and report (DOCX)")
    PDF = "pdf", _("Report (PDF)")
    SCORECARDS = "scorecards", _("Scorecards of every unit (PDF)")
    SCORECARD = "scorecard", _("Scorecard of one unit (PDF)")


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ExportJob(models.Model):
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    snapshot = models.ForeignKey(ResultSnapshot, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=ExportKind)
    unit = models.ForeignKey(  # the scorecard's unit (kind "scorecard" only)
        Unit, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ExportStatus, default=ExportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)  # 0–100
    message = models.TextField(_("message"), blank=True)
    # Set only once the whole file is stored: a job never points to a partial file.
    file = models.FileField(_("file"), upload_to="reports/", max_length=300, blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        indexes = [models.Index(fields=["requested_by", "snapshot", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} ({self.status})"

    @property
    def running(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)

    @property
    def done(self) -> bool:
        return self.status == ExportStatus.DONE and bool(self.file)
