"""The report preview runs a fixed number of SQL queries however many years of data exist (issue 8)."""

import random
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gnv_portal.models import LocalLeadership, Municipality, ReportingYear, SubGoal
from gnv_portal.models import ResponseStatus as S
from infographic.models import Indicator, IndicatorValue
from reporting.demo import _survey_data
from reporting.models import Answer, EconomicReport, Question, Quote, ReportText, SurveyResponse
from reporting.municipal import questionnaires
from reporting.municipal.reference_data import load_template
from selfassessment.models import LeadershipMapping, Rating, SelfAssessment

MAX_QUERIES = 25
LAST_YEAR = 2024


def _add_year(number, rng):
    """One published year with every kind of data the report shows: self-assessments, mappings,
    kommunenkät answers with a picked quote, economic reports and indicator values."""
    year = ReportingYear.objects.create(year=number, status=ReportingYear.Status.PUBLISHED)
    goals = list(SubGoal.objects.all())
    for leadership in LocalLeadership.objects.all():
        for rep in range(2):
            assessment = SelfAssessment.objects.create(year=year, leadership=leadership, respondent_label=f"r{rep}",
                                                       status=S.SUBMITTED, applied=rep == 0)
            Rating.objects.bulk_create([Rating(assessment=assessment, subgoal=g, rating=rng.randint(1, 5))
                                        for g in goals])
        LeadershipMapping.objects.create(year=year, leadership=leadership, status=S.SUBMITTED, has_chair=True,
                                         meetings_per_year=4, member_roles=["politik"])
    questionnaire = load_template(year)
    questions = questionnaires.questions_of(questionnaire)
    for index, municipality in enumerate(Municipality.objects.order_by("name")[:4]):
        response = SurveyResponse.objects.create(questionnaire=questionnaire, municipality=municipality,
                                                 status=S.SUBMITTED)
        questionnaires.save_answers(response, questions, _survey_data(index, questions))
        EconomicReport.objects.create(year=year, municipality=municipality, allocated=1_000_000, surplus=10_000,
                                      consumed=rng.randint(0, 1_000_000), status=S.SUBMITTED)
    answer = Answer.objects.filter(response__questionnaire=questionnaire, question__type=Question.Type.TEXT) \
        .exclude(text="").first()
    Quote.objects.create(answer=answer, text=answer.text)
    fetched = datetime(number + 1, 3, 1, tzinfo=UTC)
    IndicatorValue.objects.bulk_create([
        IndicatorValue(indicator=indicator, area=area, period=period, sex=sex, fetched_at=fetched,
                       value=Decimal(str(round(rng.uniform(20, 80), 1))))
        for indicator in Indicator.objects.all() for area in ("0000", "20", "2080")
        for period in (number,) for sex in ("T", "K", "M")
    ])
    return year


def _preview_queries(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("reporting:report_preview", args=[LAST_YEAR]))
    assert response.status_code == 200
    assert b"GNVBLOCK" not in response.content
    return len(captured)


@pytest.mark.django_db
def test_the_report_preview_runs_the_same_few_queries_with_one_and_with_six_years_of_data(client_for, rss_user):
    rng = random.Random(8)
    client = client_for(rss_user)
    _add_year(LAST_YEAR, rng)
    one_year = _preview_queries(client)

    for number in range(LAST_YEAR - 5, LAST_YEAR):
        _add_year(number, rng)
    ReportText.objects.create(year=ReportingYear.objects.get(year=LAST_YEAR - 1),
                              body="# Förra årets text\n\n{{ ar }}\n\n[[figur_medelvarden]]\n\n[[citat]]")
    several_years = _preview_queries(client)

    assert one_year <= MAX_QUERIES
    assert several_years == one_year
