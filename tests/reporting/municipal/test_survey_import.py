"""import_survey: earlier years' kommunenkät from the portal's own Excel export (round trip) or a
long CSV (year,municipality,question_key,answer); all or nothing, row by row, closed years only."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from gnv_portal import workflow
from gnv_portal.models import Municipality, ReportingYear, ResponseStatus
from gnv_portal.reference import load_reference_data
from reporting import demo as reporting_demo
from reporting.models import Question, Questionnaire, SurveyResponse
from reporting.municipal import exports, figures
from reporting.municipal.survey_import import import_survey


def what_the_report_shows(year):
    """The compilation, Figur 3 and the quotes of a year, as plain values."""
    compilation = [(b["question"].key, b["question"].text, b["question"].type,
                    [(a["municipality"], a["status"], a["value"]) for a in b["answers"]])
                   for b in figures.answers_per_question(year)]
    quotes = [(g["question"].key, g["quotes"]) for g in figures.quotes(year)]
    return compilation, figures.area_counts(year), quotes, exports.survey_table(year)


@pytest.mark.django_db(transaction=True)
def test_export_then_import_into_an_empty_database_gives_the_same_year(year2024, tmp_path):
    reporting_demo.load_demo()
    year2024.status = ReportingYear.Status.CLOSED
    year2024.save()
    before = what_the_report_shows(year2024)
    assert len(before[0]) == 12 and before[1][0]["count"] == 14 and before[2]  # the demo has all three
    path = tmp_path / "kommunrapportering-2024.xlsx"
    path.write_bytes(exports.excel(year2024))

    call_command("flush", interactive=False, verbosity=0)
    load_reference_data()
    assert not ReportingYear.objects.exists()
    out = StringIO()
    call_command("import_survey", str(path), stdout=out)
    assert "Nya rapporteringsår (stängda): 2024" in out.getvalue()
    assert "15 nya, 0 ändrade, 0 oförändrade enkätsvar" in out.getvalue()

    year = ReportingYear.objects.get(year=2024)
    assert year.status == ReportingYear.Status.CLOSED
    assert what_the_report_shows(year) == before
    response = SurveyResponse.objects.get(municipality__name="Falun")
    assert response.status == ResponseStatus.SUBMITTED
    assert [e.action for e in workflow.history(response)] == ["imported"]

    # The same file again changes nothing.
    call_command("import_survey", str(path), stdout=out)
    assert "0 nya, 0 ändrade, 15 oförändrade enkätsvar" in out.getvalue()
    assert what_the_report_shows(year) == before


LONG = (
    "year;municipality;question_key;answer\n"
    "2022;Falun;omraden;halsoframjande\n"
    "2022;Falun;omraden;Utskrivningsprocessen\n"
    "2022;Falun;omraden;annat\n"
    "2022;Falun;omraden:annat;Robotar i hemtjänsten\n"
    "2022;Falun;viktigaste-insatser;Mobila team i hela kommunen.\n"
    "2022;Falun;overgripande-uppfoljning;Ja\n"
    "2022;2062;omraden;halsoframjande\n"
    "2022;2062;fast-omsorgskontakt-antal;1 204\n"
    "2022;Mora;tidigare-fraga;nej\n"
)


def test_a_long_csv_creates_the_year_closed_and_its_questionnaire_from_the_keys(reference):
    result = import_survey(LONG.encode(), "2022.csv")
    assert result.ok, [str(e) for e in result.errors]
    assert result.years_created == [2022] and result.created == 2
    year = ReportingYear.objects.get(year=2022)
    assert year.status == ReportingYear.Status.CLOSED
    questions = {q.key: q for q in Question.objects.filter(section__questionnaire__year=year)}
    # The keys the file answers, with the reference kommunenkät's wording and options; an unknown
    # key becomes a ja/nej question of its own.
    assert sorted(questions) == ["fast-omsorgskontakt-antal", "omraden", "overgripande-uppfoljning",
                                 "tidigare-fraga", "viktigaste-insatser"]
    assert questions["omraden"].options.count() == 14
    assert questions["tidigare-fraga"].type == Question.Type.YES_NO
    assert questions["tidigare-fraga"].section.title == "Övriga frågor"
    counts = {r["key"]: r["count"] for r in figures.area_counts(year)}
    assert counts["halsoframjande"] == 2 and counts["utskrivningsprocessen"] == 1 and counts["dialoger"] == 0
    falun = {b["question"].key: [a["value"] for a in b["answers"] if a["municipality"] == "Falun"]
             for b in figures.answers_per_question(year)}
    assert falun["omraden"] == ["Hälsofrämjande och förebyggande arbetssätt/insatser, Utskrivningsprocessen, "
                                "Annat, nämligen (Robotar i hemtjänsten)"]
    assert falun["overgripande-uppfoljning"] == ["Ja"]
    mora = {b["question"].key: [a["value"] for a in b["answers"] if a["municipality"] == "Mora"]
            for b in figures.answers_per_question(year)}
    assert mora["fast-omsorgskontakt-antal"] == ["1\xa0204"] and mora["tidigare-fraga"] == ["Nej"]
    again = import_survey(LONG.encode(), "2022.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_every_bad_row_is_reported_and_nothing_is_saved(reference):
    bad = (
        "year,municipality,question_key,answer\n"
        "2022,Falun,omraden,halsoframjande\n"
        "22,Falun,omraden,halsoframjande\n"
        "2022,Fallun,omraden,halsoframjande\n"
        "2022,Falun,Viktigaste insatser,text\n"
        "2022,Mora,viktigaste-insatser,Ett svar\n"
        "2022,Mora,viktigaste-insatser,Ett till\n"
    )
    result = import_survey(bad.encode(), "fel.csv")
    assert [(e.row, e.column) for e in result.errors] == [(3, "year"), (4, "municipality"), (5, "question_key"),
                                                          (7, "question_key")]
    assert "Fallun" in str(result.errors[1]) and "rad 7" in str(result.errors[3]).lower()
    assert not ReportingYear.objects.exists() and not Questionnaire.objects.exists()


def test_an_existing_questionnaire_is_kept_and_unknown_keys_or_options_are_errors(questionnaire):
    questionnaire.year.status = ReportingYear.Status.CLOSED
    questionnaire.year.save()
    text = ("year,municipality,question_key,answer\n2024,Falun,omraden,robotar\n"
            "2024,Falun,ny-fraga,x\n2024,Falun,overgripande-uppfoljning,kanske\n")
    result = import_survey(text.encode(), "2024.csv")
    assert [(e.row, e.column) for e in result.errors] == [(3, "question_key"), (2, "answer"), (4, "answer")]
    assert "”robotar” är inget alternativ" in str(result.errors[1])
    assert "ja eller nej" in str(result.errors[2])
    assert not SurveyResponse.objects.exists()


def test_an_open_year_is_refused(year2024):
    result = import_survey(b"year,municipality,question_key,answer\n2024,Falun,omraden,dialoger\n", "a.csv")
    assert not result.ok and "inte stängt" in str(result.errors[0])
    assert not SurveyResponse.objects.exists()


def test_an_excel_file_that_is_not_the_portals_export_is_explained(reference, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Kommun", "Fråga"])
    path = tmp_path / "egen.xlsx"
    book.save(path)
    with pytest.raises(CommandError, match="1 fel"):
        call_command("import_survey", str(path), stderr=StringIO())
    result = import_survey(path.read_bytes(), path.name)
    assert "saknar bladet Frågor" in str(result.errors[0])


def test_a_draft_in_the_export_is_left_out_with_a_warning(questionnaire, avesta, falun):
    from tests.reporting.municipal.helpers import answer_survey

    answer_survey(questionnaire, avesta, viktigaste_insatser="Inskickat svar", omraden=["dialoger"])
    answer_survey(questionnaire, falun, status=ResponseStatus.DRAFT, viktigaste_insatser="Bara ett utkast")
    content = exports.excel(questionnaire.year)
    SurveyResponse.objects.all().delete()
    questionnaire.year.status = ReportingYear.Status.CLOSED
    questionnaire.year.save()
    result = import_survey(content, "2024.xlsx")
    assert result.ok, [str(e) for e in result.errors]
    assert [str(w) for w in result.warnings] == [
        "rad 4, kolumn 3: Falun har status ”Utkast” och läses inte in (bara inskickade svar)."]
    assert list(SurveyResponse.objects.values_list("municipality__name", flat=True)) == ["Avesta"]


def test_the_upload_page_imports_for_rss_and_refuses_others(client_for, rss_user, reader, avesta_respondent, client):
    url = reverse("reporting:survey_import")
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    for other in (reader, avesta_respondent):
        assert client_for(other).post(url, {"file": SimpleUploadedFile("a.csv", LONG.encode())}).status_code == 403
    assert not ReportingYear.objects.exists()
    page = client_for(rss_user).post(url, {"file": SimpleUploadedFile("a.csv", b"year,municipality,question_key,"
                                                                                b"answer\n2022,Fallun,omraden,x\n")})
    assert "rad 2, kolumn municipality" in page.content.decode()
    page = client_for(rss_user).post(url, {"file": SimpleUploadedFile("a.csv", LONG.encode())}, follow=True)
    assert "Importen är klar: 2 nya" in page.content.decode()
    assert Municipality.objects.get(name="Falun").survey_responses.get().status == ResponseStatus.SUBMITTED
