"""reporting.annual_report.tasks: the background build fills in the version, or marks it failed with the reason."""

from reporting.annual_report import report
from reporting.annual_report.tasks import build_report_task, run_build
from reporting.models import ReportVersion


def test_the_task_builds_the_version_from_the_text_and_snapshot_it_was_given(demo):
    snapshot = report.collect(demo)
    version = ReportVersion.objects.create(year=demo, format="html", text="# 1 Svar\n\n{{ sjalvskattning_svarat_av }}",
                                           snapshot=snapshot)
    build_report_task.enqueue(version.pk)
    version.refresh_from_db()
    assert version.status == ReportVersion.Status.READY and version.finished_at is not None
    assert "13 av 13" in bytes(version.content).decode() and version.progress == ""


def test_an_unknown_name_marks_the_version_failed_with_the_swedish_reason(demo):
    version = ReportVersion.objects.create(year=demo, format="pdf", text="# 1\n\n[[saknas]]",
                                           snapshot=report.collect(demo))
    run_build(version.pk)
    version.refresh_from_db()
    assert version.status == ReportVersion.Status.FAILED
    assert version.error == "Rad 3: okänt block ”saknas”." and not version.content
