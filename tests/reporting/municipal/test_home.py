from django.urls import reverse

from reporting import home
from tests.reporting.municipal.helpers import answer_survey


def test_a_respondent_gets_both_tasks_with_their_status(avesta_respondent, questionnaire, avesta):
    answer_survey(questionnaire, avesta, viktigaste_insatser="x")
    tasks = home.tasks_for(avesta_respondent)
    assert [(t["title"], t["status"]) for t in tasks] == [
        ("Kommunenkät 2024 – Avesta", "Inskickad"), ("Ekonomisk redovisning 2024 – Avesta", "Ej påbörjad")]
    assert tasks[0]["url"] == reverse("reporting:survey", args=[2024, avesta.pk])


def test_the_start_page_lists_the_tasks(client_for, avesta_respondent, questionnaire):
    page = client_for(avesta_respondent).get("/").content.decode()
    assert "Kommunenkät 2024 – Avesta" in page and "Ekonomisk redovisning 2024 – Avesta" in page


def test_menu_links_per_role(rss_user, reader, falun_rep, year2024):
    from reporting.models import ReportVersion

    dashboards = ("Översikter", reverse("reporting:dashboard"))  # issue 8: readers and RSS
    report = ("Årsrapport", reverse("reporting:report", args=[2024]))
    assert home.nav_links(rss_user) == [("Kommunrapportering", reverse("reporting:overview", args=[2024])),
                                        report, dashboards]
    # Readers get the report link once a version is published.
    assert home.nav_links(reader) == [dashboards] and home.nav_links(falun_rep) == []
    ReportVersion.objects.create(year=year2024, format="pdf", status="ready", content=b"%PDF", published=True)
    assert home.nav_links(reader) == [report, dashboards]
    assert home.tasks_for(falun_rep) == []
