import io
from pathlib import Path

import openpyxl
import pytest

from gnv_portal.models import ResponseStatus
from reporting.models import EconomicReport, SurveyResponse
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_respondent_fills_in_survey_and_economy_and_rss_exports_excel(browser, avesta_respondent, rss_user,
                                                                        questionnaire, avesta):
    page = browser.log_in("avesta@test.invalid", PASSWORD)

    page.get_by_role("link", name="Kommunenkät 2024 – Avesta").click()
    browser.check()
    areas = page.get_by_role("group", name="Vilka områden och arbetssätt")
    areas.get_by_label("Utskrivningsprocessen").check()
    areas.get_by_label("Multiprofessionella team i kommunen").check()
    areas.get_by_label("Annat, nämligen").check()
    areas.get_by_label("Beskriv vad ”Annat” är").fill("Läkemedelsautomater")
    page.get_by_label("Vilka är de viktigaste insatserna i kommunens arbete").fill("Mobila team i hemmet.")
    page.get_by_role("button", name="Spara utkast").click()
    browser.check()
    assert page.get_by_text("Utkastet är sparat.").is_visible()
    assert page.get_by_label("Utskrivningsprocessen").is_checked()

    # Submitting without the required ja/nej answer keeps everything typed and says what is missing.
    page.get_by_role("button", name="Granska och skicka in").click()
    browser.check()
    assert page.get_by_text("Besvara frågan innan du skickar in.").is_visible()
    assert page.get_by_label("Vilka är de viktigaste insatserna i kommunens arbete").input_value() == \
        "Mobila team i hemmet."
    page.get_by_label("Ja", exact=True).check()
    page.get_by_role("button", name="Granska och skicka in").click()
    browser.check()
    # The review page shows the stored answers, the version, and submits exactly that.
    assert "Läkemedelsautomater" in page.inner_text("main") and "Du skickar in version" in page.inner_text("main")
    assert SurveyResponse.objects.get(municipality=avesta).status == ResponseStatus.DRAFT
    page.get_by_role("button", name="Skicka in", exact=True).click()
    browser.check()
    assert page.get_by_text("Kommunenkäten är inskickad. Tack!").is_visible()
    assert SurveyResponse.objects.get(municipality=avesta).status == ResponseStatus.SUBMITTED

    browser.visit("/")
    page.get_by_role("link", name="Ekonomisk redovisning 2024 – Avesta").click()
    browser.check()
    page.get_by_label("Belopp per kommun").fill("1 894 630")
    page.get_by_label("Överskjutande medel").fill("39 273")
    page.get_by_label("Förbrukade medel").fill("1 894 630")
    page.get_by_role("button", name="Spara utkast").click()
    browser.check()
    assert page.get_by_text("Utkastet är sparat.").is_visible()
    assert page.locator("#outnyttjat").inner_text() == "39\u00a0273 kr"
    page.get_by_role("button", name="Granska och skicka in").click()
    browser.check()
    assert "1\u00a0894\u00a0630" in page.inner_text("main") and "Du skickar in version" in page.inner_text("main")
    page.get_by_role("button", name="Skicka in", exact=True).click()
    browser.check()
    assert page.get_by_text("Den ekonomiska redovisningen är inskickad. Tack!").is_visible()
    report = EconomicReport.objects.get(municipality=avesta)
    assert (report.allocated, report.surplus, report.consumed, report.status) == (
        1894630, 39273, 1894630, ResponseStatus.SUBMITTED)

    browser.log_out()
    page = browser.log_in("rss@test.invalid", PASSWORD)
    page.get_by_role("link", name="Kommunrapportering").click()
    browser.check()
    assert page.get_by_text("Kommunenkät: 1 av 15 inskickade.").is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (alla delar)").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    economy = book["Ekonomisk redovisning"]
    assert economy["A2"].value == "Avesta"
    assert economy["C2"].value == 1894630 and economy["C2"].data_type == "n"
    survey = book["Kommunenkät"]
    headers = [c.value for c in survey[1]]
    avesta_row = dict(zip(headers, [c.value for c in survey[2]], strict=True))
    assert avesta_row["Områden och arbetssätt: Utskrivningsprocessen"] == 1
    assert avesta_row["Områden och arbetssätt: annat, nämligen"] == "Läkemedelsautomater"


def test_the_rss_pages_pass_the_accessibility_check(browser, rss_user, questionnaire, avesta):
    from reporting.models import Answer
    from tests.reporting.municipal.helpers import answer_survey, economic_report

    answer_survey(questionnaire, avesta, omraden=["dialoger"], overgripande_uppfoljning="ja",
                  viktigaste_insatser="Samordnaren Karin Lindberg startade mobila team.")
    economic_report(questionnaire.year, "Avesta", 1894630, 39273, 1894630)
    answer = Answer.objects.get(question__key="viktigaste-insatser")
    page = browser.log_in("rss@test.invalid", PASSWORD)
    for path in ["/rapportering/2024/", "/rapportering/2024/sammanstallning/", "/rapportering/2024/figurer/",
                 "/rapportering/2024/ekonomi/belopp/", "/rapportering/2024/citat/", "/rapportering/ekonomi/import/",
                 "/rapportering/enkater/", "/rapportering/enkater/2024/",
                 f"/rapportering/2024/kommunenkat/{avesta.pk}/", f"/rapportering/2024/ekonomi/{avesta.pk}/"]:
        browser.visit(path)
    page = browser.visit(f"/rapportering/2024/citat/{answer.pk}/")
    page.get_by_label("Citera i årsrapporten").check()
    page.get_by_role("button", name="Spara").click()
    browser.check()
    assert page.get_by_text("Karin Lindberg").first.is_visible()
    assert page.get_by_role("alert").is_visible()
    page = browser.visit("/rapportering/2024/figurer/")
    page.get_by_text("Visa uppgifterna som tabell").click()
    browser.check()
    assert page.get_by_role("rowheader", name="Patient- eller medborgardialoger t ex möten med brukarorganisationer") \
        .is_visible()
