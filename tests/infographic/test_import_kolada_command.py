"""manage.py import_kolada: saved responses (--from-file), paging, nulls, deleted rows, bad files,
changed Kolada titles, and no network."""

from decimal import Decimal

import pytest
import requests
from django.core.management import CommandError, call_command

from infographic.models import Indicator, IndicatorValue, KoladaImport


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("import_kolada", *args, stdout=out)
    return out.getvalue()


def stored():
    return {(v.indicator.number, v.area, v.period, v.sex): v.value
            for v in IndicatorValue.objects.select_related("indicator")}


@pytest.fixture
def pages(data_dir):
    return [str(data_dir / "kolada_v3_page1.json"), str(data_dir / "kolada_v3_page2.json")]


def test_import_from_saved_pages_keeps_null_as_missing_and_skips_groups(reference, pages):
    output = run("--period", "2024", "--from-file", *pages)
    assert stored() == {
        ("2.1", "0020", 2024, "T"): Decimal("61.2"),
        ("2.1", "0001", 2024, "T"): Decimal("48.5"),
        ("2.1", "0003", 2024, "T"): None,
        ("4.2", "0020", 2024, "K"): Decimal("14.1"),
        ("4.2", "0020", 2024, "M"): Decimal("15.3"),
        ("4.2", "0020", 2024, "T"): Decimal("14.7"),
    }
    assert "Nya värden: 6" in output
    assert "2 rader hoppades över" in output  # the 2023 row and the unknown KPI
    assert IndicatorValue.objects.filter(source="kolada").count() == 6


def test_several_periods_can_be_imported(reference, pages):
    run("--period", "2023,2024", "--from-file", *pages)
    assert stored()[("4.2", "0020", 2023, "K")] == Decimal("15.0")


def test_importing_the_same_files_twice_changes_nothing(reference, pages):
    run("--period", "2024", "--from-file", *pages)
    before = list(IndicatorValue.objects.values_list("pk", "value", "fetched_at").order_by("pk"))
    output = run("--period", "2024", "--from-file", *pages)
    assert "Nya värden: 0, ändrade: 0, oförändrade: 6" in output
    assert list(IndicatorValue.objects.values_list("pk", "value", "fetched_at").order_by("pk")) == before


def test_a_deleted_row_removes_the_stored_value_and_a_changed_one_is_updated(reference, pages, data_dir):
    run("--period", "2024", "--from-file", *pages)
    output = run("--period", "2024", "--from-file", str(data_dir / "kolada_v2_deleted.json"))
    values = stored()
    assert ("2.1", "0001", 2024, "T") not in values
    assert values[("2.1", "0004", 2024, "T")] == Decimal("52.25")
    assert "borttagna: 1" in output


@pytest.mark.parametrize("name", ["kolada_not_kolada.json", "kolada_broken.json", "saknas.json"])
def test_a_bad_file_imports_nothing_and_fails(reference, pages, data_dir, name):
    with pytest.raises(CommandError) as error:
        run("--period", "2024", "--from-file", *pages, str(data_dir / name))
    assert str(error.value).startswith("Ingenting importerades.")
    assert IndicatorValue.objects.count() == 0


def test_the_kolada_title_is_remembered_and_a_changed_title_stops_that_kpi(reference, pages, data_dir, tmp_path):
    meta = data_dir / "kolada_kpi_meta.json"
    run("--period", "2024", "--from-file", str(meta), *pages)
    indicator = Indicator.objects.get(number="2.1")
    assert indicator.kolada_title == "Medicinsk bedömning inom tre dagar i primärvård, andel (%)"
    IndicatorValue.objects.all().delete()

    changed = tmp_path / "meta.json"
    changed.write_text(meta.read_text(encoding="utf-8").replace("inom tre dagar", "inom fem dagar"),
                       encoding="utf-8")
    with pytest.raises(CommandError, match="2.1"):
        run("--period", "2024", "--from-file", str(changed), *pages)
    numbers = {key[0] for key in stored()}
    assert numbers == {"4.2"}  # the other KPI was imported
    indicator.refresh_from_db()
    assert indicator.kolada_title == "Medicinsk bedömning inom tre dagar i primärvård, andel (%)"


def test_without_network_the_command_stops_with_a_clear_message(reference, monkeypatch):
    def no_network(self, *args, **kwargs):
        raise requests.ConnectionError("Temporary failure in name resolution")

    monkeypatch.setattr(requests.Session, "get", no_network)
    with pytest.raises(CommandError) as error:
        run("--period", "2024")
    assert "Kunde inte nå Kolada" in str(error.value)
    assert "--from-file" in str(error.value)  # the command line's own way out, said where it applies
    assert IndicatorValue.objects.count() == 0
    logged = KoladaImport.objects.get()
    assert logged.status == "failed" and logged.periods == [2024] and logged.finished_at is not None


def test_live_import_fetches_titles_and_values_of_every_mapped_kpi(reference, monkeypatch, data_dir):
    import json

    from tests.infographic.test_kolada import FakeResponse

    meta = json.loads((data_dir / "kolada_kpi_meta.json").read_text())
    page1 = json.loads((data_dir / "kolada_v3_page1.json").read_text())
    page2 = json.loads((data_dir / "kolada_v3_page2.json").read_text())
    seen = []

    def fake_get(self, url, params=None, timeout=None):
        seen.append(url)
        if "/kpi/" in url and "/data/" not in url:
            return FakeResponse(200, meta)
        return FakeResponse(200, page2 if "page=2" in url else page1)

    monkeypatch.setattr(requests.Session, "get", fake_get)
    run("--period", "2024")
    mapped = sorted(Indicator.objects.exclude(kolada_id="").values_list("kolada_id", flat=True))
    assert seen[0] == "https://api.kolada.se/v3/kpi/" + ",".join(mapped)
    assert seen[1].startswith("https://api.kolada.se/v3/data/kpi/" + ",".join(mapped) + "/year/2024")
    assert ("2.1", "0020", 2024, "T") in stored()
    assert KoladaImport.objects.get().status == "done"


def test_a_bad_period_is_refused_before_anything_happens(reference):
    with pytest.raises(CommandError, match="är inte ett årtal"):
        run("--period", "i fjol", "--from-file", "x.json")
    assert not KoladaImport.objects.exists()
