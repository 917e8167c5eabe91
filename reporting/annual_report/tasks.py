"""The report PDF is made in the background (django-tasks): the page shows the version's
progress until it is ready. The same `build()` runs synchronously from build_report."""

import traceback

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from gnv_portal import background
from reporting.annual_report.build import build
from reporting.annual_report.report import ReportTextError
from reporting.models import ReportVersion


def expire_stale_builds():
    """Versions whose worker was stopped mid-build are marked failed after the timeout."""
    return background.expire(
        ReportVersion.objects.filter(status=ReportVersion.Status.BUILDING), status=ReportVersion.Status.FAILED,
        progress="", finished_at=timezone.now(),
        error=background.timeout_message(_("Skapa en ny version av rapporten.")))


def run_build(version_id):
    version = ReportVersion.objects.select_related("year").get(pk=version_id)
    if version.status != ReportVersion.Status.BUILDING:
        # Taken up only after it was marked failed (the worker was down too long): RSS was told
        # to start again, so this one stays failed.
        return

    def progress(message):
        ReportVersion.objects.filter(pk=version_id).update(progress=str(message)[:200])

    try:
        built = build(version.year, version.format, text=version.text or None, snapshot=version.snapshot or None,
                      progress=progress)
    except ReportTextError as error:
        ReportVersion.objects.filter(pk=version_id).update(
            status=ReportVersion.Status.FAILED, error="\n".join(error.errors), finished_at=timezone.now())
        return
    except Exception:  # noqa: BLE001 - whatever broke, RSS sees a failed version instead of an endless spinner
        ReportVersion.objects.filter(pk=version_id).update(
            status=ReportVersion.Status.FAILED, error=traceback.format_exc(limit=3), finished_at=timezone.now())
        raise
    with transaction.atomic():
        ReportVersion.objects.filter(pk=version_id).update(
            status=ReportVersion.Status.READY, content=built.content, checksum=built.checksum, text=built.text,
            snapshot=built.snapshot, progress="", error="", finished_at=timezone.now())


@task()
def build_report_task(version_id):
    run_build(version_id)
