"""The overview per year: completeness, key messages, and the link to the report."""

import pytest
from django.urls import reverse

from gnv_portal.models import ReportingYear
from tests.reporting.dashboards.conftest import DASH

pytestmark = pytest.mark.django_db


def test_overview_shows_completeness_of_the_latest_published_year(reader_client):
    response = reader_client.get(DASH)
    html = response.content.decode()
    assert "Hur komplett är uppföljningen 2024?" in html
    chart = response.context["charts"][0]
    assert ["Självskattning (systemledningar)", "2", "13", "15,4\u00a0%"] in chart["rows"]
    assert chart["csv_url"] == DASH + "?ar=2024&csv=inskickat"


def test_overview_of_a_chosen_year_keeps_the_year_in_the_links(reader_client):
    response = reader_client.get(DASH + "?ar=2023")
    html = response.content.decode()
    assert "Hur komplett är uppföljningen 2023?" in html
    assert '<option value="2023" selected>' in html
    assert f'href="{DASH}ekonomi/?ar=2023"' in html


def test_overview_gives_the_generated_key_messages(reader_client):
    html = reader_client.get(DASH + "?ar=2024").content.decode()
    assert "2 av 13 lokala systemledningar har svarat på självskattningen." in html
    assert "Infografiken omfattar totalt" in html


def test_overview_csv_is_the_completeness_table(reader_client):
    text = reader_client.get(DASH + "?ar=2024&csv=inskickat").content.decode("utf-8-sig")
    lines = text.strip().split("\r\n")
    assert lines[0] == "Del;Inskickade;Totalt;Andel (%)"
    assert "Ekonomisk redovisning (kommuner);2;15;13,3" in lines


def test_overview_links_to_the_report_only_once_a_version_is_published(reader_client):
    from reporting.models import ReportVersion

    year = ReportingYear.objects.get(year=2024)
    report_page = reverse("reporting:report", args=[2024])
    version = ReportVersion.objects.create(year=year, format="html", status="ready", content=b"<p>Rapport</p>")
    html = reader_client.get(DASH + "?ar=2024").content.decode()
    assert "Läs den publicerade årsrapporten" not in html and report_page not in html

    version.published = True
    version.save()
    html = reader_client.get(DASH + "?ar=2024").content.decode()
    assert f'href="{report_page}"' in html
    assert reader_client.get(report_page).status_code == 200
