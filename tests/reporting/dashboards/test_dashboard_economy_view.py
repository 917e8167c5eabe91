"""Economy over the years: allocated, consumed, unused and share consumed per municipality."""

import pytest

from tests.reporting.dashboards.conftest import DASH

pytestmark = pytest.mark.django_db
PAGE = DASH + "ekonomi/"


def test_economy_shows_the_year_and_the_trend(reader_client):
    response = reader_client.get(PAGE)
    charts = response.context["charts"]
    assert [c["id"] for c in charts] == ["ekonomi-ar", "belopp-over-ar", "andel-forbrukad"]
    assert ["2024", "Falun", "2\u00a0000\u00a0000", "0", "2\u00a0000\u00a0000", "1\u00a0500\u00a0000",
            "500\u00a0000", "75,0\u00a0%"] in charts[0]["rows"]
    assert len(charts[2]["rows"]) == 4  # two municipalities × two published years


def test_municipality_filter_is_kept_in_the_url(reader_client):
    response = reader_client.get(PAGE + "?ar=2023&kommun=2084")
    html = response.content.decode()
    assert '<option value="2084" selected>' in html
    charts = response.context["charts"]
    assert charts[2]["csv_url"] == PAGE + "?ar=2023&kommun=2084&csv=andel-forbrukad"
    assert {row[1] for row in charts[2]["rows"]} == {"Avesta"}


def test_economy_csv_holds_what_the_table_shows(reader_client):
    text = reader_client.get(PAGE + "?ar=2023&kommun=2084&csv=andel-forbrukad").content.decode("utf-8-sig")
    assert text.strip().split("\r\n")[1:] == ["2023;Avesta;1000000;0;1000000;900000;100000;90",
                                               "2024;Avesta;1000000;100000;1100000;1100000;0;100"]


def test_municipality_without_submitted_reports_says_so(reader_client):
    html = reader_client.get(PAGE + "?kommun=2062").content.decode()  # Mora has a draft only
    assert "Det finns inga inskickade ekonomiska redovisningar för urvalet." in html


def test_amounts_over_the_years_sum_the_municipalities_shown(reader_client):
    text = reader_client.get(PAGE + "?csv=belopp-over-ar").content.decode("utf-8-sig")
    assert text.strip().split("\r\n") == [
        "År;Belopp per kommun;Tillgängliga medel;Förbrukade medel;Outnyttjade medel;Andel förbrukad (%)",
        "2023;3000000;3000000;2900000;100000;96,7",
        "2024;3000000;3100000;2600000;500000;83,9",
    ]
    one = reader_client.get(PAGE + "?kommun=2080&csv=belopp-over-ar").content.decode("utf-8-sig")
    assert one.strip().split("\r\n")[1] == "2023;2000000;2000000;2000000;0;100"
