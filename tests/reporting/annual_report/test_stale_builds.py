"""A report build whose worker was killed is not left "building" forever: after the timeout it is
failed with a Swedish message, RSS starts a new one, and a started worker takes up what was queued."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reporting.annual_report import report
from reporting.annual_report.tasks import build_report_task, run_build
from reporting.models import ReportVersion

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TEXT = "# 1 Svar\n\n{{ sjalvskattning_svarat_av }}"


def _version(year, **fields):
    return ReportVersion.objects.create(year=year, format="html", text=TEXT, snapshot=report.collect(year), **fields)


def _started(version, minutes_ago):
    ReportVersion.objects.filter(pk=version.pk).update(created_at=timezone.now() - timedelta(minutes=minutes_ago))


# The worker closes the connection between tasks, as it should outside a test's transaction.
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_a_build_whose_worker_died_is_failed_after_the_timeout_and_rss_starts_it_again(client_for, demo, demo_rss):
    version = _version(demo, created_by=demo_rss, progress="figur-2")
    build_report_task.enqueue(version.pk)
    # The worker took the task and was then killed: its queue row stays RUNNING, the version building.
    task_row = DBTaskResult.objects.get()
    task_row.claim("killed-worker")
    DBTaskResult.objects.filter(pk=task_row.pk).update(started_at=timezone.now() - timedelta(minutes=31))
    _started(version, 31)
    fresh = _version(demo)  # started a minute ago: still waiting for its turn
    _started(fresh, 1)

    client = client_for(demo_rss)
    page = client.get(reverse("reporting:report_version", args=[version.pk])).content.decode()
    version.refresh_from_db()
    assert version.status == ReportVersion.Status.FAILED and version.finished_at is not None
    assert "inte klart inom 30 minuter" in version.error and "Skapa en ny version" in version.error
    assert "inte klart inom 30 minuter" in page and 'http-equiv="refresh"' not in page
    assert ReportVersion.objects.get(pk=fresh.pk).status == ReportVersion.Status.BUILDING
    assert DBTaskResult.objects.get(pk=task_row.pk).status == "FAILED"

    # The version page offers a new build; it is queued and a started worker builds it.
    assert reverse("reporting:report_create", args=[demo.year]) in page
    response = client.post(reverse("reporting:report_create", args=[demo.year]), {"format": "html"})
    new = ReportVersion.objects.exclude(pk__in=[version.pk, fresh.pk]).get()
    assert response.url == reverse("reporting:report_version", args=[new.pk])
    assert new.status == ReportVersion.Status.BUILDING
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    new.refresh_from_db()
    assert new.status == ReportVersion.Status.READY and "13 av 13" in bytes(new.content).decode()


@pytest.mark.parametrize("minutes", [29, 31])
def test_only_builds_older_than_the_timeout_are_failed(demo, minutes):
    from reporting.annual_report.tasks import expire_stale_builds

    version = _version(demo)
    _started(version, minutes)
    assert expire_stale_builds() == (1 if minutes > 30 else 0)
    with override_settings(GNV_TASK_TIMEOUT=timedelta(minutes=60)):
        assert expire_stale_builds() == 0


def test_a_task_taken_up_after_its_version_failed_does_not_build_it(demo):
    version = _version(demo, status=ReportVersion.Status.FAILED, error="Bakgrundsjobbet blev inte klart …")
    run_build(version.pk)
    version.refresh_from_db()
    assert version.status == ReportVersion.Status.FAILED and not version.content
