"""Invitations and reminders to the respondents of one part of a reporting year
(självskattning, kartläggning, kommunenkät, ekonomisk redovisning): who gets them, the
preview RSS sees before any bulk send, and reminders on a schedule.

The kernel knows no form: each app lists its parts in `<app>/outreach.py` → `parts()`
(see gnv_portal.hooks). A reminder goes only to those who have not submitted, at most
`max_per_person` times per part and year (reminders sent by hand count too) and never
twice within `min_interval_days`. Every send is logged (EmailLog, with the part), and
the log is what the cap and the interval are counted from, so running the schedule
twice (worker and cron) sends nothing twice.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gnv_portal import hooks, mailing
from gnv_portal.models import STOCKHOLM, EmailLog, ReminderSchedule, ReportingYear

INVITATION, REMINDER = "invitation", "reminder"
KINDS = {INVITATION: _("inbjudan"), REMINDER: _("påminnelse")}
# Scheduled reminders go out from this time of day (Stockholm) on each date.
SEND_AT = time(8, 0)


@dataclass(frozen=True)
class Recipient:
    user: object
    organisation: object  # the municipality or leadership the e-mail is about

    @property
    def email(self):
        return self.user.email

    @property
    def key(self):
        """Names one recipient in the preview form: the same person may answer for two organisations."""
        return f"{self.user.pk}-{self.organisation.pk}"


@dataclass(frozen=True)
class Part:
    key: str  # "kommunenkat"
    label: str  # "Kommunenkät"
    reminder_template: str
    invitation_template: str | None  # None: invited together with another part
    everyone: Callable  # (year) → [Recipient]: active respondents, for invitations
    pending: Callable  # (year) → [Recipient]: respondents whose answer is not submitted
    context: Callable  # (year, recipient, base_url) → placeholders of the templates
    overview: str  # URL name of RSS's follow-up page (takes the year)

    def template(self, kind):
        return self.invitation_template if kind == INVITATION else self.reminder_template

    def recipients(self, year, kind):
        return self.everyone(year) if kind == INVITATION else self.pending(year)


def parts():
    return hooks.collect("outreach", "parts")


def get_part(key):
    return next((p for p in parts() if p.key == key), None)


def preview(part, year, kind, base_url):
    """(recipients, subject, body): the text as the first recipient gets it."""
    recipients = part.recipients(year, kind)
    template = mailing.get_template(part.template(kind))
    if not recipients:
        return recipients, template.subject, template.body
    subject, body = mailing.render(template, part.context(year, recipients[0], base_url))
    return recipients, subject, body


def send(part, year, kind, *, keys=None, sent_by=None, base_url=None, now=None, recipients=None):
    """Send `kind` to the part's recipients (only those in `keys`, if given). Returns the number sent.

    The recipients are looked up again at sending time: someone who submitted after
    the preview gets no reminder.
    """
    base_url = base_url or settings.SITE_URL
    chosen = recipients if recipients is not None else part.recipients(year, kind)
    if keys is not None:
        chosen = [r for r in chosen if r.key in set(keys)]
    return mailing.send_templated(part.template(kind), chosen, lambda r: part.context(year, r, base_url),
                                  year=year, sent_by=sent_by, part=part.key, now=now)


def reminders_sent(part, year):
    """{e-mail address: (number of reminders, last one)} for the part and year."""
    rows = (EmailLog.objects.filter(year=year, part=part.key, template_key=part.reminder_template, ok=True)
            .values("to").annotate(n=Count("pk"), last=Max("sent_at")))
    return {row["to"].lower(): (row["n"], row["last"]) for row in rows}


# --- Scheduled reminders ------------------------------------------------------------------


def schedule_for(year, part):
    """The stored schedule of `part`, or an unsaved one with the defaults."""
    return ReminderSchedule.objects.filter(year=year, part=part.key).first() or ReminderSchedule(
        year=year, part=part.key, active=False)


def due(schedule, part, now):
    """The recipients a scheduled reminder goes to at `now` ([] if none is due)."""
    year = schedule.year
    today = now.astimezone(STOCKHOLM).date()
    past = [d for d in schedule.send_dates() if d <= today]
    if not schedule.active or not past or not year.accepts_answers(now):
        return []
    latest_start = datetime.combine(past[-1], time(0), tzinfo=STOCKHOLM)
    sent = reminders_sent(part, year)
    result = []
    for recipient in part.pending(year):
        count, last = sent.get(recipient.email.lower(), (0, None))
        if count >= schedule.max_per_person:
            continue
        if last is not None and (last >= latest_start
                                 or (today - last.astimezone(STOCKHOLM).date()).days < schedule.min_interval_days):
            continue
        result.append(recipient)
    return result


def send_due(now=None, *, dry_run=False):
    """Send every scheduled reminder that is due. Returns [(schedule, part, recipients, number sent)]."""
    now = now or timezone.now()
    done = []
    schedules = ReminderSchedule.objects.filter(active=True, year__status=ReportingYear.Status.OPEN)
    for schedule in schedules.select_related("year").order_by("year__year", "part"):
        part = get_part(schedule.part)
        recipients = due(schedule, part, now) if part is not None else []
        if not recipients:
            continue
        sent = 0 if dry_run else send(part, schedule.year, REMINDER, now=now, recipients=recipients)
        done.append((schedule, part, recipients, sent))
    if not dry_run:
        for schedule in schedules:
            queue_upcoming(schedule, now)
    return done


def queue_upcoming(schedule, now=None):
    """Ask the worker to run the schedule on each coming date (once per date).

    Only a backend that runs tasks later can (the database backend in production); with
    another, `manage.py send_scheduled_reminders` from cron does the same work.
    """
    from gnv_portal.tasks import send_scheduled_reminders_task

    if not schedule.active or not send_scheduled_reminders_task.get_backend().supports_defer:
        return
    now = now or timezone.now()
    today = now.astimezone(STOCKHOLM).date()
    queued = set(schedule.queued)
    for day in schedule.send_dates():
        if day < today or day.isoformat() in queued:
            continue
        run_after = max(datetime.combine(day, SEND_AT, tzinfo=STOCKHOLM), now + timedelta(seconds=5))
        send_scheduled_reminders_task.using(run_after=run_after).enqueue()
        queued.add(day.isoformat())
    if queued != set(schedule.queued):
        schedule.queued = sorted(queued)
        ReminderSchedule.objects.filter(pk=schedule.pk).update(queued=schedule.queued)
