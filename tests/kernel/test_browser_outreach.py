"""In Chromium: before a bulk send RSS sees the text and the recipients and confirms; RSS sets
a reminder schedule and the reminders go out on their dates, to non-submitters only, up to
the cap (time travel: the schedule's clock is passed in)."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail

from gnv_portal import outreach
from gnv_portal.models import STOCKHOLM, LocalLeadership, ReminderSchedule, ReportingYear, ResponseStatus
from selfassessment.models import SelfAssessment
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def year(reference):
    today = date.today()
    return ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN,
                                        opens_on=today - timedelta(days=5), deadline=today + timedelta(days=40))


def test_the_bulk_reminder_shows_text_and_recipients_before_anything_is_sent(browser, rss_user, falun_rep, mora_rep,
                                                                            year):
    SelfAssessment.objects.create(year=year, leadership=LocalLeadership.objects.get(name="Falun"),
                                  respondent=falun_rep, respondent_label=falun_rep.email,
                                  status=ResponseStatus.SUBMITTED)
    page = browser.log_in(rss_user.email, PASSWORD)
    browser.visit("/sjalvskattning/oversikt/2024/")
    page.get_by_role("link", name="Påminn om självskattningen …").click()
    browser.check()
    assert not mail.outbox  # opening the preview sends nothing
    assert "Påminnelse: självskattning 2024 – Mora" in page.locator(".mail-preview").inner_text()
    assert page.get_by_role("heading", name="1 mottagare").is_visible()
    recipients = page.get_by_role("region", name="Mottagare", exact=True)
    assert "Maja Mård" in recipients.inner_text() and "mora@test.invalid" in recipients.inner_text()
    assert "falun@test.invalid" not in page.inner_text("main")  # Frida has submitted
    browser.screenshot("forhandsgranska-paminnelse")
    browser.screenshot("forhandsgranska-paminnelse-390", width=390)
    page.get_by_role("button", name="Skicka påminnelsen till de markerade").click()
    browser.check()
    assert page.get_by_text("1 påminnelse skickades.").is_visible()
    assert [m.to for m in mail.outbox] == [["mora@test.invalid"]]


def test_an_unticked_recipient_gets_no_invitation(browser, rss_user, avesta_respondent, year):
    from reporting.municipal import reference_data

    reference_data.load()
    make_user("falun-enkat@test.invalid", "kommun_enkat",
              municipality=avesta_respondent.memberships.first().municipality.__class__.objects.get(name="Falun"),
              first_name="Filip", last_name="Fors")
    page = browser.log_in(rss_user.email, PASSWORD)
    browser.visit("/rapportering/2024/")
    page.get_by_role("link", name="Skicka inbjudan: Kommunenkät …").click()
    browser.check()
    page.get_by_label("Filip Fors").uncheck()
    page.get_by_role("button", name="Skicka inbjudan till de markerade").click()
    browser.check()
    assert page.get_by_text("1 inbjudan skickades.").is_visible()
    assert [m.to for m in mail.outbox] == [["avesta@test.invalid"]]


def test_scheduled_reminders_go_out_on_their_dates_to_non_submitters_until_the_cap(browser, rss_user, falun_rep,
                                                                                  mora_rep, year):
    today = date.today()
    first, second, third = (today + timedelta(days=n) for n in (7, 14, 21))
    page = browser.log_in(rss_user.email, PASSWORD)
    browser.visit("/sjalvskattning/oversikt/2024/")
    page.get_by_role("link", name="Schemalagda påminnelser").click()
    browser.check()
    part = page.get_by_role("region", name="Självskattning")
    part.get_by_label("Skicka påminnelser automatiskt").check()
    part.get_by_label("Datum").fill(f"{first}\n{second}\n{third}")
    part.get_by_label("Högst antal påminnelser per person").fill("2")
    part.get_by_label("Minst antal dagar mellan två påminnelser").fill("3")
    part.get_by_role("button", name="Spara schemat för Självskattning").click()
    browser.check()
    assert page.get_by_text("Schemat för Självskattning är sparat.").is_visible()
    assert ReminderSchedule.objects.get().dates == [d.isoformat() for d in (first, second, third)]
    browser.screenshot("schemalagda-paminnelser")

    def on(day):
        mail.outbox.clear()
        outreach.send_due(datetime.combine(day, time(8, 1), tzinfo=STOCKHOLM))
        return sorted(m.to[0] for m in mail.outbox)

    assert on(first - timedelta(days=1)) == []
    assert on(first) == ["falun@test.invalid", "mora@test.invalid"]
    assert on(first) == []  # the same day again
    SelfAssessment.objects.create(year=year, leadership=LocalLeadership.objects.get(name="Falun"),
                                  respondent=falun_rep, respondent_label=falun_rep.email,
                                  status=ResponseStatus.SUBMITTED)
    assert on(second) == ["mora@test.invalid"]
    assert on(third) == []  # Maja has had 2, the cap

    browser.visit("/rss/paminnelser/2024/")
    sent = page.get_by_role("region", name="Skickade påminnelser, Självskattning").inner_text()
    assert sent.count("mora@test.invalid") == 2 and sent.count("falun@test.invalid") == 1
    assert "automatiskt" in sent
