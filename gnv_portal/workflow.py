"""The draft → submitted → reopened rules every form shares (self-assessment,
kartläggning, kommunenkät, economy), and their history."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gnv_portal import notices
from gnv_portal.access import is_rss
from gnv_portal.models import ResponseEvent, ResponseStatus


def lock_reason(year, response, user, now=None):
    """Why `user` cannot change `response` (None if not started) now; "" if they can.

    RSS may always correct answers (every change to a submitted answer is logged);
    respondents only while the year accepts answers and the answer is not submitted.
    """
    if is_rss(user):
        return ""
    contact = _("Kontakta RSS Dalarna (%(email)s) om något behöver ändras.") % {
        "email": settings.RSS_CONTACT_EMAIL
    }
    if response is not None and response.status == ResponseStatus.SUBMITTED:
        return _("Svaret är inskickat och kan inte längre ändras.") + " " + contact
    reason = year.lock_reason(now)
    if reason:
        return f"{reason} {contact}"
    return ""


def status_of(response):
    return ResponseStatus(response.status) if response is not None else ResponseStatus.NOT_STARTED


def record(response, action, user, reason="", snapshot=None):
    return ResponseEvent.objects.create(
        content_type=ContentType.objects.get_for_model(response),
        object_id=response.pk,
        action=action,
        user=user if user is not None and user.is_authenticated else None,
        reason=reason,
        snapshot=snapshot or {},
    )


def history(response):
    return ResponseEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(response), object_id=response.pk
    ).select_related("user")


def mark_saved(response, user, snapshot):
    """After the caller saved a draft: log it, and log changes to submitted answers apart."""
    action = ResponseEvent.Action.CHANGED if response.status == ResponseStatus.SUBMITTED else ResponseEvent.Action.SAVED
    response.updated_by = user
    response.save(update_fields=["updated_by", "updated_at"])
    record(response, action, user, snapshot=snapshot)


@transaction.atomic
def submit(response, user, snapshot):
    """Submit once: a second submit (double click, second tab) changes nothing.

    Returns True if this call submitted the response.
    """
    locked = type(response).objects.select_for_update().get(pk=response.pk)
    if locked.status == ResponseStatus.SUBMITTED:
        response.refresh_from_db()
        return False
    now = timezone.now()
    type(response).objects.filter(pk=response.pk).update(
        status=ResponseStatus.SUBMITTED, submitted_at=now, submitted_by=user, updated_by=user, updated_at=now
    )
    response.refresh_from_db()
    record(response, ResponseEvent.Action.SUBMITTED, user, snapshot=snapshot)
    transaction.on_commit(lambda: notices.submitted(response, user))
    return True


@transaction.atomic
def reopen(response, user, reason):
    """RSS reopens a submitted answer so the respondent can change it; the reason is kept."""
    if not reason.strip():
        raise ValueError(_("Ange varför svaret öppnas igen."))
    type(response).objects.filter(pk=response.pk).update(status=ResponseStatus.REOPENED, updated_by=user)
    response.refresh_from_db()
    record(response, ResponseEvent.Action.REOPENED, user, reason=reason.strip())
    transaction.on_commit(lambda: notices.reopened(response, user, reason.strip()))
