"""In Chromium: the kommunenkät's receipt, and RSS reopening it from the overview."""

import pytest
from django.core import mail

from tests.conftest import PASSWORD
from tests.reporting.municipal.test_survey_view import COMPLETE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_survey_receipt_and_reopen_notice(browser, avesta_respondent, rss_user, questionnaire, avesta):
    page = browser.log_in(avesta_respondent.email, PASSWORD)
    browser.visit(f"/rapportering/2024/kommunenkat/{avesta.pk}/")
    page.get_by_role("group", name="Vilka områden och arbetssätt").get_by_label("Utskrivningsprocessen").check()
    page.get_by_label("Vilka är de viktigaste insatserna i kommunens arbete").fill(COMPLETE["q_viktigaste-insatser"])
    page.get_by_label("Ja", exact=True).check()
    page.get_by_role("button", name="Skicka in").click()
    browser.check()
    assert page.get_by_text("Kommunenkäten är inskickad. Tack!").is_visible()
    [receipt] = mail.outbox
    assert receipt.subject == "Kvitto: Kommunenkät 2024 – Avesta är inskickad"
    assert "Utskrivningsprocessen" in receipt.body and "Mobila team" in receipt.body
    browser.log_out()

    browser.log_in(rss_user.email, PASSWORD)
    browser.visit("/rapportering/2024/")
    assert "Kommunenkät: 1 av 15 inskickade." in page.inner_text("main")
    page.get_by_text("Öppna igen").first.click()
    page.get_by_label("Varför öppnas svaret igen?").first.fill("Fyll i antal brukare med fast omsorgskontakt")
    page.get_by_role("button", name="Öppna igen").first.click()
    browser.check()
    assert "Kommunenkät: 0 av 15 inskickade, 1 återöppnad." in page.inner_text("main")
    notice = mail.outbox[1]
    assert notice.to == ["avesta@test.invalid"]
    assert "Skäl: Fyll i antal brukare med fast omsorgskontakt" in notice.body
    browser.log_out()

    browser.log_in(avesta_respondent.email, PASSWORD)
    browser.visit(f"/rapportering/2024/kommunenkat/{avesta.pk}/")
    assert "Skäl: Fyll i antal brukare med fast omsorgskontakt" in page.locator("#ateroppnad").inner_text()
    browser.screenshot("ateroppnad-kommunenkat-390", width=390)
