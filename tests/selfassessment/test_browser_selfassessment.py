"""End to end in headless Chromium: a representative fills in, saves a draft, reloads,
submits; RSS then sees "Inskickad" and the leadership's mean. axe runs on every page."""

import pytest

from tests.conftest import PASSWORD
from tests.selfassessment.conftest import leadership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_representative_drafts_reloads_submits_and_rss_sees_it(browser, falun_rep, rss_user, year_2024):
    page = browser.log_in(falun_rep.email, PASSWORD)
    page.get_by_role("link", name="Självskattning 2024 – Falun").click()
    page.wait_for_load_state()
    browser.check()
    ratings = {1: "4 – Stämmer bra", 2: "3 – Stämmer ganska bra", 3: "4 – Stämmer bra", 4: "3 – Stämmer ganska bra"}
    for number, label in ratings.items():
        page.get_by_role("group", name=f"Delmål {number} –").get_by_label(label).check()
    page.get_by_label("Kommentar till delmål 1 (frivillig)").fill("Vi har god dialog")
    page.get_by_role("button", name="Spara utkast").click()
    page.wait_for_load_state()
    browser.check()
    assert page.get_by_text("Utkastet är sparat.").is_visible()

    page.reload()
    browser.check()
    assert page.get_by_role("group", name="Delmål 1 –").get_by_label("4 – Stämmer bra").is_checked()
    assert page.get_by_label("Kommentar till delmål 1 (frivillig)").input_value() == "Vi har god dialog"

    # Delmål 5 and the ja/nej question with the keyboard only.
    page.get_by_role("group", name="Delmål 5 –").get_by_label("2 – Stämmer ganska dåligt").focus()
    page.keyboard.press("Space")
    page.get_by_role("group", name="Har självskattningstabellen").get_by_label("Ja").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Granska och skicka in").click()
    page.wait_for_load_state()
    browser.check()
    assert "2 – Stämmer ganska dåligt" in page.get_by_role("table").inner_text()
    page.get_by_role("button", name="Skicka in").click()
    page.wait_for_load_state()
    browser.check()
    assert page.get_by_text("Tack! Självskattningen är inskickad.").is_visible()

    browser.log_out()
    browser.log_in(rss_user.email, PASSWORD)
    page.goto(browser.base_url + "/sjalvskattning/oversikt/2024/")
    browser.check()
    row = page.locator(f"#ledning-{leadership('Falun').pk}")
    assert "Inskickad" in row.inner_text()
    cells = row.locator("td").all_inner_texts()
    assert cells[2:7] == ["4,0", "3,0", "4,0", "3,0", "2,0"]
    assert "Lokala systemledningar: 1 av 13 inskickade." in page.inner_text("main")

    page.goto(browser.base_url + "/sjalvskattning/oversikt/2024/resultat/")
    browser.check()
    page.get_by_text("Visa uppgifterna som tabell").first.click()
    browser.check()


def test_mapping_form_and_rss_pages_pass_the_accessibility_check(browser, falun_rep, rss_user, year_2024,
                                                                 make_answer):
    make_answer(year_2024, "Södra Dalarna", "Anna", [3, 3, 3, 3, 3])
    answer = make_answer(year_2024, "Södra Dalarna", "Bo", [3, 3, 4, 3, 3], applied=True)
    page = browser.log_in(falun_rep.email, PASSWORD)
    page.get_by_role("link", name="Kartläggning 2024 – Falun").click()
    page.wait_for_load_state()
    browser.check()
    page.get_by_role("group", name="Finns en utsedd ordförande?").get_by_label("Ja").check()
    page.get_by_label("Hur många gånger per år träffas systemledningen?").fill("4")
    page.get_by_label("MAS").check()
    page.get_by_role("button", name="Granska och skicka in").click()
    page.wait_for_load_state()
    browser.check()
    assert page.get_by_text("Besvara frågan innan du skickar in.").first.is_visible()
    assert page.get_by_label("MAS").is_checked()
    browser.log_out()

    browser.log_in(rss_user.email, PASSWORD)
    for path in ["/sjalvskattning/oversikt/2024/", f"/sjalvskattning/svar/{answer.pk}/", "/sjalvskattning/import/"]:
        browser.visit(path)
    assert "Representanterna skattar olika" in browser.visit("/sjalvskattning/oversikt/2024/").inner_text("main")
