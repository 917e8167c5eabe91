"""End to end: RSS uploads values in the portal, opens the infographic, sees arrows and colours,
and switches the municipality in focus."""

import pytest

from gnv_portal.models import ReportingYear
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REGIONS = ["0001", "0003", "0004", "0005", "0006", "0007", "0008", "0009"]


def values_csv(path):
    rows = ["indicator,area,period,sex,value"]
    for i, code in enumerate(REGIONS):
        rows += [f"2.1,{code},2024,T,{40 + i}", f"2.1,{code},2023,T,{40 + i}"]
    rows += ["2.1,0020,2024,T,\"61,2\"", "2.1,0020,2023,T,50"]
    # 3.2 is a kommun-level indicator: Falun among the best, Mora among the worst.
    for code, value in [("2080", 90), ("2062", 10), ("0180", 50), ("1480", 55), ("0380", 60), ("0580", 45),
                        ("0680", 40), ("0780", 65), ("0020", 52)]:
        rows.append(f"3.2,{code},2024,T,{value}")
    rows += ["3.2,2080,2023,T,80", "3.2,2062,2023,T,10"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_rss_imports_values_and_reads_the_infographic(browser, rss_user, tmp_path):
    ReportingYear.objects.create(year=2024, status="open")
    page = browser.log_in("rss@test.invalid", PASSWORD)
    page.get_by_role("link", name="Nyckeltal", exact=True).click()
    browser.check()
    page.get_by_role("link", name="Importera värden").click()
    browser.check()
    page.get_by_label("Fil med värden").set_input_files(str(values_csv(tmp_path / "varden.csv")))
    page.get_by_role("button", name="Importera filen").click()
    page.wait_for_load_state()
    browser.check()
    assert "Importen är klar. Nya värden: 29" in page.locator(".alert").inner_text()

    page = browser.visit("/nyckeltal/")
    summary = page.locator("section", has=page.get_by_role("heading", name="Resultat i korthet – Infografik 2025"))
    assert "Bättre i jämförelse med andra för 1 st nyckeltal, för män och/eller kvinnor (2.1)." in summary.inner_text()
    card = page.locator("#nyckeltal-21")
    value = card.locator(".ig-value")
    assert value.get_attribute("data-trend") == "better"
    assert "cmp-better" in value.get_attribute("class")
    assert card.locator("svg.ig-arrow").count() == 1
    assert "61,2\u00a0%" in value.inner_text() and "Bättre i jämförelse med andra" in value.inner_text()
    # The colour is not the only cue: its box colour differs from a middle one, and text says it.
    assert value.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(209, 231, 221)"
    assert page.locator("#nyckeltal-13").inner_text().endswith("Under utveckling, inget värde")
    assert "52" in page.locator("#nyckeltal-32 .ig-number").inner_text()

    page.get_by_label("Kommun i fokus").select_option(label="Falun")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_load_state()
    browser.check()
    falun = page.locator("#nyckeltal-32")
    assert falun.locator(".ig-number").inner_text() == "90,0"
    assert "Falun" in falun.locator(".ig-meta").inner_text()
    assert falun.locator(".ig-value").get_attribute("data-comparison") == "better"
    assert falun.locator(".ig-value").get_attribute("data-trend") == "better"
    assert "61,2\u00a0%" in page.locator("#nyckeltal-21").inner_text()  # region card unchanged

    page.get_by_label("Kommun i fokus").select_option(label="Mora")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_load_state()
    browser.check()
    mora = page.locator("#nyckeltal-32 .ig-value")
    assert mora.locator(".ig-number").inner_text() == "10,0"
    assert mora.get_attribute("data-comparison") == "worse" and mora.get_attribute("data-trend") == "same"
    assert "Sämre i jämförelse med andra" in mora.inner_text()

    page.get_by_text("Visa infografiken som tabell").click()
    browser.check()
    assert page.locator("#ig-tabell").is_visible()
    # Let late requests (the favicon) finish, so no server thread is left holding a database connection.
    page.wait_for_load_state("networkidle")
