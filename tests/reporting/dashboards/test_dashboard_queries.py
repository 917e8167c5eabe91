"""Queries per dashboard page: at most 25, and the same with one, two or three published years."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gnv_portal.models import ReportingYear
from tests.reporting.dashboards.conftest import DASH

pytestmark = pytest.mark.django_db
PAGES = ["?ar=2024", "sjalvskattning/?ar=2024", "nyckeltal/?ar=2024&nyckeltal=2.1&kommun=2080",
         "ekonomi/?ar=2024"]


def _count(client, path):
    client.get(path)  # the session and the user's roles are read once per request either way
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", PAGES)
def test_queries_per_page_do_not_grow_with_the_years(reader_client, page):
    ReportingYear.objects.filter(year=2023).update(status=ReportingYear.Status.CLOSED)
    one_year = _count(reader_client, DASH + page)
    ReportingYear.objects.filter(year=2023).update(status=ReportingYear.Status.PUBLISHED)
    two_years = _count(reader_client, DASH + page)
    ReportingYear.objects.create(year=2022, status=ReportingYear.Status.PUBLISHED)
    three_years = _count(reader_client, DASH + page)
    assert one_year == two_years == three_years
    assert three_years <= 25
