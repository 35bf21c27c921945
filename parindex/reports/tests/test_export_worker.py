"""With TASKS_BACKEND=database (production), the request only queues the export; a separate
`manage.py db_worker` builds it. Real backend, real worker command, no stand-ins."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from parindex.reports.models import ExportJob, ExportStatus

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_the_request_queues_and_the_worker_builds(settings, client_for, organiser, seed003):
    settings.TASKS = DATABASE_TASKS
    snapshot = seed003["snapshot"]
    client = client_for(organiser)
    client.post(reverse("reports:start", args=[snapshot.pk]), {"kind": "xlsx"})
    job = ExportJob.objects.get()
    assert job.status == ExportStatus.QUEUED and not job.file
    polled = client.get(reverse("reports:job", args=[job.pk]), headers={"HX-Request": "true"})
    assert "every 1s" in polled.content.decode()

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0.01")

    job.refresh_from_db()
    assert job.status == ExportStatus.DONE and job.file and job.progress == 100
