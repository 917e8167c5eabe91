"""A Kolada fetch whose worker was killed is failed after the timeout; RSS starts a new one,
and a fetch taken up only after that does not run."""

from datetime import timedelta

import pytest
import requests
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from infographic.imports import run_kolada_import
from infographic.models import KoladaImport
from infographic.tasks import kolada_import_task

IMPORT_PAGE = reverse("infographic:import_values")


def _aged(run, minutes):
    KoladaImport.objects.filter(pk=run.pk).update(created_at=timezone.now() - timedelta(minutes=minutes))


def test_a_fetch_left_running_is_failed_after_the_timeout(client_for, rss_user):
    dead = KoladaImport.objects.create(periods=[2024], status=KoladaImport.Status.RUNNING)
    _aged(dead, 45)
    queued = KoladaImport.objects.create(periods=[2023])
    _aged(queued, 5)
    page = client_for(rss_user).get(IMPORT_PAGE).content.decode()
    dead.refresh_from_db()
    assert dead.status == KoladaImport.Status.FAILED and dead.finished_at is not None
    assert dead.report.startswith("Bakgrundsjobbet blev inte klart inom 30 minuter")
    assert dead.report.endswith("Ingenting importerades. Starta en ny hämtning.")
    assert "Starta en ny hämtning." in page
    assert KoladaImport.objects.get(pk=queued.pk).status == KoladaImport.Status.QUEUED


def test_a_fetch_taken_up_after_it_failed_does_not_run(rss_user):
    run = KoladaImport.objects.create(periods=[2024], status=KoladaImport.Status.FAILED, report="för gammal")
    _run, report = run_kolada_import(run.pk, client=object())  # would fail if it were used
    assert report is None
    run.refresh_from_db()
    assert run.status == KoladaImport.Status.FAILED and run.report == "för gammal"


# The worker closes the connection between tasks, as it should outside a test's transaction.
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_a_started_worker_takes_up_the_queued_fetch(rss_user, monkeypatch):
    def no_network(self, *args, **kwargs):
        raise requests.ConnectionError("no route to host")

    monkeypatch.setattr(requests.Session, "get", no_network)
    run = KoladaImport.objects.create(created_by=rss_user, periods=[2024])
    kolada_import_task.enqueue(run.pk)
    assert KoladaImport.objects.get(pk=run.pk).status == KoladaImport.Status.QUEUED
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    run.refresh_from_db()
    assert run.status == KoladaImport.Status.FAILED and "Kunde inte nå Kolada" in run.report
