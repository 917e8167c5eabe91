"""In Chromium: a representative submits and gets a receipt with her answers; RSS reopens
with a reason, she gets it by e-mail and sees it at the top of the form (Django's outbox)."""

import pytest
from django.core import mail

from tests.conftest import PASSWORD
from tests.selfassessment.conftest import leadership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_receipt_on_submit_and_notice_with_the_reason_on_reopen(browser, falun_rep, rss_user, year_2024):
    page = browser.log_in(falun_rep.email, PASSWORD)
    browser.visit(f"/sjalvskattning/2024/{leadership('Falun').pk}/")
    for number in range(1, 6):
        page.get_by_role("group", name=f"Delmål {number} –").get_by_label("4 – Stämmer bra").check()
    page.get_by_role("group", name="Har självskattningstabellen").get_by_label("Ja").check()
    page.get_by_label("Kommentar till delmål 2 (frivillig)").fill("Barn och unga först")
    page.get_by_role("button", name="Granska och skicka in").click()
    browser.check()
    page.get_by_role("button", name="Skicka in").click()
    browser.check()
    assert page.get_by_text("Tack! Självskattningen är inskickad.").is_visible()
    browser.screenshot("inskickad-sjalvskattning-390", width=390)

    [receipt] = mail.outbox
    assert receipt.to == ["falun@test.invalid"]
    assert receipt.subject == "Kvitto: Självskattning 2024 – Falun är inskickad"
    assert "Delmål 2. Nära för alla: 4 – Stämmer bra\n  Kommentar: Barn och unga först" in receipt.body
    assert f"/sjalvskattning/2024/{leadership('Falun').pk}/" in receipt.body
    browser.log_out()

    browser.log_in(rss_user.email, PASSWORD)
    browser.visit("/sjalvskattning/oversikt/2024/")
    page.get_by_role("link", name="Frida Falk").click()
    browser.check()
    page.get_by_label("Varför öppnas svaret igen?").fill("Delmål 4: beskriv samverkan med regionen")
    page.get_by_role("button", name="Öppna igen").click()
    browser.check()
    assert len(mail.outbox) == 2
    notice = mail.outbox[1]
    assert notice.to == ["falun@test.invalid"]
    assert notice.subject == "Självskattning 2024 – Falun är öppnad igen"
    assert "Skäl: Delmål 4: beskriv samverkan med regionen" in notice.body
    browser.visit("/sjalvskattning/oversikt/2024/")
    assert "Lokala systemledningar: 0 av 13 inskickade, 1 återöppnad." in page.inner_text("main")
    browser.log_out()

    browser.log_in(falun_rep.email, PASSWORD)
    browser.visit(f"/sjalvskattning/2024/{leadership('Falun').pk}/")
    reopened = page.locator("#ateroppnad")
    assert "Skäl: Delmål 4: beskriv samverkan med regionen" in reopened.inner_text()
    # At the top: above the first question.
    assert reopened.bounding_box()["y"] < page.get_by_role("group", name="Delmål 1 –").bounding_box()["y"]
    browser.screenshot("ateroppnad-sjalvskattning")
