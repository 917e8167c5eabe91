"""manage.py import_selfassessments FILE.csv"""

import pytest
from django.core.management import CommandError, call_command

from selfassessment.models import SelfAssessment
from tests.selfassessment.test_imports import GOOD

pytestmark = pytest.mark.django_db


def test_command_imports_and_prints_the_report(reference, tmp_path, capsys):
    path = tmp_path / "sjalvskattning.csv"
    path.write_text(GOOD, encoding="utf-8")
    call_command("import_selfassessments", str(path))
    assert "4 rader: 3 svar nya, 0 ändrade, 0 oförändrade." in capsys.readouterr().out
    call_command("import_selfassessments", str(path))
    assert "0 svar nya, 0 ändrade, 3 oförändrade" in capsys.readouterr().out
    assert SelfAssessment.objects.count() == 3


def test_command_fails_with_every_row_error(reference, tmp_path, capsys):
    path = tmp_path / "fel.csv"
    path.write_text(GOOD + "2022,Falun,x,1,7,,\n2022,Falun,y,2,0,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Inget lästes in: 2 fel"):
        call_command("import_selfassessments", str(path))
    err = capsys.readouterr().err
    assert "Rad 6, kolumn rating" in err and "Rad 7, kolumn rating" in err
    assert not SelfAssessment.objects.exists()


def test_command_reports_a_missing_file(reference, tmp_path):
    with pytest.raises(CommandError, match="Kan inte läsa"):
        call_command("import_selfassessments", str(tmp_path / "finns-inte.csv"))
