"""The indicator explorer: an indicator over the years against the country, the municipalities
side by side, and the classification with its explanation."""

import pytest

from tests.reporting.dashboards.conftest import DASH

pytestmark = pytest.mark.django_db
PAGE = DASH + "nyckeltal/"


def test_kommun_indicator_shows_series_municipalities_and_classification(reader_client):
    response = reader_client.get(PAGE + "?nyckeltal=2.1&kommun=2080")
    html = response.content.decode()
    charts = response.context["charts"]
    assert [c["id"] for c in charts] == ["nyckeltal-over-tid", "kommuner"]
    assert charts[0]["columns"] == ["Period", "Falun – Kvinna", "Falun – Man", "Riket – Kvinna", "Riket – Man"]
    assert [row[0] for row in charts[0]["rows"]] == ["2022", "2023", "2024"]
    assert "Bedömning för Falun" in html
    assert "Bättre än föregående mätning" in html
    assert "Egen bearbetning av data från Kolada" in html


def test_filters_are_kept_in_the_form_and_the_csv_link(reader_client):
    response = reader_client.get(PAGE + "?ar=2023&nyckeltal=2.1&kommun=2080")
    html = response.content.decode()
    assert '<option value="2.1" selected>' in html
    assert '<option value="2080" selected>' in html
    expected = PAGE + "?ar=2023&kommun=2080&nyckeltal=2.1&csv=nyckeltal-over-tid"
    assert response.context["charts"][0]["csv_url"] == expected
    # The chosen year stops the series: 2024 belongs to a later report.
    assert [row[0] for row in response.context["charts"][0]["rows"]] == ["2022", "2023"]


def test_region_indicator_shows_dalarna_even_with_a_municipality_in_focus(reader_client):
    response = reader_client.get(PAGE + "?nyckeltal=1.1&kommun=2080")
    html = response.content.decode()
    assert [c["id"] for c in response.context["charts"]] == ["nyckeltal-over-tid"]
    assert "Dalarna visas i stället för kommunen i fokus" in html
    assert response.context["charts"][0]["columns"] == ["Period", "Dalarna", "Riket"]


def test_series_csv_matches_the_table(reader_client):
    text = reader_client.get(PAGE + "?nyckeltal=1.1&csv=nyckeltal-over-tid").content.decode("utf-8-sig")
    assert text.strip().split("\r\n") == ["Period;Dalarna;Riket", "2023;12;14", "2024;10;12"]


def test_indicator_without_values_says_so_and_draws_no_empty_chart(reader_client):
    from infographic.models import Indicator

    empty = Indicator.objects.exclude(number__in=["1.1", "2.1"]).filter(values__isnull=True).first()
    response = reader_client.get(PAGE + f"?nyckeltal={empty.number}")
    assert response.status_code == 200
    assert response.context["charts"] == []
    html = response.content.decode()
    assert "Det finns inget värde för urvalet." in html or "under utveckling" in html
