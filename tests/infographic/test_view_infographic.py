"""The infographic page: who may see it, the municipality in focus, the year, saving an edition."""

from datetime import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from gnv_portal.models import ReportingYear
from infographic.models import Edition, Indicator, IndicatorValue

URL = reverse("infographic:infographic")
SAVE = reverse("infographic:save_edition")


def put(number, area, period, value, sex="T"):
    IndicatorValue.objects.create(indicator=Indicator.objects.get(number=number), area=area, period=period, sex=sex,
                                  value=Decimal(str(value)), fetched_at=timezone.make_aware(datetime(2025, 2, 1)))


@pytest.fixture
def values(reference):
    ReportingYear.objects.create(year=2023, status="closed")
    ReportingYear.objects.create(year=2024, status="open")
    for i, code in enumerate(["0001", "0003", "0004", "0005", "0006", "0007", "0008", "0009"]):
        put("2.1", code, 2024, 40 + i)
    put("2.1", "0020", 2024, "61.2")
    put("2.1", "0020", 2023, "50")
    for code, value in [("2080", 90), ("2062", 10), ("0180", 50), ("1480", 55), ("0020", 52)]:
        put("3.2", code, 2024, value)


def test_a_reader_sees_the_cards_the_summary_and_the_credits(client_for, reader, values):
    page = client_for(reader).get(URL).content.decode()
    assert "Infografik 2025" in page and "Resultat i korthet" in page
    assert page.count('class="ig-card"') == 20
    assert "61,2\u00a0%" in page
    assert 'data-trend="better"' in page and "Bättre än föregående mätning" in page
    assert "cmp-better" in page and "Bättre i jämförelse med andra" in page
    assert "Under utveckling, inget värde" in page
    assert "Källa: Kolada" in page and "Egen bearbetning av data från Kolada" in page
    assert 'id="ig-tabell"' in page  # the table alternative
    assert "Spara utgåvan" not in page  # RSS only
    assert "Demodata" not in page


def test_the_municipality_in_focus_changes_the_kommun_level_cards(client_for, reader, values):
    client = client_for(reader)
    dalarna = client.get(URL).context["info"]
    falun = client.get(URL, {"kommun": "2080"}).context["info"]
    mora = client.get(URL, {"kommun": "2062"}).context["info"]

    def card(info, number):
        return next(r for r in info.results if r.number == number)

    assert card(dalarna, "3.2").sexes[0].value == 52
    assert (card(falun, "3.2").sexes[0].value, card(falun, "3.2").sexes[0].comparison) == (90, "better")
    assert (card(mora, "3.2").sexes[0].value, card(mora, "3.2").sexes[0].comparison) == (10, "worse")
    assert card(falun, "2.1").sexes[0].value == card(dalarna, "2.1").sexes[0].value


def test_an_unknown_municipality_or_year_shows_dalarnas_latest(client_for, reader, values):
    response = client_for(reader).get(URL, {"kommun": "9999", "ar": "abc"})
    assert response.status_code == 200
    assert response.context["focus"] is None and response.context["year"].year == 2024


def test_an_earlier_year_can_be_chosen(client_for, reader, values):
    response = client_for(reader).get(URL, {"ar": "2023"})
    assert response.context["info"].title == "Infografik 2024"


def test_respondents_may_not_see_it(client_for, falun_rep, values):
    assert client_for(falun_rep).get(URL).status_code == 403


def test_rss_saves_an_edition(client_for, rss_user, values):
    client = client_for(rss_user)
    assert "Spara utgåvan Infografik 2025" in client.get(URL).content.decode()
    response = client.post(SAVE, {"ar": "2024"}, follow=True)
    edition = Edition.objects.get()
    assert edition.year.year == 2024 and edition.periods["2.1"] == 2024 and edition.created_by == rss_user
    assert "Infografik 2025 är sparad." in response.content.decode()


def test_a_reader_cannot_save_an_edition(client_for, reader, values):
    assert client_for(reader).post(SAVE, {"ar": "2024"}).status_code == 403
    assert not Edition.objects.exists()


def test_saving_an_edition_of_an_unknown_year_is_404(client_for, rss_user, values):
    assert client_for(rss_user).post(SAVE, {"ar": "1999"}).status_code == 404
    assert client_for(rss_user).post(SAVE, {"ar": "x"}).status_code == 404
    assert not Edition.objects.exists()


def test_anonymous_gets_the_login_page(client, values):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_page_works_before_any_year_or_value_exists(client_for, reader):
    response = client_for(reader).get(URL)
    assert response.status_code == 200
    assert response.content.decode().count('class="ig-card"') == 20


def test_the_edition_of_a_published_year_is_kept(client_for, rss_user, values):
    year = ReportingYear.objects.get(year=2024)
    year.status = ReportingYear.Status.PUBLISHED
    year.save()  # publishing saves the edition
    put("2.1", "0020", 2025, "70")
    client = client_for(rss_user)
    assert "Spara utgåvan" not in client.get(URL).content.decode()
    response = client.post(SAVE, {"ar": "2024"}, follow=True)
    assert "hör till en publicerad rapport och kan inte ändras" in response.content.decode()
    assert Edition.objects.get().periods["2.1"] == 2024


def _fill(periods):
    """Every indicator for regions and municipalities, T/K/M, over the given periods."""
    from gnv_portal.models import Municipality

    areas = ["0001", "0003", "0004", "0005", "0020", *Municipality.objects.values_list("code", flat=True)]
    fetched = timezone.make_aware(datetime(2025, 2, 1))
    IndicatorValue.objects.bulk_create([
        IndicatorValue(indicator=indicator, area=area, period=period, sex=sex, fetched_at=fetched,
                       value=Decimal(40 + (n * 7 + period) % 23))
        for indicator in Indicator.objects.all() for n, area in enumerate(areas) for period in periods
        for sex in "TKM"])


def _page_queries(client, params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(URL, params)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(URL, params)
    assert page.status_code == 200 and 'data-comparison="' in page.content.decode()
    return len(captured)


@pytest.mark.parametrize("params", [{"ar": "2024"}, {"ar": "2024", "kommun": "2080"}])
def test_the_page_runs_the_same_few_queries_with_one_and_with_ten_periods(client_for, reader, reference, params):
    ReportingYear.objects.create(year=2024, status="open")
    client = client_for(reader)
    _fill([2024])
    one_period = _page_queries(client, params)
    _fill(range(2015, 2024))
    ten_periods = _page_queries(client, params)
    assert one_period == ten_periods <= 25
