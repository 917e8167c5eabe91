import io

import openpyxl

from gnv_portal import workflow
from gnv_portal.models import ReportingYear, ResponseStatus
from reporting.models import EconomicReport
from reporting.municipal.imports import import_economy

GOOD = (
    "year,municipality,allocated,surplus,consumed\n"
    "2024,Avesta,1 894 630,39 273,1 894 630\n"
    "2024,2080,4970761,104547,\n"
)


def _csv(text):
    return text.encode("utf-8")


def test_import_saves_every_row_by_name_or_code(year2024, rss_user):
    result = import_economy(_csv(GOOD), "ekonomi.csv", user=rss_user)
    assert result.ok, result.errors
    assert result.created == 2
    avesta = EconomicReport.objects.get(municipality__name="Avesta")
    assert (avesta.allocated, avesta.surplus, avesta.consumed) == (1894630, 39273, 1894630)
    assert avesta.status == ResponseStatus.SUBMITTED
    falun = EconomicReport.objects.get(municipality__code="2080")
    assert falun.consumed is None and falun.status == ResponseStatus.DRAFT
    assert [e.action for e in workflow.history(avesta)] == ["imported"]


def test_importing_the_same_file_twice_changes_nothing(year2024):
    import_economy(_csv(GOOD), "ekonomi.csv")
    before = list(EconomicReport.objects.values_list("pk", "allocated", "surplus", "consumed", "updated_at"))
    result = import_economy(_csv(GOOD), "ekonomi.csv")
    assert result.ok and result.unchanged == 2 and result.created == result.updated == 0
    assert list(EconomicReport.objects.values_list("pk", "allocated", "surplus", "consumed", "updated_at")) == before


def test_errors_name_the_row_and_column_and_nothing_is_saved(year2024):
    text = (
        "year;municipality;allocated;surplus;consumed\n"
        "2024;Avesta;1 894 630;39 273;1 894 630\n"
        "2024;Gotham;1;1;1\n"
        "2024;Falun;-5;abc;1\n"
        "20x4;Mora;1;1;1\n"
        "2024;Avesta;1;1;1\n"
    )
    result = import_economy(_csv(text), "ekonomi.csv")
    assert not result.ok
    described = [str(e) for e in result.errors]
    assert any(d.startswith("rad 3, kolumn municipality: Kommunen ”Gotham” finns inte") for d in described)
    assert any(d.startswith("rad 4, kolumn allocated: Beloppet kan inte vara negativt") for d in described)
    assert any(d.startswith("rad 4, kolumn surplus:") for d in described)
    assert any(d.startswith("rad 5, kolumn year:") for d in described)
    assert any(d.startswith("rad 6, kolumn municipality: Avesta 2024 finns redan på rad 2") for d in described)
    assert EconomicReport.objects.count() == 0


def test_missing_columns_are_reported_on_row_1(reference):
    result = import_economy(_csv("year,kommun,allocated\n2024,Avesta,1\n"), "x.csv")
    assert [(e.row, e.column) for e in result.errors] == [(1, "")]
    assert "municipality" in result.errors[0].message


def test_a_year_not_in_the_portal_is_created_closed(reference):
    result = import_economy(_csv("year,municipality,allocated,surplus,consumed\n2022,Orsa,500,5,505\n"), "x.csv")
    assert result.ok and result.years_created == [2022]
    assert ReportingYear.objects.get(year=2022).status == ReportingYear.Status.CLOSED


def test_the_same_table_as_xlsx_is_accepted(year2024):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["year", "municipality", "allocated", "surplus", "consumed"])
    sheet.append([2024, "Hedemora", 1274612, 26695, 1301307])
    sheet.append([2024, "hedemora", "1 274 612", 1, 1])
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_economy(buffer.getvalue(), "ekonomi.xlsx")
    assert [(e.row, e.column) for e in result.errors] == [(3, "municipality")]
    sheet.delete_rows(3)
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_economy(buffer.getvalue(), "ekonomi.xlsx")
    assert result.ok
    assert EconomicReport.objects.get(municipality__name="Hedemora").consumed == 1301307


def test_consumed_above_available_is_imported_with_a_warning(year2024):
    result = import_economy(_csv("year,municipality,allocated,surplus,consumed\n2024,Orsa,100,0,150\n"), "x.csv")
    assert result.ok and [(w.row, w.column) for w in result.warnings] == [(2, "consumed")]
