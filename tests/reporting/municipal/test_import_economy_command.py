import pytest
from django.core.management import CommandError, call_command

from reporting.models import EconomicReport


def test_the_command_imports_a_csv_and_reports_what_it_did(year2024, tmp_path, capsys):
    path = tmp_path / "ekonomi.csv"
    path.write_text("year,municipality,allocated,surplus,consumed\n2024,Avesta,1 894 630,39 273,1 894 630\n",
                    encoding="utf-8")
    call_command("import_economy", str(path))
    assert "1 nya" in capsys.readouterr().out
    call_command("import_economy", str(path))
    assert "1 oförändrade" in capsys.readouterr().out
    assert EconomicReport.objects.get().consumed == 1894630


def test_the_command_fails_with_every_bad_row_and_saves_nothing(year2024, tmp_path, capsys):
    path = tmp_path / "ekonomi.csv"
    path.write_text("year,municipality,allocated,surplus,consumed\n2024,Avesta,1,1,1\n2024,Atlantis,x,1,1\n",
                    encoding="utf-8")
    with pytest.raises(CommandError, match="ingenting har sparats"):
        call_command("import_economy", str(path))
    err = capsys.readouterr().err
    assert "rad 3, kolumn municipality" in err and "rad 3, kolumn allocated" in err
    assert not EconomicReport.objects.exists()


def test_the_command_refuses_a_missing_file(db):
    with pytest.raises(CommandError, match="finns inte"):
        call_command("import_economy", "/nonexistent/ekonomi.csv")
