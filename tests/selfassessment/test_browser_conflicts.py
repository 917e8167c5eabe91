"""Situations 1, 2 and 4 of issue 12 in Chromium, with two browser contexts (two tabs' sessions,
or two people): a stale save is refused with both versions and nothing stored changed; taking
over one's own values saves them; the confirm page refuses after a change elsewhere."""

import pytest

from gnv_portal.models import Role
from selfassessment.models import LeadershipMapping, SelfAssessment
from tests.conftest import PASSWORD, make_user
from tests.selfassessment.conftest import answer, leadership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FORM = "/sjalvskattning/2024/{pk}/"


def _rating(page, number, label):
    page.get_by_role("group", name=f"Delmål {number} –").get_by_label(label).check()


def _click(browser, name):
    browser.page.get_by_role("button", name=name).first.click()
    browser.page.wait_for_load_state()
    browser.check()


def test_a_stale_tab_is_refused_with_both_versions_and_taking_over_saves_them(browser, other_browser, falun_rep,
                                                                              year_2024):
    answer(year_2024, "Falun", falun_rep.email, [4, 3, 3, 4, 2], applied=True, status="draft", user=falun_rep)
    url = FORM.format(pk=leadership("Falun").pk)
    browser.log_in(falun_rep.email, PASSWORD)
    other_browser.log_in(falun_rep.email, PASSWORD)
    tab_a, tab_b = browser.visit(url), other_browser.visit(url)  # both show the same version

    _rating(tab_a, 3, "5 – Stämmer mycket bra")
    tab_a.get_by_label("Kommentar till delmål 3 (frivillig)").fill("Nya mobila team i hela kommunen")
    _click(browser, "Spara utkast")
    assert tab_a.get_by_text("Utkastet är sparat.").is_visible()

    _rating(tab_b, 3, "1 – Stämmer inte alls")
    _click(other_browser, "Spara utkast")
    conflict = tab_b.locator("#konflikt")
    assert conflict.is_visible() and "det du skrev är inte sparat" in conflict.inner_text()
    row = conflict.get_by_role("row", name="Skattning av delmål 3")
    assert "1 – Stämmer inte alls" in row.inner_text() and "5 – Stämmer mycket bra" in row.inner_text()
    assert "Frida Falk" in conflict.inner_text()
    stored = SelfAssessment.objects.get()
    assert stored.ratings.get(subgoal__number=3).rating == 5  # nothing stored changed
    # Nothing B typed is lost, and A's comment (which B had not touched) is now in B's form.
    assert tab_b.get_by_role("group", name="Delmål 3 –").get_by_label("1 – Stämmer inte alls").is_checked()
    assert tab_b.get_by_label("Kommentar till delmål 3 (frivillig)").input_value() == \
        "Nya mobila team i hela kommunen"
    tab_b.screenshot(path="var/issue12-situation1-conflict.png", full_page=True)

    _click(other_browser, "Spara mina värden")
    assert tab_b.get_by_text("Utkastet är sparat.").is_visible()
    rating = SelfAssessment.objects.get().ratings.get(subgoal__number=3)
    assert (rating.rating, rating.comment) == (1, "Nya mobila team i hela kommunen")


def test_the_confirm_page_refuses_after_a_change_in_another_tab(browser, other_browser, falun_rep, year_2024):
    answer(year_2024, "Falun", falun_rep.email, [4, 3, 3, 4, 2], applied=True, status="draft", user=falun_rep)
    url = FORM.format(pk=leadership("Falun").pk)
    browser.log_in(falun_rep.email, PASSWORD)
    other_browser.log_in(falun_rep.email, PASSWORD)
    review = browser.visit(url + "bekrafta/")
    assert "Du skickar in version 0" in review.inner_text("main")

    tab_b = other_browser.visit(url)
    _rating(tab_b, 1, "1 – Stämmer inte alls")
    _click(other_browser, "Spara utkast")

    _click(browser, "Skicka in")
    main = review.inner_text("main")
    assert "Svaret har ändrats sedan du granskade det" in main
    assert "Du skickar in version 1" in main and "1 – Stämmer inte alls" in main
    assert SelfAssessment.objects.get().status == "draft"


def test_two_representatives_on_their_shared_mapping(browser, other_browser, year_2024):
    south = leadership("Södra Dalarna")
    rep1 = make_user("avesta-sl@test.invalid", Role.LEADERSHIP_REP, leadership=south, first_name="Anna",
                     last_name="Avesta")
    rep2 = make_user("hedemora-sl@test.invalid", Role.LEADERSHIP_REP, leadership=south, first_name="Henrik",
                     last_name="Hedemora")
    url = f"/sjalvskattning/2024/{south.pk}/kartlaggning/"
    browser.log_in(rep1.email, PASSWORD)
    other_browser.log_in(rep2.email, PASSWORD)
    first = browser.visit(url)
    second = other_browser.visit(url)
    assert "Också öppen hos:" in second.locator("#ocksa-oppen").inner_text()
    assert "Anna Avesta" in second.locator("#ocksa-oppen").inner_text()

    first.get_by_label("Hur många gånger per år träffas systemledningen?").fill("8")
    first.get_by_label("Vilka utmaningar ser ni?").fill("Att hinna ses mellan mötena")
    _click(browser, "Spara utkast")

    second.get_by_label("Vad fungerar bra?").fill("Dialogen med primärvården")
    _click(other_browser, "Spara utkast")
    conflict = second.locator("#konflikt")
    assert conflict.is_visible() and "Anna Avesta" in conflict.inner_text()
    assert "Att hinna ses mellan mötena" in conflict.inner_text()
    assert "Dialogen med primärvården" in conflict.inner_text()
    mapping = LeadershipMapping.objects.get()
    assert (mapping.meetings_per_year, mapping.works_well) == (8, "")

    _click(other_browser, "Spara mina värden")
    mapping.refresh_from_db()
    assert (mapping.meetings_per_year, mapping.challenges, mapping.works_well) == (
        8, "Att hinna ses mellan mötena", "Dialogen med primärvården")
    assert "Henrik Hedemora" in browser.visit(url).inner_text("main")  # who saved it, seen by rep 1
