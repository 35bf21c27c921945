"""Export jobs: ask for one (start_export), build it (run_export, called by the task).

A file is built in a temporary file outside the storage, then stored under its final name in
one save; the job points to it only after that save returned. A failure leaves no file behind
and no file on the job, and a message the user can read; the traceback goes to the log.
"""

import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files import File
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.orgs.models import Unit
from parindex.reports import access
from parindex.reports.content import ReportContent, report_content
from parindex.reports.docx_report import build_docx
from parindex.reports.models import ExportJob, ExportKind, ExportStatus
from parindex.reports.pdf import build_report_pdf, build_scorecards_pdf
from parindex.reports.xlsx import build_workbook
from parindex.results.models import ResultSnapshot

logger = logging.getLogger(__name__)

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PROGRESS_STEP = 5  # percent: fewer writes than one per sheet or block


@dataclass(frozen=True)
class Output:
    extension: str
    content_type: str
    title: str  # the download's name, before " — <jurisdiction> <year>"
    build: Callable  # (content, file, progress, job) -> None


OUTPUTS = {
    ExportKind.XLSX: Output(
        "xlsx", XLSX_TYPE, "Biểu kết quả Chỉ số CCHC", lambda c, f, p, j: build_workbook(c, f, p)
    ),
    ExportKind.DOCX: Output(
        "docx",
        DOCX_TYPE,
        "Dự thảo Quyết định công bố Chỉ số CCHC",
        lambda c, f, p, j: build_docx(c, f, p),
    ),
    ExportKind.PDF: Output(
        "pdf",
        "application/pdf",
        "Báo cáo Chỉ số CCHC",
        lambda c, f, p, j: build_report_pdf(c, f, p),
    ),
    ExportKind.SCORECARDS: Output(
        "pdf",
        "application/pdf",
        "Phiếu kết quả Chỉ số CCHC",
        lambda c, f, p, j: build_scorecards_pdf(c, f, None, p),
    ),
    ExportKind.SCORECARD: Output(
        "pdf",
        "application/pdf",
        "Phiếu kết quả Chỉ số CCHC",
        lambda c, f, p, j: build_scorecards_pdf(c, f, [j.unit.code], p),
    ),
}


class ExportRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def start_export(user, snapshot: ResultSnapshot, kind: str, unit: Unit | None = None) -> ExportJob:
    """Record the job and enqueue its task once the job is committed (a worker in another
    process must find it). Permission is checked here too: 403 / 404 as access decides."""
    kind = ExportKind(kind)
    if kind == ExportKind.SCORECARD:
        if unit is None or not snapshot.units.filter(unit=unit).exists():
            raise ExportRefused(_("Choose a unit of this snapshot."))
    else:
        unit = None
    access.check_export(user, snapshot, kind, unit)
    job = ExportJob.objects.create(requested_by=user, snapshot=snapshot, kind=kind, unit=unit)
    from parindex.reports.tasks import build_export  # the task module imports this one

    transaction.on_commit(lambda: build_export.enqueue(job.pk))
    return job


def download_name(job: ExportJob) -> str:
    output = OUTPUTS[ExportKind(job.kind)]
    campaign = job.snapshot.campaign
    subject = job.unit.name if job.unit else campaign.jurisdiction.name
    return f"{output.title} {campaign.year} - {subject}.{output.extension}"


def _progress(job: ExportJob) -> Callable[[int], None]:
    last = [0]

    def report(percent: int) -> None:
        percent = max(0, min(int(percent), 99))  # 100 only once the file is stored
        if percent - last[0] >= PROGRESS_STEP:
            last[0] = percent
            ExportJob.objects.filter(pk=job.pk).update(progress=percent)

    return report


def _claim(job_id: int) -> ExportJob | None:
    """Queued -> running, once: a task delivered twice builds the file once."""
    claimed = ExportJob.objects.filter(pk=job_id, status=ExportStatus.QUEUED).update(
        status=ExportStatus.RUNNING, started_at=timezone.now(), progress=1
    )
    if not claimed:
        return None
    return ExportJob.objects.select_related("snapshot__campaign__jurisdiction", "unit").get(
        pk=job_id
    )


def _build(job: ExportJob, output: Output, content: ReportContent, path: str) -> None:
    with open(path, "wb") as handle:
        output.build(content, handle, _progress(job), job)


def run_export(job_id: int) -> ExportJob:
    job = _claim(job_id)
    if job is None:
        return ExportJob.objects.get(pk=job_id)
    output = OUTPUTS[ExportKind(job.kind)]
    handle, path = tempfile.mkstemp(prefix="parindex-export-", suffix=f".{output.extension}")
    os.close(handle)
    try:
        content = report_content(job.snapshot)
        _build(job, output, content, path)
        campaign = job.snapshot.campaign
        name = f"reports/{campaign.pk}/{job.pk}-{job.kind}.{output.extension}"
        with open(path, "rb") as built:
            stored = storages["default"].save(name, File(built))
    except Exception:
        logger.exception("Export job %s (%s) failed", job.pk, job.kind)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportStatus.FAILED,
            finished_at=timezone.now(),
            message=_(
                "The file could not be built; nothing was saved. Try again, and tell the "
                "administrator if it fails again (job %(job)s)."
            )
            % {"job": job.pk},
        )
        job.refresh_from_db()
        return job
    finally:
        os.unlink(path)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportStatus.DONE,
        progress=100,
        file=stored,
        file_name=download_name(job),
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job
