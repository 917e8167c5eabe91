"""Fixtures of the annual report tests: the demo data (complete 2024, partial 2023), or an open year."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from gnv_portal.models import ReportingYear, Role, User
from reporting.municipal import reference_data


@pytest.fixture
def demo(db):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return ReportingYear.objects.get(year=2024)


@pytest.fixture
def demo_rss(demo):
    return User.objects.get(email="rss@demo.invalid")


@pytest.fixture
def demo_reader(demo):
    user = User.objects.get(email="lasare@demo.invalid")
    assert user.memberships.filter(role=Role.READER).exists()
    return user


@pytest.fixture
def open_year(reference):
    """An open 2024 with the reference kommunenkät and a deadline two months ahead, no answers."""
    today = timezone.localdate()
    year = ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN,
                                        opens_on=today - timedelta(days=30), deadline=today + timedelta(days=60))
    reference_data.load()
    return year


def pdf_pages(content):
    """The text of each page of a PDF (pypdf)."""
    import io

    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]
