"""Contrast of form controls and of the focus ring (WCAG 1.4.11), measured in Chromium from
the computed colours: every control's border and the outline of every element a keyboard
user tabs to need 3:1 against what is behind them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gnv_portal.models import LocalLeadership, Municipality, ReportingYear
from tests.browser import control_contrast, focus_ring_failures
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_year(reference):
    from reporting.municipal import reference_data

    today = timezone.localdate()
    year = ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN,
                                        opens_on=today - timedelta(days=5), deadline=today + timedelta(days=30))
    reference_data.load()
    return year


def assert_controls_and_focus(browser, path, at_least):
    page = browser.visit(path)
    controls = control_contrast(page)
    assert controls["checked"] >= at_least, f"{path}: only {controls['checked']} controls measured"
    assert controls["failures"] == [], path
    seen, failures = focus_ring_failures(page)
    assert len(seen) >= 5, f"{path}: the keyboard reached only {seen}"
    assert failures == [], f"{path}: {failures}"


def test_controls_and_focus_on_the_forms_of_every_role(browser, falun_rep, avesta_respondent, rss_user, open_year):
    falun = LocalLeadership.objects.get(name="Falun").pk
    avesta = Municipality.objects.get(name="Avesta").pk
    browser.visit("/konto/logga-in/")
    assert control_contrast(browser.page)["checked"] == 3  # e-mail, password and the language choice
    browser.log_in(falun_rep.email, PASSWORD)
    assert_controls_and_focus(browser, f"/sjalvskattning/2024/{falun}/", at_least=30)  # radios and comments
    assert_controls_and_focus(browser, f"/sjalvskattning/2024/{falun}/kartlaggning/", at_least=20)
    browser.log_out()
    browser.log_in(avesta_respondent.email, PASSWORD)
    assert_controls_and_focus(browser, f"/rapportering/2024/kommunenkat/{avesta}/", at_least=20)
    assert_controls_and_focus(browser, f"/rapportering/2024/ekonomi/{avesta}/", at_least=4)
    browser.log_out()
    browser.log_in(rss_user.email, PASSWORD)
    assert_controls_and_focus(browser, "/rss/inbjudningar/", at_least=8)
    assert_controls_and_focus(browser, "/rss/paminnelser/2024/", at_least=20)


def test_the_check_sees_bootstraps_own_faint_borders_and_focus_glow(browser, falun_rep, open_year):
    browser.log_in(falun_rep.email, PASSWORD)
    page = browser.visit(f"/sjalvskattning/2024/{LocalLeadership.objects.get(name='Falun').pk}/")
    # What the portal had before: Bootstrap's border colour, and its focus style without an outline.
    # A constructed stylesheet: the page's Content-Security-Policy refuses an inline <style> (add_style_tag).
    page.evaluate("css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
                  " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
                  ".form-check-input, .form-control { border-color: #dee2e6 !important; }"
                  ".form-check-input:focus-visible { outline: 0 !important; }")
    failures = control_contrast(page)["failures"]
    assert failures and all("1.3" in f for f in failures[:3]), failures[:3]
    _seen, focus = focus_ring_failures(page, presses=30)
    assert any("input" in f for f in focus), focus
