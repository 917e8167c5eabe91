"""Sending the portal's e-mails from templates RSS can edit, and logging every send."""

import logging

from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from gnv_portal.models import EmailLog, EmailTemplate

log = logging.getLogger(__name__)


class _Blank(dict):
    """Unknown placeholders stay visible instead of failing the whole batch."""

    def __missing__(self, key):
        return "{" + key + "}"


def render(template, context):
    values = _Blank(context)
    return template.subject.format_map(values), template.body.format_map(values)


def get_template(key):
    try:
        return EmailTemplate.objects.get(key=key)
    except EmailTemplate.DoesNotExist:
        raise ValueError(_("E-postmallen %(key)s saknas.") % {"key": key}) from None


def send_templated(key, recipients, context_for, year=None, sent_by=None, part="", now=None):
    """Send template `key` to each recipient (objects with `.email`), logging every send.

    `context_for(recipient)` gives the placeholders for one recipient; `part` names what
    the e-mail is about (e.g. "kommunenkat", so reminders can be counted per part), `now`
    is the time logged (the scheduled reminders' clock). Returns the number sent; a
    failed send is logged with its error and does not stop the batch.
    """
    template = get_template(key)
    sent = 0
    for recipient in recipients:
        subject, body = render(template, context_for(recipient))
        entry = EmailLog(template_key=key, to=recipient.email, subject=subject, year=year, sent_by=sent_by,
                         part=part, sent_at=now or timezone.now())
        try:
            send_mail(subject, body, None, [recipient.email])
            sent += 1
        except Exception as exc:  # noqa: BLE001 - any transport error is logged per recipient
            log.warning("e-mail to %s failed: %s", recipient.email, exc)
            entry.ok = False
            entry.error = str(exc)
        entry.save()
    return sent
