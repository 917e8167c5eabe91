"""Bulk sends with a preview and a confirmation, and reminders on a schedule (gnv_portal.outreach).

Time travel: the schedule's service takes the time as an argument, and the log it counts
from records that time, so a test can walk through the weeks before a deadline."""

import re
from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from gnv_portal import outreach
from gnv_portal.models import STOCKHOLM, EmailLog, LocalLeadership, ReminderSchedule, ReportingYear, ResponseStatus
from selfassessment.models import SelfAssessment

DEADLINE = date(2025, 3, 31)


@pytest.fixture
def year(reference):
    return ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN, opens_on=date(2025, 1, 15),
                                        deadline=DEADLINE)


def at(day, hour=8, minute=5):
    return datetime.combine(day, datetime.min.time(), tzinfo=STOCKHOLM).replace(hour=hour, minute=minute)


def submit_own(year, user, leadership_name):
    SelfAssessment.objects.create(year=year, leadership=LocalLeadership.objects.get(name=leadership_name),
                                  respondent=user, respondent_label=user.email, status=ResponseStatus.SUBMITTED)


def preview_url(part="sjalvskattning", kind="reminder", year=2024):
    return reverse("outreach_preview", args=[year, part, kind])


# --- Preview and confirmation ---------------------------------------------------------------


def test_the_preview_shows_the_text_and_every_recipient_and_sends_nothing(client_for, rss_user, falun_rep,
                                                                          mora_rep, year):
    submit_own(year, falun_rep, "Falun")
    page = client_for(rss_user).get(preview_url()).content.decode()
    assert "Påminnelse: självskattning 2024 – Mora" in page  # the subject as Maja gets it
    assert "Hej Maja Mård!" in page and "Sista svarsdag är 31 mars 2025." in page
    assert "mora@test.invalid" in page and "falun@test.invalid" not in page  # Frida has submitted
    mora = LocalLeadership.objects.get(name="Mora")
    assert re.findall(r'name="to" value="([^"]+)"', page) == [f"{mora_rep.pk}-{mora.pk}"]
    assert "1 mottagare" in page
    assert not mail.outbox and not EmailLog.objects.exists()


def test_only_the_ticked_recipients_get_it(client_for, rss_user, falun_rep, mora_rep, year):
    mora = LocalLeadership.objects.get(name="Mora")
    response = client_for(rss_user).post(preview_url(kind="invitation"), {"to": [f"{mora_rep.pk}-{mora.pk}"]},
                                         follow=True)
    assert "1 inbjudan skickades." in response.content.decode()
    assert [m.to for m in mail.outbox] == [["mora@test.invalid"]]
    assert EmailLog.objects.get().sent_by == rss_user


def test_someone_who_submits_after_the_preview_gets_no_reminder(client_for, rss_user, falun_rep, mora_rep, year):
    client = client_for(rss_user)
    keys = re.findall(r'name="to" value="([^"]+)"', client.get(preview_url()).content.decode())
    assert len(keys) == 2
    submit_own(year, mora_rep, "Mora")
    response = client.post(preview_url(), {"to": keys}, follow=True)
    assert "1 påminnelse skickades." in response.content.decode()
    assert [m.to for m in mail.outbox] == [["falun@test.invalid"]]


def test_confirming_with_nobody_ticked_sends_nothing(client_for, rss_user, mora_rep, year):
    response = client_for(rss_user).post(preview_url(), {})
    assert response.status_code == 200 and "Välj minst en mottagare." in response.content.decode()
    assert not mail.outbox


def test_the_municipal_parts_preview_their_own_respondents(client_for, rss_user, avesta_respondent, year):
    page = client_for(rss_user).get(preview_url("ekonomi", "invitation")).content.decode()
    assert "Ekonomisk redovisning 2024 – Avesta" in page and "avesta@test.invalid" in page


@pytest.mark.parametrize(("part", "kind"), [("finns-inte", "reminder"), ("sjalvskattning", "spam"),
                                            ("kartlaggning", "invitation")])
def test_unknown_parts_and_kinds_are_404(client_for, rss_user, year, part, kind):
    assert client_for(rss_user).get(preview_url(part, kind)).status_code == 404


@pytest.mark.parametrize("who", ["reader", "falun_rep", "avesta_respondent"])
def test_only_rss_previews_and_sends(client_for, request, year, mora_rep, who):
    client = client_for(request.getfixturevalue(who))
    mora = LocalLeadership.objects.get(name="Mora")
    assert client.get(preview_url()).status_code == 403
    assert client.post(preview_url(), {"to": [f"{mora_rep.pk}-{mora.pk}"]}).status_code == 403
    assert client.post(reverse("reminder_schedules", args=[2024]),
                       {"part": "sjalvskattning", "sjalvskattning-active": "on",
                        "sjalvskattning-dates": "2025-03-01", "sjalvskattning-max_per_person": "3",
                        "sjalvskattning-min_interval_days": "1"}).status_code == 403
    assert not mail.outbox and not ReminderSchedule.objects.exists()


# --- Schedules ----------------------------------------------------------------------------------


def save_schedule(client, part="sjalvskattning", **fields):
    data = {"part": part, f"{part}-max_per_person": "3", f"{part}-min_interval_days": "1"}
    data.update({f"{part}-{k}": v for k, v in fields.items()})
    return client.post(reverse("reminder_schedules", args=[2024]), data)


def test_rss_sets_dates_or_an_interval_and_sees_the_planned_dates(client_for, rss_user, year):
    client = client_for(rss_user)
    response = save_schedule(client, active="on", dates="2025-03-01\n2025-02-14, 2025-03-01")
    assert response.status_code == 302
    schedule = ReminderSchedule.objects.get(part="sjalvskattning")
    assert schedule.dates == ["2025-02-14", "2025-03-01"] and schedule.updated_by == rss_user
    save_schedule(client, "kommunenkat", active="on", every_days="7", start_days_before="14", max_per_person="2")
    interval = ReminderSchedule.objects.get(part="kommunenkat")
    assert interval.send_dates() == [date(2025, 3, 17), date(2025, 3, 24), date(2025, 3, 31)]
    page = client.get(reverse("reminder_schedules", args=[2024])).content.decode()
    assert "17 mars 2025" in page and "14 februari 2025" in page


@pytest.mark.parametrize(("fields", "message"), [
    ({"dates": "2025-04-02"}, "ligger efter sista svarsdag"),
    ({"dates": "1 mars"}, "är inget datum"),
    ({"every_days": "7"}, "Fyll i både hur ofta"),
    ({"dates": ""}, "Ange minst ett datum eller ett intervall."),
    ({"dates": "2025-03-01", "max_per_person": "0"}, "större än eller lika med 1"),
    ({"dates": "2025-03-01", "min_interval_days": "0"}, "större än eller lika med 1"),
])
def test_a_wrong_schedule_is_refused_at_the_field(client_for, rss_user, year, fields, message):
    response = save_schedule(client_for(rss_user), active="on", **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ReminderSchedule.objects.exists()


def test_scheduled_reminders_go_on_their_dates_to_non_submitters_and_stop_at_the_cap(falun_rep, mora_rep, year):
    ReminderSchedule.objects.create(year=year, part="sjalvskattning", dates=["2025-03-03", "2025-03-10",
                                                                              "2025-03-17"],
                                    max_per_person=2, min_interval_days=1)

    def sent_on(day, hour=8):
        mail.outbox.clear()
        outreach.send_due(at(day, hour))
        return sorted(m.to[0] for m in mail.outbox)

    assert sent_on(date(2025, 3, 2)) == []  # before the first date
    assert sent_on(date(2025, 3, 3)) == ["falun@test.invalid", "mora@test.invalid"]
    assert sent_on(date(2025, 3, 3), hour=15) == []  # the same date again (worker and cron): nothing twice
    assert sent_on(date(2025, 3, 5)) == []  # between the dates
    submit_own(year, falun_rep, "Falun")
    assert sent_on(date(2025, 3, 10)) == ["mora@test.invalid"]  # Frida has submitted
    assert sent_on(date(2025, 3, 17)) == []  # Maja has had her 2
    assert EmailLog.objects.filter(part="sjalvskattning", template_key="selfassessment-reminder").count() == 3
    assert not EmailLog.objects.filter(sent_by__isnull=False).exists()  # sent by the schedule, not by a person


def test_reminders_by_hand_count_towards_the_cap_and_the_interval(client_for, rss_user, mora_rep, year):
    part = outreach.get_part("sjalvskattning")
    outreach.send(part, year, outreach.REMINDER, sent_by=rss_user, now=at(date(2025, 3, 9), 14))
    ReminderSchedule.objects.create(year=year, part="sjalvskattning", dates=["2025-03-10", "2025-03-14"],
                                    max_per_person=2, min_interval_days=3)
    outreach.send_due(at(date(2025, 3, 10)))
    assert len(mail.outbox) == 1  # only the one by hand: the 10th is within 3 days of it
    outreach.send_due(at(date(2025, 3, 14)))
    assert len(mail.outbox) == 2
    outreach.send_due(at(date(2025, 3, 14), 20))
    assert len(mail.outbox) == 2


def test_every_n_days_before_the_deadline_and_nothing_after_it(avesta_respondent, year):
    from reporting.municipal import reference_data

    reference_data.load()
    ReminderSchedule.objects.create(year=year, part="kommunenkat", every_days=7, start_days_before=14,
                                    max_per_person=5, min_interval_days=1)
    days = [DEADLINE - timedelta(days=n) for n in range(20, -3, -1)]
    sent = []
    for day in days:
        before = len(mail.outbox)
        outreach.send_due(at(day))
        sent += [day] * (len(mail.outbox) - before)
    assert sent == [date(2025, 3, 17), date(2025, 3, 24), date(2025, 3, 31)]
    assert all(m.to == ["avesta@test.invalid"] for m in mail.outbox)


def test_an_inactive_schedule_or_a_closed_year_sends_nothing(mora_rep, year):
    schedule = ReminderSchedule.objects.create(year=year, part="sjalvskattning", dates=["2025-03-03"],
                                               active=False)
    outreach.send_due(at(date(2025, 3, 3)))
    schedule.active = True
    schedule.save()
    year.status = ReportingYear.Status.CLOSED
    year.save()
    outreach.send_due(at(date(2025, 3, 3)))
    assert not mail.outbox


def test_the_command_sends_what_is_due_today_and_can_show_it_first(mora_rep, capsys, reference):
    today = timezone.localdate()
    year = ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN, deadline=today + timedelta(days=5))
    ReminderSchedule.objects.create(year=year, part="sjalvskattning", dates=[today.isoformat()])
    call_command("send_scheduled_reminders", "--dry-run")
    assert "Självskattning 2024: mora@test.invalid" in capsys.readouterr().out
    assert not mail.outbox
    call_command("send_scheduled_reminders")
    assert "Självskattning 2024: 1 påminnelse skickades." in capsys.readouterr().out
    call_command("send_scheduled_reminders")
    assert "Inga påminnelser är på tur." in capsys.readouterr().out
    assert len(mail.outbox) == 1


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_worker_is_asked_to_run_on_each_coming_date_once(client_for, rss_user, reference):
    from django_tasks_db.models import DBTaskResult

    today = timezone.localdate()
    ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN, deadline=today + timedelta(days=30))
    client = client_for(rss_user)
    dates = "\n".join((today + timedelta(days=n)).isoformat() for n in (-3, 2, 9))
    save_schedule(client, active="on", dates=dates)
    save_schedule(client, active="on", dates=dates)  # saved again: nothing queued twice
    queued = DBTaskResult.objects.filter(task_path="gnv_portal.tasks.send_scheduled_reminders_task")
    assert sorted(t.run_after.astimezone(STOCKHOLM) for t in queued) == [
        at(today + timedelta(days=n), minute=0) for n in (2, 9)]


def test_the_schedule_page_starts_empty_for_every_part(client_for, rss_user, year):
    page = client_for(rss_user).get(reverse("reminder_schedules", args=[2024])).content.decode()
    for part in ["sjalvskattning", "kartlaggning", "kommunenkat", "ekonomi"]:
        assert f'name="{part}-dates"' in page
    assert "[]" not in page
