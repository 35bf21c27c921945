"""Export jobs as django-tasks tasks: the view enqueues, a worker (or, with the default
ImmediateBackend, the request itself) builds the file. Arguments are JSON: the job's id."""

from django_tasks import task

from parindex.reports.services import run_export


@task()
def build_export(job_id: int) -> str:
    return run_export(job_id).status
