"""E-mails about one answer to the people who answer it: a receipt with a summary of the
answers when it is submitted, and a notice with the reason when RSS reopens it.

The kernel knows no form: each app says what one of its answers is (the form's name, the
organisation, who answers it, a summary of the answers) in `<app>/notices.py` with
`describe(response)` → `About` or None (see gnv_portal.hooks). workflow.submit() and
reopen() call `submitted()` / `reopened()` once the change is committed; the e-mails go
out as a background task and every send is logged (EmailLog).
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from gnv_portal import hooks, mailing
from gnv_portal.formatting import sv_date, sv_datetime
from gnv_portal.models import ReportingYear, ResponseEvent, ResponseStatus, User

RECEIPT = "response-receipt"
REOPENED = "response-reopened"
_silent = ContextVar("gnv_notices_silent", default=False)


@dataclass
class About:
    form: str  # "Självskattning"
    form_definite: str  # "självskattningen", as in "RSS har öppnat självskattningen igen"
    organisation: str  # "Falun"
    year: ReportingYear
    path: str  # the form's page, e.g. /sjalvskattning/2024/3/
    summary: str = ""  # the answers as plain text, for the receipt
    recipients: list = field(default_factory=list)  # active users who answer the form


def describe(response):
    """What the app that owns `response` says about it, or None."""
    for function in hooks.app_functions("notices", "describe"):
        about = function(response)
        if about is not None:
            return about
    return None


def submitted(response, user):
    """Send the receipt for `response` (call after the submit is committed)."""
    _enqueue(RECEIPT, response, user)


def reopened(response, user, reason):
    """Tell the respondents that RSS reopened `response`, and why."""
    _enqueue(REOPENED, response, user, reason)


@contextmanager
def silenced():
    """No notices inside (the demo data submits answers of made-up people)."""
    token = _silent.set(True)
    try:
        yield
    finally:
        _silent.reset(token)


def _enqueue(key, response, user, reason=""):
    from gnv_portal.tasks import send_notice_task

    if _silent.get():
        return
    content_type = ContentType.objects.get_for_model(response)
    user_id = user.pk if user is not None and user.is_authenticated else None
    send_notice_task.enqueue(key, content_type.pk, response.pk, user_id, reason)


def send(key, content_type_id, object_id, user_id=None, reason=""):
    """Send notice `key` about one answer to its respondents. Returns the number sent."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    response = model.objects.filter(pk=object_id).first()
    about = describe(response) if response is not None else None
    if about is None or not about.recipients:
        return 0
    actor = User.objects.filter(pk=user_id).first() if user_id else None
    when = response.submitted_at if key == RECEIPT and response.submitted_at else timezone.now()
    common = {
        "form": about.form, "form_definite": about.form_definite, "organisation": about.organisation,
        "year": about.year.year, "when": sv_datetime(when), "by": str(actor) if actor else "–",
        "summary": about.summary, "reason": reason, "link": settings.SITE_URL + about.path,
        "deadline": sv_date(about.year.deadline), "contact": settings.RSS_CONTACT_EMAIL,
    }
    return mailing.send_templated(
        key, about.recipients, lambda user: {**common, "name": user.get_full_name() or user.email},
        year=about.year, sent_by=actor,
    )


def reopen_event(response):
    """The event that reopened `response` (with RSS's reason) while it is reopened; else None."""
    if response is None or response.status != ResponseStatus.REOPENED:
        return None
    return ResponseEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(response), object_id=response.pk,
        action=ResponseEvent.Action.REOPENED,
    ).select_related("user").order_by("-at", "-pk").first()
