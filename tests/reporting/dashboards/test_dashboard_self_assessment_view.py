"""Self-assessment over the years: filters by year and delmål kept in the URL."""

import pytest

from tests.reporting.dashboards.conftest import DASH

pytestmark = pytest.mark.django_db
PAGE = DASH + "sjalvskattning/"


def test_self_assessment_shows_trend_distribution_and_comparison(reader_client):
    response = reader_client.get(PAGE)
    ids = [chart["id"] for chart in response.context["charts"]]
    assert ids == ["medel-over-ar", "fordelning", "jamforelse"]
    trend = response.context["charts"][0]
    assert [row[0] for row in trend["rows"]] == ["2023", "2024"]


def test_chosen_subgoal_and_year_are_kept_in_the_form_and_csv_links(reader_client):
    response = reader_client.get(PAGE + "?ar=2023&delmal=2")
    html = response.content.decode()
    assert '<option value="2023" selected>' in html
    assert '<option value="2" selected>' in html
    charts = response.context["charts"]
    assert charts[0]["csv_url"] == PAGE + "?ar=2023&delmal=2&csv=medel-over-ar"
    assert len(charts[0]["columns"]) == 2  # year and the one delmål
    assert "Jämförelsen med föregående år visas när föregående år är publicerat." in html
    assert [c["id"] for c in charts] == ["medel-over-ar", "fordelning"]


def test_csv_is_exactly_the_table_shown(reader_client):
    response = reader_client.get(PAGE + "?ar=2024&delmal=1")
    shown = response.context["charts"][0]
    text = reader_client.get(shown["csv_url"]).content.decode("utf-8-sig")
    lines = text.strip().split("\r\n")
    assert lines[0].split(";") == shown["columns"]
    assert [line.split(";") for line in lines[1:]] == [["2023", "2,5"], ["2024", "4"]]
    assert [row[1] for row in shown["rows"]] == ["2,5", "4,0"]


def test_distribution_csv_follows_the_subgoal_filter(reader_client):
    text = reader_client.get(PAGE + "?ar=2024&delmal=1&csv=fordelning").content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Skattning;Antal systemledningar"
    assert "4. Stämmer bra;2" in text.splitlines()


def test_a_draft_never_counts(reader_client):
    # Borlänge's draft rated everything 5: no leadership has 5 in 2024.
    text = reader_client.get(PAGE + "?ar=2024&delmal=3&csv=fordelning").content.decode("utf-8-sig")
    assert "5. Stämmer mycket bra;0" in text.splitlines()
