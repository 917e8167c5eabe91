"""Fixtures of the dashboard tests: 2023 and 2024 published, 2025 still open.

The open year 2025 and the drafts carry figures that appear nowhere else (ratings of 1,
7 654 321 kronor, indicator values of 876,5 and 87 654), so a test can tell when any of it leaks.
"""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.cache import cache

from gnv_portal.models import LocalLeadership, Municipality, ReportingYear, ResponseStatus, SubGoal
from infographic.models import Indicator, IndicatorValue
from reporting.models import EconomicReport, Questionnaire, SurveyResponse
from selfassessment.models import Rating, SelfAssessment

PUBLISHED = ReportingYear.Status.PUBLISHED
FETCHED = datetime(2025, 3, 1, tzinfo=UTC)
DASH = "/rapportering/valfardsradet/"

# Submitted ratings per year and leadership (delmål 1–5).
RATINGS = {
    2023: {"Falun": [3, 3, 3, 3, 3], "Mora": [2, 3, 3, 3, 3]},
    2024: {"Falun": [4, 4, 4, 4, 4], "Mora": [4, 3, 3, 3, 3]},
    2025: {"Falun": [1, 1, 1, 1, 1], "Mora": [1, 1, 1, 1, 1]},
}
# (allocated, surplus, consumed) of submitted economic reports.
ECONOMY = {
    2023: {"Avesta": (1000000, 0, 900000), "Falun": (2000000, 0, 2000000)},
    2024: {"Avesta": (1000000, 100000, 1100000), "Falun": (2000000, 0, 1500000)},
    2025: {"Avesta": (7654321, 0, 7654321)},
}


def _assessment(year, leadership, ratings, status=ResponseStatus.SUBMITTED, label="rep@test.invalid"):
    assessment = SelfAssessment.objects.create(year=year, leadership=leadership, respondent_label=label,
                                               status=status, comment="Hemlig fritext från " + leadership.name)
    goals = {g.number: g for g in SubGoal.objects.all()}
    Rating.objects.bulk_create([Rating(assessment=assessment, subgoal=goals[n], rating=r, comment="Hemlig kommentar")
                                for n, r in enumerate(ratings, start=1)])
    return assessment


def _values(indicator, area, values_by_period, sexes=("T",)):
    IndicatorValue.objects.bulk_create([
        IndicatorValue(indicator=indicator, area=area, period=period, sex=sex, value=Decimal(str(value + offset)),
                       fetched_at=FETCHED)
        for period, value in values_by_period.items() for offset, sex in enumerate(sexes)])


@pytest.fixture
def dash(reference):
    """The years, answers, economy and two indicators; returns {year number: ReportingYear}."""
    cache.clear()  # the overview caches the infographic's summary
    years = {
        2023: ReportingYear.objects.create(year=2023, status=PUBLISHED),
        2024: ReportingYear.objects.create(year=2024, status=PUBLISHED),
        2025: ReportingYear.objects.create(year=2025, status=ReportingYear.Status.OPEN),
    }
    leaderships = {lead.name: lead for lead in LocalLeadership.objects.all()}
    for number, by_leadership in RATINGS.items():
        for name, ratings in by_leadership.items():
            _assessment(years[number], leaderships[name], ratings)
    # A draft of Borlänge in a published year: never counted, never shown.
    _assessment(years[2024], leaderships["Borlänge"], [5, 5, 5, 5, 5], status=ResponseStatus.DRAFT)

    municipalities = {m.name: m for m in Municipality.objects.all()}
    for number, by_municipality in ECONOMY.items():
        for name, (allocated, surplus, consumed) in by_municipality.items():
            EconomicReport.objects.create(year=years[number], municipality=municipalities[name], allocated=allocated,
                                          surplus=surplus, consumed=consumed, status=ResponseStatus.SUBMITTED)
    EconomicReport.objects.create(year=years[2024], municipality=municipalities["Mora"], allocated=4321987,
                                  surplus=0, consumed=4321987, status=ResponseStatus.DRAFT, comment="Hemligt utkast")
    questionnaire = Questionnaire.objects.create(year=years[2024], title="Kommunenkät 2024")
    SurveyResponse.objects.create(questionnaire=questionnaire, municipality=municipalities["Avesta"],
                                  status=ResponseStatus.SUBMITTED)
    SurveyResponse.objects.create(questionnaire=questionnaire, municipality=municipalities["Falun"],
                                  status=ResponseStatus.DRAFT)

    goals = {g.number: g for g in SubGoal.objects.all()}
    # The catalogue's indicators exist already (reference data); two are given known properties.
    kommun, _ = Indicator.objects.update_or_create(number="2.1", defaults={
        "title": "Andel med fast läkarkontakt", "sub_goal": goals[2], "level": "K", "direction": "higher",
        "split_by_sex": True, "unit": "andel (%)", "decimals": 1, "status": Indicator.Status.ACTIVE})
    region, _ = Indicator.objects.update_or_create(number="1.1", defaults={
        "title": "Väntetid i primärvården", "sub_goal": goals[1], "level": "R", "direction": "lower",
        "split_by_sex": False, "unit": "dagar", "decimals": 0, "status": Indicator.Status.ACTIVE})
    series = {2022: 40.0, 2023: 42.0, 2024: 45.5, 2025: 876.5}
    for area, shift in [("0000", 5), ("0020", 0), ("0021", -2), ("2080", 3), ("2062", -4), ("2084", 1)]:
        _values(kommun, area, {p: v + shift for p, v in series.items()}, sexes=("K", "M"))
    for area, shift in [("0000", 2), ("0020", 0), ("0021", 4), ("0001", -1)]:
        _values(region, area, {2023: 12 + shift, 2024: 10 + shift, 2025: 87654 + shift})
    return years


@pytest.fixture
def reader_client(reader, client_for, dash):
    return client_for(reader)


@pytest.fixture
def rss_client(rss_user, client_for, dash):
    return client_for(rss_user)
