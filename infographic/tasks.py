"""Background work: a fetch from Kolada can take minutes (paging, back-off), so the portal queues it."""

from django_tasks import task

from infographic.imports import run_kolada_import


@task()
def kolada_import_task(run_id):
    run_kolada_import(run_id)
