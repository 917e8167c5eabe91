import io

import openpyxl
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gnv_portal import workflow
from gnv_portal.models import EmailLog, Municipality, ReportingYear, ResponseStatus
from reporting.models import Answer, EconomicReport, Questionnaire, Quote
from tests.reporting.municipal.helpers import answer_survey, economic_report
from tests.versions import shown_version

RSS_PAGES = [
    ("reporting:overview", [2024]), ("reporting:compilation", [2024]), ("reporting:figures", [2024]),
    ("reporting:area_csv", [2024]), ("reporting:prefill", [2024]), ("reporting:export_excel", [2024]),
    ("reporting:export_csv", [2024, "kommunenkat"]), ("reporting:export_csv", [2024, "ekonomi"]),
    ("reporting:quotes", [2024]), ("reporting:economy_import", []), ("reporting:survey_import", []),
    ("reporting:questionnaires", []),
    ("reporting:questionnaire", [2024]),
]


@pytest.mark.parametrize(("name", "args"), RSS_PAGES)
def test_rss_pages_open_for_rss(client_for, rss_user, questionnaire, name, args):
    answer_survey(questionnaire, Municipality.objects.get(name="Orsa"), viktigaste_insatser="Välfärdsbibliotek",
                  omraden=["dialoger"])
    assert client_for(rss_user).get(reverse(name, args=args)).status_code == 200


@pytest.mark.parametrize(("name", "args"), RSS_PAGES)
@pytest.mark.parametrize("who", ["reader", "avesta_respondent", "falun_rep"])
def test_others_are_refused_rss_pages(client_for, request, questionnaire, name, args, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse(name, args=args)).status_code == 403
    assert client.post(reverse(name, args=args)).status_code in (403, 405)


def test_a_reader_posting_prefill_gets_403_and_nothing_changes(client_for, reader, year2024, avesta):
    response = client_for(reader).post(reverse("reporting:prefill", args=[2024]), {f"allocated_{avesta.pk}": "5"})
    assert response.status_code == 403
    assert not EconomicReport.objects.exists()


def test_the_overview_shows_completeness_and_sends_reminders(client_for, rss_user, avesta_respondent, questionnaire,
                                                             falun):
    answer_survey(questionnaire, falun, viktigaste_insatser="x")
    client = client_for(rss_user)
    page = client.get(reverse("reporting:overview", args=[2024])).content.decode()
    assert "Kommunenkät: 1 av 15 inskickade." in page
    preview = reverse("outreach_preview", args=[2024, "kommunenkat", "reminder"])
    assert preview in page
    shown = client.get(preview).content.decode()
    assert "avesta@test.invalid" in shown and "Påminnelse: Kommunenkät 2024 – Avesta" in shown
    assert not mail.outbox  # the preview sends nothing
    key = f"{avesta_respondent.pk}-{avesta_respondent.memberships.first().municipality_id}"
    response = client.post(preview, {"to": [key]}, follow=True)
    assert "1 påminnelse skickades." in response.content.decode()
    assert len(mail.outbox) == 1 and EmailLog.objects.get().template_key == "reporting-reminder"


def test_rss_reopens_a_submitted_survey_with_a_reason(client_for, rss_user, questionnaire, avesta):
    response = answer_survey(questionnaire, avesta, viktigaste_insatser="x")
    url = reverse("reporting:reopen", args=[2024, "kommunenkat", avesta.pk])
    client_for(rss_user).post(url, {"reason": ""})
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    client_for(rss_user).post(url, {"reason": "Fel siffra"})
    response.refresh_from_db()
    assert response.status == ResponseStatus.REOPENED
    assert workflow.history(response).last().reason == "Fel siffra"


def test_the_compilation_lists_every_municipalitys_answer_per_question(client_for, rss_user, questionnaire):
    answer_survey(questionnaire, Municipality.objects.get(name="Orsa"), omraden=["dialoger", "annat"],
                  omraden_annat="Robotar", viktigaste_insatser="Välfärdsbibliotek")
    answer_survey(questionnaire, Municipality.objects.get(name="Mora"), status=ResponseStatus.DRAFT,
                  viktigaste_insatser="Heltid som norm")
    page = client_for(rss_user).get(reverse("reporting:compilation", args=[2024])).content.decode()
    assert "Välfärdsbibliotek" in page and "Heltid som norm" in page and "Utkast" in page
    assert "Patient- eller medborgardialoger t ex möten med brukarorganisationer, Annat, nämligen (Robotar)" in page


def test_prefill_saves_allocated_and_surplus_for_all_municipalities(client_for, rss_user, year2024, avesta, falun):
    data = {f"allocated_{avesta.pk}": "1 894 630", f"surplus_{avesta.pk}": "39 273",
            f"allocated_{falun.pk}": "4 970 761", f"surplus_{falun.pk}": "104 547"}
    client_for(rss_user).post(reverse("reporting:prefill", args=[2024]), data)
    assert sorted(EconomicReport.objects.values_list("allocated", "surplus")) == [(1894630, 39273),
                                                                                  (4970761, 104547)]


def test_prefill_from_an_older_page_does_not_overwrite_what_the_municipality_typed(
        client_for, rss_user, avesta_respondent, year2024, avesta, falun):
    url = reverse("reporting:prefill", args=[2024])
    rss = client_for(rss_user)
    page = rss.get(url).content.decode()
    assert f'name="version_{avesta.pk}" value="0"' in page
    # Meanwhile Avesta types its own amounts in its economic report.
    economy_url = reverse("reporting:economy", args=[2024, avesta.pk])
    client_for(avesta_respondent).post(economy_url, {"allocated": "1 000 000", "surplus": "7", "action": "save"})
    data = {f"allocated_{avesta.pk}": "1 894 630", f"surplus_{avesta.pk}": "39 273", f"version_{avesta.pk}": "0",
            f"allocated_{falun.pk}": "4 970 761", f"surplus_{falun.pk}": "104 547", f"version_{falun.pk}": "0"}
    response = client_for(rss_user).post(url, data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Belopp per kommun, Avesta" in html and "1\u00a0000\u00a0000" in html and "1 894 630" in html
    # Nothing stored: not Avesta's row, and not Falun's either (all or nothing).
    assert list(EconomicReport.objects.values_list("municipality__name", "allocated")) == [("Avesta", 1000000)]
    # Taking over RSS's values is one more click: the page now carries Avesta's current version.
    assert f'name="version_{avesta.pk}" value="1"' in html
    data[f"version_{avesta.pk}"] = "1"
    assert client_for(rss_user).post(url, data).status_code == 302
    report = EconomicReport.objects.get(municipality=avesta)
    assert report.allocated == 1894630 and report.prefilled_fields == ["allocated", "surplus"]
    assert report.prefilled_by == rss_user


def test_prefill_refuses_a_bad_amount_at_its_field_and_saves_nothing(client_for, rss_user, year2024, avesta, falun):
    data = {f"allocated_{avesta.pk}": "1 894 630", f"surplus_{falun.pk}": "-3"}
    page = client_for(rss_user).post(reverse("reporting:prefill", args=[2024]), data).content.decode()
    assert f'id="id_surplus_{falun.pk}_error"' in page and 'value="1 894 630"' in page
    assert not EconomicReport.objects.exists()


def test_rss_exports_excel_with_numeric_cells(client_for, rss_user, year2024):
    economic_report(year2024, "Avesta", 1894630, 39273, 1894630)
    response = client_for(rss_user).get(reverse("reporting:export_excel", args=[2024]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "kommunrapportering-2024.xlsx" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Ekonomisk redovisning"]
    assert sheet["C2"].value == 1894630 and sheet["C2"].data_type == "n"


def test_csv_download_is_semicolon_separated(client_for, rss_user, year2024):
    response = client_for(rss_user).get(reverse("reporting:export_csv", args=[2024, "ekonomi"]))
    assert response.content.decode("utf-8-sig").startswith("Kommun;Kommunkod;")
    assert client_for(rss_user).get(reverse("reporting:export_csv", args=[2024, "okand"])).status_code == 403


def test_upload_imports_the_economy_and_reports_errors_by_row(client_for, rss_user, year2024):
    client = client_for(rss_user)
    bad = SimpleUploadedFile("e.csv", b"year,municipality,allocated,surplus,consumed\n2024,Avesta,1,1,x\n")
    page = client.post(reverse("reporting:economy_import"), {"file": bad}).content.decode()
    assert "rad 2, kolumn consumed" in page and not EconomicReport.objects.exists()
    good = SimpleUploadedFile("e.csv", b"year,municipality,allocated,surplus,consumed\n2024,Avesta,1 894 630,0,5\n")
    page = client.post(reverse("reporting:economy_import"), {"file": good}, follow=True).content.decode()
    assert "Importen är klar" in page
    assert EconomicReport.objects.get().allocated == 1894630


def test_upload_refuses_other_file_types(client_for, rss_user, year2024):
    page = client_for(rss_user).post(reverse("reporting:economy_import"),
                                     {"file": SimpleUploadedFile("e.pdf", b"%PDF")}).content.decode()
    assert ".csv- eller .xlsx-fil" in page


def test_quoting_warns_about_a_name_before_it_is_accepted(client_for, rss_user, questionnaire, avesta):
    answer_survey(questionnaire, avesta, viktigaste_insatser="Samordnaren Karin Lindberg startade mobila team.")
    answer = Answer.objects.get(question__key="viktigaste-insatser")
    url = reverse("reporting:quote_edit", args=[2024, answer.pk])
    client = client_for(rss_user)
    page = client.post(url, {"quoted": "on", "text": ""}).content.decode()
    assert "ser ut som ett personnamn: Karin Lindberg" in page
    assert not Quote.objects.exists()
    client.post(url, {"quoted": "on", "text": "Samordnaren startade mobila team.", **shown_version(client, url)})
    assert Quote.objects.get().text == "Samordnaren startade mobila team."
    answer.refresh_from_db()
    assert "Karin Lindberg" in answer.text
    page = client.get(reverse("reporting:quotes", args=[2024])).content.decode()
    assert "Citat: Samordnaren startade mobila team." in page


def test_a_warned_quote_may_be_accepted_after_confirmation(client_for, rss_user, questionnaire, avesta):
    answer_survey(questionnaire, avesta, viktigaste_insatser="Ring 070-123 45 67.")
    answer = Answer.objects.get()
    client_for(rss_user).post(reverse("reporting:quote_edit", args=[2024, answer.pk]),
                              {"quoted": "on", "text": "", "accept_warnings": "on"})
    assert Quote.objects.get().text == "Ring 070-123 45 67."


def test_rss_starts_a_new_year_by_copying_the_questionnaire(client_for, rss_user, questionnaire):
    year2025 = ReportingYear.objects.create(year=2025)
    client_for(rss_user).post(reverse("reporting:questionnaires"),
                              {"source": questionnaire.year.pk, "target": year2025.pk})
    copy = Questionnaire.objects.get(year=year2025)
    assert copy.sections.count() == questionnaire.sections.count()


def test_the_figures_page_shows_figur_3_and_bilaga_1(client_for, rss_user, questionnaire, avesta):
    answer_survey(questionnaire, avesta, omraden=["dialoger"])
    economic_report(questionnaire.year, "Avesta", 1894630, 39273, 1894630)
    page = client_for(rss_user).get(reverse("reporting:figures", args=[2024])).content.decode()
    assert "Visa uppgifterna som tabell" in page and "plotly.min.js" in page
    assert "1\u00a0894\u00a0630" in page and "Summa" in page


def test_rss_starts_a_year_from_the_2024_template_when_there_is_nothing_to_copy(client_for, rss_user, reference):
    year2026 = ReportingYear.objects.create(year=2026)
    client_for(rss_user).post(reverse("reporting:questionnaires"), {"source": "", "target": year2026.pk})
    copy = Questionnaire.objects.get(year=year2026)
    assert copy.title == "Kommunenkät God och nära vård 2026"
    assert copy.sections.get(key="nara-varden").questions.filter(key="omraden").exists()


def test_the_figures_page_compares_with_last_year_when_it_had_a_questionnaire(client_for, rss_user, questionnaire,
                                                                             avesta):
    from reporting.municipal import questionnaires

    year2025 = ReportingYear.objects.create(year=2025)
    copy = questionnaires.copy_questionnaire(questionnaire, year2025)
    answer_survey(copy, avesta, omraden=["dialoger"])
    page = client_for(rss_user).get(reverse("reporting:figures", args=[2025])).content.decode()
    assert "Områden och arbetssätt 2025 jämfört med 2024" in page
    assert "jämfört med" not in client_for(rss_user).get(reverse("reporting:figures", args=[2024])).content.decode()


def test_rss_checks_the_questions_with_their_keys(client_for, rss_user, questionnaire):
    page = client_for(rss_user).get(reverse("reporting:questionnaire", args=[2024])).content.decode()
    assert "<code>omraden</code>" in page and "<code>utskrivningsprocessen</code>" in page
    assert "Ja/nej" in page and "obligatorisk" in page
