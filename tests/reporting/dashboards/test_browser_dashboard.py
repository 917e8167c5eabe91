"""A reader opens the dashboards on a phone-sized screen, changes filters with the keyboard,
and the chart and its table change; axe checks every page."""

import pytest

from tests.conftest import PASSWORD
from tests.reporting.dashboards.conftest import DASH

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _table_rows(page, chart_id):
    figure = page.locator(f"#{chart_id}").locator("xpath=..")
    figure.locator("summary").click()
    return figure.locator("tbody tr").all_inner_texts()


def _fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_reader_changes_the_subgoal_filter_on_a_phone(browser, reader, dash):
    browser.page.set_viewport_size({"width": 390, "height": 844})
    browser.log_in(reader.email, PASSWORD)
    page = browser.visit(DASH + "sjalvskattning/")
    page.locator("#medel-over-ar .main-svg").first.wait_for()
    assert _fits_the_screen(page)
    assert page.locator("#medel-over-ar .scatterlayer .trace").count() == 5
    before = _table_rows(page, "medel-over-ar")
    browser.check()

    # Keyboard only: focus the delmål filter, choose delmål 2, Tab to "Visa" and press Enter.
    page.locator("#filter-delmal").focus()
    page.locator("#filter-delmal").select_option("2")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Visa"
    page.keyboard.press("Enter")
    page.wait_for_url("**delmal=2**")
    browser.check()
    page.locator("#medel-over-ar .main-svg").first.wait_for()
    assert page.locator("#medel-over-ar .scatterlayer .trace").count() == 1
    after = _table_rows(page, "medel-over-ar")
    browser.check()
    assert before != after
    assert after == ["2023\t3,0", "2024\t3,5"]
    assert _fits_the_screen(page)


def test_reader_filters_the_economy_by_municipality(browser, reader, dash):
    browser.page.set_viewport_size({"width": 390, "height": 844})
    browser.log_in(reader.email, PASSWORD)
    page = browser.visit(DASH + "ekonomi/?ar=2024")
    page.locator("#ekonomi-ar .main-svg").first.wait_for()
    assert len(_table_rows(page, "ekonomi-ar")) == 2
    browser.check()
    page.get_by_label("Kommun", exact=True).select_option(label="Falun")
    page.get_by_role("button", name="Visa", exact=True).click()
    page.wait_for_url("**kommun=2080**")
    browser.check()
    rows = _table_rows(page, "ekonomi-ar")
    browser.check()
    assert len(rows) == 1 and rows[0].startswith("2024\tFalun")
    assert page.locator('a:has-text("Ladda ned som CSV")').first.get_attribute("href").endswith(
        "?ar=2024&kommun=2080&csv=ekonomi-ar")


def test_reader_opens_overview_and_indicator_explorer(browser, reader, dash):
    browser.log_in(reader.email, PASSWORD)
    page = browser.visit(DASH)
    assert page.get_by_role("heading", level=1).inner_text() == "Översikt per år"
    page.get_by_role("navigation", name="Översikter").get_by_role("link", name="Nyckeltal").click()
    page.wait_for_url("**/valfardsradet/nyckeltal/**")
    browser.check()
    page.get_by_label("Nyckeltal", exact=True).select_option("2.1")
    page.get_by_label("Kommun", exact=True).select_option("2080")
    page.get_by_role("button", name="Visa", exact=True).click()
    page.wait_for_url("**nyckeltal=2.1**")
    browser.check()
    page.locator("#kommuner .main-svg").first.wait_for()
    assert page.get_by_role("heading", name="Bedömning för Falun").is_visible()
