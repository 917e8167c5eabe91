import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_log_in_through_the_login_page_and_see_the_swedish_start_page(browser, falun_rep):
    page = browser.visit("/")
    assert "/konto/logga-in/" in page.url
    page.get_by_label("E-postadress").fill("falun@test.invalid")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(browser.base_url + "/")
    browser.check()
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Välkommen, Frida"
    assert page.get_by_text("lokal systemledning Falun").is_visible()


def test_keyboard_only_log_in_and_skip_link(browser, falun_rep):
    page = browser.visit("/konto/logga-in/")
    # The e-mail field has focus on arrival; the rest is Tab and Enter.
    page.keyboard.type("falun@test.invalid")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(browser.base_url + "/")
    browser.check()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "innehall"


def test_the_accessibility_check_catches_a_serious_violation(browser, reference):
    from tests.browser import axe_violations

    page = browser.visit("/konto/logga-in/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert "image-alt" in {v["id"] for v in axe_violations(page)}
