"""manage.py save_infographic_edition YEAR."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gnv_portal.models import ReportingYear
from infographic.imports import import_csv
from infographic.models import Edition


def test_the_edition_is_saved_with_the_latest_periods(reference, data_dir):
    ReportingYear.objects.create(year=2024)
    import_csv((data_dir / "values.csv").read_bytes())
    out = StringIO()
    call_command("save_infographic_edition", "2024", stdout=out)
    assert out.getvalue().strip() == "Infografik 2025 sparad."
    assert Edition.objects.get().periods["2.1"] == 2024


def test_an_unknown_year_is_an_error(reference):
    with pytest.raises(CommandError, match="Rapporteringsåret 2019 finns inte"):
        call_command("save_infographic_edition", "2019", stdout=StringIO())
    assert not Edition.objects.exists()


def test_the_edition_of_a_published_year_is_not_replaced(reference):
    year = ReportingYear.objects.create(year=2024, status=ReportingYear.Status.PUBLISHED)
    with pytest.raises(CommandError, match="publicerad rapport"):
        call_command("save_infographic_edition", "2024", stdout=StringIO())
    assert Edition.objects.get(year=year)  # made once when it was published
