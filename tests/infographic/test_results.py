"""The infographic read from the database: periods, editions, the municipality in focus, queries."""

from datetime import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gnv_portal.models import Municipality, ReportingYear
from infographic.models import Edition, Indicator, IndicatorValue
from infographic.results import build_infographic, save_edition

NOW = timezone.make_aware(datetime(2025, 2, 1, 12, 0))
REGION_CODES = ["0001", "0003", "0004", "0005", "0006", "0007", "0008", "0009"]


def put(number, area, period, value, sex="T"):
    IndicatorValue.objects.create(indicator=Indicator.objects.get(number=number), area=area, period=period,
                                  sex=sex, value=None if value is None else Decimal(str(value)), fetched_at=NOW)


@pytest.fixture
def years(reference):
    return (ReportingYear.objects.create(year=2023, status="closed"),
            ReportingYear.objects.create(year=2024, status="open"))


@pytest.fixture
def accessibility_values(years):
    """2.1 (higher is better, total): Dalarna best in 2024, and better than in 2023."""
    for i, code in enumerate(REGION_CODES):
        put("2.1", code, 2024, 40 + i)
        put("2.1", code, 2023, 40 + i)
    put("2.1", "0020", 2024, 61.2)
    put("2.1", "0020", 2023, 50.0)


def card(info, number):
    return next(r for r in info.results if r.number == number)


def test_dalarna_is_judged_against_the_regions(accessibility_values):
    info = build_infographic()
    result = card(info, "2.1")
    assert info.year == 2024 and info.title == "Infografik 2025"
    assert result.period == 2024 and result.sexes[0].trend == "better" and result.sexes[0].comparison == "better"
    assert result.updated  # no earlier edition: counts as updated
    assert [g["sub_goal"].number for g in info.groups] == [1, 2, 3, 4, 5]
    assert sum(len(g["results"]) for g in info.groups) == 20


def test_an_edition_freezes_the_periods_and_the_next_year_compares_with_it(accessibility_values, years):
    previous_year, year = years
    edition = save_edition(previous_year)
    assert edition.periods["2.1"] == 2024 and edition.periods["1.3"] is None
    assert str(edition) == "Infografik 2024"
    info = build_infographic(year)
    assert info.previous_edition == edition and not card(info, "2.1").updated
    assert "har inte uppdaterats" in info.summary.text()

    put("2.1", "0020", 2025, 70)
    assert card(build_infographic(year), "2.1").updated
    save_edition(year)
    put("2.1", "0020", 2026, 80)
    frozen = card(build_infographic(year), "2.1")
    assert frozen.period == 2025  # the saved edition shows what it showed
    assert Edition.objects.count() == 2


def test_a_municipality_in_focus_changes_only_the_kommun_level_cards(accessibility_values):
    falun = Municipality.objects.get(name="Falun")
    for code, value in [("2080", 90), ("2062", 80), ("0180", 70), ("1480", 60)]:
        put("3.2", code, 2024, value)
    put("3.2", "0020", 2024, 50)
    dalarna = build_infographic()
    focused = build_infographic(focus=falun)
    assert card(dalarna, "3.2").area == "0020" and card(dalarna, "3.2").sexes[0].value == Decimal(50)
    assert card(focused, "3.2").area == "2080" and card(focused, "3.2").sexes[0].value == Decimal(90)
    assert card(focused, "3.2").sexes[0].comparison == "better"
    assert card(focused, "2.1").area == "0020"
    assert focused.summary.whose == "Faluns och Region Dalarnas"


def test_the_number_of_queries_does_not_grow_with_the_data(accessibility_values):
    with CaptureQueriesContext(connection) as few:
        build_infographic().summary.text()
    for period in range(2010, 2020):
        for code in REGION_CODES + ["0020"]:
            put("5.1", code, period, 60, sex="K")
            put("5.1", code, period, 61, sex="M")
    with CaptureQueriesContext(connection) as many:
        build_infographic().summary.text()
    assert len(many) == len(few) <= 5


def test_publishing_a_year_saves_its_edition_once(accessibility_values, years):
    _, year = years
    year.status = ReportingYear.Status.PUBLISHED
    year.save()
    edition = Edition.objects.get(year=year)
    assert edition.periods["2.1"] == 2024
    put("2.1", "0020", 2025, 70)
    year.save()
    edition.refresh_from_db()
    assert edition.periods["2.1"] == 2024  # a published edition is not changed by later saves


def test_an_empty_database_gives_twenty_cards_without_values(reference):
    info = build_infographic()
    assert info.year is None and info.title == "Infografik" and len(info.results) == 20
    assert all(not r.has_value for r in info.results)
    assert "0 av 20 återstår" in info.summary.text()


def test_the_share_for_top_and_bottom_comes_from_the_settings(accessibility_values, settings):
    IndicatorValue.objects.filter(area="0020", period=2024).update(value=45)  # third of nine regions
    assert card(build_infographic(), "2.1").sexes[0].comparison == "middle"
    settings.GNV_COMPARISON_SHARE = "0.4"
    assert card(build_infographic(), "2.1").sexes[0].comparison == "better"


def test_a_series_over_time_for_the_dashboards(accessibility_values):
    from infographic.results import indicator_series

    assert indicator_series("2.1") == [(2023, "0020", "T", Decimal("50")), (2024, "0020", "T", Decimal("61.2"))]
    assert len(indicator_series("2.1", areas=["0020", "0001"])) == 4


def test_a_municipality_in_focus_shows_its_latest_period_up_to_the_editions_and_its_peers_of_then(years):
    previous_year, year = years
    for code, values in [("2080", (50, None, 70)), ("2062", (10, 20, 95)), ("0180", (30, 30, 30)),
                         ("1480", (40, 40, 40)), ("0020", (45, 45, 45))]:
        for period, value in zip((2022, 2023, 2024), values, strict=True):
            put("3.2", code, period, value)
    Edition.objects.create(year=year, periods={"3.2": 2023})
    result = card(build_infographic(year, focus=Municipality.objects.get(code="2080")), "3.2")
    falun = result.sexes[0]
    assert (result.area, result.period, falun.value) == ("2080", 2022, Decimal(50))  # 2023 is empty, 2024 too late
    assert falun.previous_value is None and falun.trend is None
    assert (falun.peer_count, falun.comparison) == (4, "better")  # 2022's four municipalities; not Dalarna


def test_the_sources_of_the_values_are_listed_once_each(accessibility_values):
    assert build_infographic().sources == {"kolada"} and not build_infographic().is_demo
    IndicatorValue.objects.filter(area="0001").update(source="csv")
    IndicatorValue.objects.filter(area="0003").update(source="demo")
    info = build_infographic()
    assert info.sources == {"kolada", "csv", "demo"} and info.is_demo
