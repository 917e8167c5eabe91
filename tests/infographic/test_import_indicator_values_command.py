"""manage.py import_indicator_values FILE.csv: all or nothing, with every bad row named."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from infographic.imports import export_csv, import_csv
from infographic.models import IndicatorValue


def run(path):
    out, err = StringIO(), StringIO()
    call_command("import_indicator_values", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_good_file_is_imported_with_empty_value_as_missing(reference, data_dir):
    out, _ = run(data_dir / "values.csv")
    assert "Nya värden: 5" in out
    values = {(v.indicator.number, v.area, v.period, v.sex): v.value for v in IndicatorValue.objects.all()}
    assert values[("2.1", "0020", 2024, "T")] == Decimal("61.2")
    assert values[("2.1", "0003", 2024, "T")] is None
    assert set(IndicatorValue.objects.values_list("source", flat=True)) == {"csv"}


def test_semicolons_and_decimal_commas_as_excel_saves_them(reference, data_dir):
    run(data_dir / "values_semicolon.csv")
    assert IndicatorValue.objects.get(area="2080", sex="K").value == Decimal("86.5")


def test_a_bad_row_imports_nothing_and_names_every_bad_row(reference, data_dir):
    err = StringIO()
    with pytest.raises(CommandError, match="Ingenting importerades: 6 fel"):
        call_command("import_indicator_values", str(data_dir / "values_bad.csv"), stdout=StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert "Rad 3, kolumn indicator: ”9.9” är inget nyckeltal (använd numret, t.ex. 2.1)." in lines
    assert any(line.startswith("Rad 4, kolumn area:") for line in lines)
    assert {line.split(":")[0] for line in lines if line.startswith("Rad 5")} == {
        "Rad 5, kolumn period", "Rad 5, kolumn sex", "Rad 5, kolumn value"}
    assert "Rad 6, samma nyckeltal, område, period och kön som rad 2." in lines
    assert IndicatorValue.objects.count() == 0


def test_a_wrong_header_is_reported(reference, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("nyckeltal,omrade,ar,kon,varde\n2.1,0020,2024,T,1\n", encoding="utf-8")
    with pytest.raises(CommandError):
        run(path)
    assert IndicatorValue.objects.count() == 0


def test_a_missing_file_is_a_clear_error(reference, tmp_path):
    with pytest.raises(CommandError, match="Kunde inte läsa"):
        run(tmp_path / "saknas.csv")


def test_importing_twice_changes_nothing(reference, data_dir):
    run(data_dir / "values.csv")
    before = list(IndicatorValue.objects.values_list("pk", "value", "fetched_at").order_by("pk"))
    out, _ = run(data_dir / "values.csv")
    assert "Nya värden: 0, ändrade: 0, oförändrade: 5" in out
    assert list(IndicatorValue.objects.values_list("pk", "value", "fetched_at").order_by("pk")) == before


def test_the_export_reads_back_unchanged(reference, data_dir):
    run(data_dir / "values.csv")
    text = export_csv()
    assert text.splitlines()[0] == "indicator,area,period,sex,value"
    assert "2.1,0003,2024,T,\n" in text and "2.1,0020,2024,T,61.2\n" in text
    IndicatorValue.objects.all().delete()
    report = import_csv(text.encode())
    assert report.created == 5


def test_each_error_is_one_sentence(reference, data_dir):
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_indicator_values", str(data_dir / "values_bad.csv"), stdout=StringIO(), stderr=err)
    assert "Rad 5, kolumn value: ”abc” är inte ett tal." in err.getvalue().splitlines()


def test_a_value_with_more_decimals_than_stored_is_not_changed_on_the_next_import(reference, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("indicator,area,period,sex,value\n2.1,0020,2024,T,61.234567\n", encoding="utf-8")
    run(path)
    assert IndicatorValue.objects.get().value == Decimal("61.2346")
    out, _ = run(path)
    assert "oförändrade: 1" in out
