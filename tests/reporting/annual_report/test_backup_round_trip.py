"""The portal-level backup: export_data → an empty database → import_data gives the same rows,
the same content, and the published report rebuilds byte for byte (same SHA-256)."""

import gzip
import hashlib
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gnv_portal import backup
from gnv_portal.models import User
from reporting.annual_report import build
from reporting.annual_report.tasks import run_build
from reporting.models import ReportVersion


def _published_pdf(year, user):
    version = ReportVersion.objects.create(year=year, format="pdf", text=build.report.text_for_year(year),
                                           snapshot=build.report.collect(year), created_by=user)
    run_build(version.pk)
    ReportVersion.objects.filter(pk=version.pk).update(published=True)
    return ReportVersion.objects.get(pk=version.pk)


def _rows(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


@pytest.mark.django_db(transaction=True)
def test_export_into_an_empty_database_and_back_gives_the_same_data_and_report(demo, demo_rss, tmp_path):
    version = _published_pdf(demo, demo_rss)
    assert version.status == ReportVersion.Status.READY
    counts = backup.row_counts()
    assert counts["reporting.reportversion"] == 1 and counts["gnv_portal.user"] > 30
    password_hash = demo_rss.password
    first = tmp_path / "backup.json"
    call_command("export_data", str(first), stdout=open("/dev/null", "w"))  # noqa: SIM115
    # As deploy/backup.sh leaves it: a compressed copy beside the file (loaddata would take both).
    (tmp_path / "backup.json.gz").write_bytes(gzip.compress(first.read_bytes()))

    # An empty database: what `migrate` leaves (content types and permissions, made anew).
    call_command("flush", interactive=False, verbosity=0)
    assert not any(backup.row_counts().values())
    call_command("import_data", str(first), stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert backup.row_counts() == counts
    second = tmp_path / "again.json"
    backup.export_data(second)
    assert _rows(second) == _rows(first)
    assert User.objects.get(email="rss@demo.invalid").password == password_hash

    restored = ReportVersion.objects.get(pk=version.pk)
    assert restored.published and bytes(restored.content) == bytes(version.content)
    rebuilt = build.build(restored.year, "pdf", text=restored.text, snapshot=restored.snapshot)
    assert hashlib.sha256(rebuilt.content).hexdigest() == version.checksum == rebuilt.checksum

    # A new row gets a new id (the id sequences moved past the restored ones on PostgreSQL).
    assert ReportVersion.objects.create(year=restored.year).pk > version.pk


def test_import_refuses_a_database_that_is_not_empty(demo, tmp_path):
    path = tmp_path / "backup.json"
    backup.export_data(path)
    users = User.objects.count()
    with pytest.raises(CommandError, match="Databasen är inte tom"):
        call_command("import_data", str(path))
    assert User.objects.count() == users


def test_the_backup_keeps_times_to_the_microsecond():
    """Django's own JSON cuts times to milliseconds: a restored row would differ from the original."""
    import datetime
    import json

    from gnv_portal.backup_format import ExactEncoder

    when = datetime.datetime(2025, 3, 1, 9, 30, 0, 1, tzinfo=datetime.UTC)
    assert json.dumps(when, cls=ExactEncoder) == '"2025-03-01T09:30:00.000001Z"'
    from django.utils.dateparse import parse_datetime

    assert parse_datetime(json.loads(json.dumps(when, cls=ExactEncoder))) == when
