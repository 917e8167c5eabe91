"""Fixtures of the reporting tests: the open year 2024 with the reference kommunenkät."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gnv_portal.models import Municipality, ReportingYear
from reporting.municipal import reference_data


@pytest.fixture
def year2024(reference):
    today = timezone.localdate()
    year = ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN,
                                        opens_on=today - timedelta(days=10), deadline=today + timedelta(days=30))
    reference_data.load()
    return year


@pytest.fixture
def questionnaire(year2024):
    return year2024.questionnaire


@pytest.fixture
def avesta(reference):
    return Municipality.objects.get(name="Avesta")


@pytest.fixture
def falun(reference):
    return Municipality.objects.get(name="Falun")
