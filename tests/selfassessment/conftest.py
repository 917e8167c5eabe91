"""Fixtures for the self-assessment tests: reporting years and submitted answers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gnv_portal.models import LocalLeadership, ReportingYear, ResponseStatus, SubGoal
from selfassessment.models import Rating, SelfAssessment


@pytest.fixture
def year_2024(reference):
    today = timezone.localdate()
    return ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN,
                                        opens_on=today - timedelta(days=10), deadline=today + timedelta(days=30))


@pytest.fixture
def year_2023(reference):
    return ReportingYear.objects.create(year=2023, status=ReportingYear.Status.CLOSED)


def leadership(name):
    return LocalLeadership.objects.get(name=name)


def answer(year, leadership_name, label, ratings, applied=None, status=ResponseStatus.SUBMITTED, user=None):
    """A representative's answer; `ratings` is a list for delmål 1…n (None for no rating)."""
    assessment = SelfAssessment.objects.create(
        year=year, leadership=leadership(leadership_name), respondent_label=label, applied=applied, status=status,
        respondent=user, submitted_at=timezone.now() if status == ResponseStatus.SUBMITTED else None,
    )
    goals = {g.number: g for g in SubGoal.objects.all()}
    for number, value in enumerate(ratings, start=1):
        Rating.objects.create(assessment=assessment, subgoal=goals[number], rating=value)
    return assessment


@pytest.fixture
def make_answer():
    return answer


def form_data(ratings=(4, 3, 3, 4, 2), applied="ja", comment="", comments=None, action="save"):
    data = {"action": action, "applied": applied, "comment": comment}
    for number, value in enumerate(ratings, start=1):
        data[f"rating_{number}"] = "" if value is None else str(value)
        data[f"comment_{number}"] = (comments or {}).get(number, "")
    return data
