"""Fixtures of the annual report tests: the demo data (complete 2024, partial 2023)."""

import pytest
from django.core.management import call_command

from gnv_portal.models import ReportingYear, Role, User


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


def pdf_pages(content):
    """The text of each page of a PDF (pypdf)."""
    import io

    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]
