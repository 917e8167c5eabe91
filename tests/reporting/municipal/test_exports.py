import io
from decimal import Decimal

import openpyxl

from gnv_portal.models import Municipality, ResponseStatus
from reporting.municipal import exports
from tests.reporting.municipal.helpers import answer_survey, economic_report


def _workbook(year):
    return openpyxl.load_workbook(io.BytesIO(exports.excel(year)))


def test_excel_has_one_sheet_per_part_and_one_row_per_municipality(questionnaire):
    book = _workbook(questionnaire.year)
    assert book.sheetnames == ["Kommunenkät", "Ekonomisk redovisning", "Frågor", "Citat"]
    survey = book["Kommunenkät"]
    assert survey.max_row == 1 + 15
    assert [survey.cell(row=r, column=1).value for r in (2, 16)] == ["Avesta", "Älvdalen"]
    economy = book["Ekonomisk redovisning"]
    assert economy.cell(row=1, column=1).value == "Kommun"


def test_excel_multiple_choice_is_one_numeric_column_per_option(questionnaire, avesta):
    answer_survey(questionnaire, avesta, omraden=["utskrivningsprocessen", "annat"], omraden_annat="Robotar",
                  overgripande_uppfoljning="ja", viktigaste_insatser="Mobila team",
                  fast_omsorgskontakt_antal=Decimal("350"))
    sheet = _workbook(questionnaire.year)["Kommunenkät"]
    headers = [c.value for c in sheet[1]]
    row = dict(zip(headers, sheet[2], strict=True))
    assert row["Områden och arbetssätt: Utskrivningsprocessen"].value == 1
    assert row["Områden och arbetssätt: Utskrivningsprocessen"].data_type == "n"
    assert row["Områden och arbetssätt: Multiprofessionella team i kommunen"].value == 0
    assert row["Områden och arbetssätt: annat, nämligen"].value == "Robotar"
    assert row["Övergripande uppföljning genomförd"].value == "Ja"
    assert row["Viktigaste insatserna"].value == "Mobila team"
    assert row["Brukare med fast omsorgskontakt (antal)"].value == 350
    assert row["Brukare med fast omsorgskontakt (antal)"].data_type == "n"
    assert row["Status"].value == "Inskickad"
    falun = {h: c.value for h, c in zip(headers, sheet[4], strict=True)}
    assert falun["Kommun"] == "Falun" and falun["Status"] == "Ej påbörjad"
    assert falun["Områden och arbetssätt: Utskrivningsprocessen"] is None


def test_excel_amounts_are_numeric_cells_with_a_thousands_format_and_a_sum_row(year2024):
    economic_report(year2024, "Avesta", 1894630, 39273, 1894630)
    economic_report(year2024, "Borlänge", 4298425, 89759, 4298425)
    sheet = _workbook(year2024)["Ekonomisk redovisning"]
    assert [c.value for c in sheet[1]][:7] == ["Kommun", "Kommunkod", "Belopp per kommun", "Överskjutande medel",
                                              "Tillgängliga medel", "Förbrukade medel", "Outnyttjade medel"]
    avesta = sheet[2]
    assert avesta[0].value == "Avesta"
    assert avesta[2].value == 1894630 and avesta[2].data_type == "n"
    assert avesta[2].number_format == "#,##0"
    assert avesta[6].value == 39273
    last = sheet[sheet.max_row]
    assert last[0].value == "Summa" and last[2].value == 1894630 + 4298425
    assert sheet.max_row == 1 + 15 + 1
    falun = sheet[4]
    assert falun[0].value == "Falun" and falun[2].value is None and falun[7].value == "Ej påbörjad"


def test_csv_is_semicolon_separated_with_decimal_comma(questionnaire, avesta):
    answer_survey(questionnaire, avesta, fast_omsorgskontakt_antal=Decimal("12.5"), viktigaste_insatser="A; B")
    lines = exports.survey_csv(questionnaire.year).splitlines()
    assert lines[0].startswith("Kommun;Kommunkod;Status;")
    assert ";12,50;" in lines[1] or lines[1].endswith(";12,50")
    assert '"A; B"' in lines[1]
    assert len(lines) == 16


def test_economy_csv_has_plain_whole_numbers_and_the_sum_row(year2024):
    economic_report(year2024, "Avesta", 1894630, 39273, 1894630, status=ResponseStatus.DRAFT)
    lines = exports.economy_csv(year2024).splitlines()
    assert lines[1].startswith("Avesta;2084;1894630;39273;1933903;1894630;39273;Utkast")
    assert lines[-1].startswith("Summa;;1894630;")


def test_export_rows_follow_every_municipality(questionnaire):
    headers, rows = exports.survey_table(questionnaire.year)
    assert [r[0] for r in rows][:3] == ["Avesta", "Borlänge", "Falun"]
    assert len(rows) == Municipality.objects.count()


def test_a_single_choice_question_is_one_column_with_the_chosen_label(questionnaire, avesta):
    from reporting.models import Option, Question

    section = questionnaire.sections.first()
    question = Question.objects.create(section=section, key="hur-ofta", text="Hur ofta?", short_label="Hur ofta",
                                       type=Question.Type.SINGLE, order=99)
    Option.objects.create(question=question, key="varje-vecka", label="Varje vecka", order=1)
    Option.objects.create(question=question, key="varje-manad", label="Varje månad", order=2)
    answer_survey(questionnaire, avesta, hur_ofta="varje-manad")
    headers, rows = exports.survey_table(questionnaire.year)
    assert headers.count("Hur ofta") == 1
    assert rows[0][headers.index("Hur ofta")] == "Varje månad"
