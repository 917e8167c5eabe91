"""Situations 3 and 5 of issue 12 in Chromium, with two browser contexts: the report text from a
stale tab does not overwrite a colleague's, and publishing an open year shows the confirmation
with the missing and reopened answers, and leaves the year open when RSS publishes without closing."""

import pytest

from gnv_portal import workflow
from gnv_portal.models import Municipality, ReportingYear, ResponseStatus
from reporting.models import ReportText, ReportVersion
from tests.conftest import PASSWORD, make_user
from tests.reporting.municipal.helpers import answer_survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _click(browser, name):
    browser.page.get_by_role("button", name=name).first.click()
    browser.page.wait_for_load_state()
    browser.check()


def test_a_stale_tab_does_not_overwrite_the_report_text(browser, other_browser, rss_user, open_year):
    colleague = make_user("rss2@test.invalid", "rss", first_name="Kerstin", last_name="Kollega")
    ReportText.objects.create(year=open_year, body="# 1 Bakgrund\n\nFörsta texten.\n", version=1)
    url = "/rapportering/arsrapport/2024/text/"
    browser.log_in(rss_user.email, PASSWORD)
    other_browser.log_in(colleague.email, PASSWORD)
    mine, theirs = browser.visit(url), other_browser.visit(url)

    theirs.get_by_label("Text (Markdown)").fill("# 1 Bakgrund\n\nKerstins nya text.\n")
    _click(other_browser, "Spara")
    assert theirs.get_by_text("Rapporttexten är sparad.").is_visible()

    mine.get_by_label("Text (Markdown)").fill("# 1 Bakgrund\n\nRuts text från den gamla fliken.\n")
    _click(browser, "Spara")
    conflict = mine.locator("#konflikt")
    assert "Kerstin Kollega" in conflict.inner_text()
    assert "Kerstins nya text." in conflict.inner_text() and "Ruts text från den gamla fliken." in conflict.inner_text()
    assert ReportText.objects.get().body == "# 1 Bakgrund\n\nKerstins nya text.\n"
    assert "Ruts text från den gamla fliken." in mine.get_by_label("Text (Markdown)").input_value()
    mine.screenshot(path="var/issue12-situation3-report-text.png", full_page=True)


def test_publishing_an_open_year_shows_what_is_open_and_leaves_the_year_open(browser, other_browser, rss_user,
                                                                            avesta_respondent, open_year):
    avesta = Municipality.objects.get(name="Avesta")
    response = answer_survey(open_year.questionnaire, avesta, viktigaste_insatser="Mobila team")
    workflow.reopen(response, rss_user, "Komplettera antalet")
    version = ReportVersion.objects.create(year=open_year, format="html", status=ReportVersion.Status.READY,
                                           content=b"<html><body>Rapport</body></html>", checksum="abc")
    browser.log_in(rss_user.email, PASSWORD)
    page = browser.visit(f"/rapportering/arsrapport/version/{version.pk}/")
    page.get_by_role("link", name="Publicera denna version").click()
    page.wait_for_load_state()
    browser.check()
    main = page.inner_text("main")
    assert open_year.deadline.strftime("%Y") in main and "Sista svarsdag" in main
    reopened = page.locator("#lista-ateroppnat").inner_text()
    assert "Återöppnat för rättelse (1)" in reopened and "Kommunenkät, Avesta: återöppnad" in reopened
    missing = page.locator("#lista-ej-inskickat").inner_text()
    assert "Kommunenkät, Falun: ej påbörjad" in missing and "Kartläggning, Falun: ej påbörjad" in missing
    assert page.get_by_label("Låt året vara öppet").is_checked()
    page.screenshot(path="var/issue12-situation5-confirm.png", full_page=True)
    _click(browser, "Publicera")
    assert page.get_by_text("Versionen är publicerad").is_visible()
    assert ReportVersion.objects.get().is_current_publication
    open_year.refresh_from_db()
    assert open_year.status == ReportingYear.Status.OPEN

    # The respondent, reopened for correction, can still correct and save.
    other_browser.log_in(avesta_respondent.email, PASSWORD)
    survey = other_browser.visit(f"/rapportering/2024/kommunenkat/{avesta.pk}/")
    assert "är stängt" not in survey.inner_text("main") and "Återöppnad" in survey.inner_text("main")
    survey.get_by_label("Vilka är de viktigaste insatserna", exact=False).first.fill("Mobila team och hembesök")
    _click(other_browser, "Spara utkast")
    assert survey.get_by_text("Utkastet är sparat.").is_visible()
    assert response.answers.get(question__key="viktigaste-insatser").text == "Mobila team och hembesök"
    response.refresh_from_db()
    assert response.status == ResponseStatus.REOPENED
