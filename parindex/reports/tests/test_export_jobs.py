"""Export jobs: asked for on the page, built by the task (the default ImmediateBackend runs it
inline once the job is committed), followed by htmx polling, downloaded; a failure leaves a
message and no file."""

import io

import openpyxl
import pytest
from django.urls import reverse

from parindex.reports import services
from parindex.reports.models import ExportJob, ExportKind, ExportStatus
from parindex.reports.services import run_export, start_export


def test_asked_built_and_downloaded(
    client_for, organiser, seed003, django_capture_on_commit_callbacks
):
    client = client_for(organiser)
    snapshot = seed003["snapshot"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:start", args=[snapshot.pk]), {"kind": "xlsx"})
    job = ExportJob.objects.get()
    assert response["Location"] == reverse("reports:job", args=[job.pk])
    assert job.status == ExportStatus.DONE and job.progress == 100 and job.finished_at
    page = client.get(reverse("reports:job", args=[job.pk]), headers={"HX-Request": "true"})
    assert "every 1s" not in page.content.decode()  # polling stops once done
    assert reverse("reports:download", args=[job.pk]) in page.content.decode()
    download = client.get(reverse("reports:download", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert "Bi%E1%BB%83u" in download["Content-Disposition"]  # the Vietnamese name, RFC 5987
    book = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)), read_only=True)
    assert book.sheetnames[0] == "Biểu 1 - Tổng hợp"
    book.close()
    listed = client.get(reverse("reports:exports", args=[snapshot.campaign_id])).content.decode()
    assert reverse("reports:download", args=[job.pk]) in listed


def test_a_running_job_is_polled_every_second(client_for, organiser, seed003):
    job = start_export(organiser, seed003["snapshot"], ExportKind.DOCX)  # not committed: queued
    fragment = client_for(organiser).get(
        reverse("reports:job", args=[job.pk]), headers={"HX-Request": "true"}
    )
    html = fragment.content.decode()
    assert 'hx-trigger="every 1s"' in html and "<progress" in html
    assert "<html" not in html  # the fragment alone
    assert client_for(organiser).get(reverse("reports:download", args=[job.pk])).status_code == 404


def test_a_failure_leaves_a_message_and_no_file(organiser, seed003, media_root, monkeypatch):
    def half_then_fail(content, handle, progress, job):
        handle.write(b"PK\x03\x04 half a workbook")
        raise RuntimeError("disk on fire")

    failing = services.Output("xlsx", services.XLSX_TYPE, "x", half_then_fail)
    monkeypatch.setitem(services.OUTPUTS, ExportKind.XLSX, failing)
    job = start_export(organiser, seed003["snapshot"], ExportKind.XLSX)
    job = run_export(job.pk)
    assert job.status == ExportStatus.FAILED and not job.file
    assert "could not be built; nothing was saved" in job.message
    assert not any(path.is_file() for path in media_root.rglob("*"))


def test_a_job_is_built_once(organiser, seed003, media_root):
    job = start_export(
        organiser, seed003["snapshot"], ExportKind.SCORECARD, seed003["units"]["Huy Tường"]
    )
    first = run_export(job.pk)
    again = run_export(job.pk)
    assert first.status == again.status == ExportStatus.DONE and again.file == first.file
    assert first.file_name == "Phiếu kết quả Chỉ số CCHC 2022 - Xã Huy Tường.pdf"
    assert len([p for p in media_root.rglob("*") if p.is_file()]) == 1


def test_a_scorecard_needs_a_unit_of_the_snapshot(organiser, seed003, province):
    with pytest.raises(services.ExportRefused):
        start_export(organiser, seed003["snapshot"], ExportKind.SCORECARD, province)
