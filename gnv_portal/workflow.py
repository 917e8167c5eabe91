"""The rules every edited row shares (self-assessment, kartläggning, kommunenkät, economy, the
report text, quotes, questionnaires): the version check that refuses a save from an outdated
page, draft → submitted → reopened, the history, and who else has a form open.

No HTTP here: the views, the admin and a later autosave endpoint all call `save()` and
`submit()`, which take the version the person's page was shown from."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gnv_portal import notices
from gnv_portal.access import is_rss
from gnv_portal.models import OpenForm, ResponseEvent, ResponseStatus, Submittable

VERSION_FIELD = "version"
# How long "also open by" lists a person after they last loaded or saved the form.
OPEN_MINUTES = 30
# Bookkeeping that is no part of what a person edited (left out of the "did it change" test).
BOOKKEEPING = {"version", "updated_at", "updated_by", "created_at", "pending_input"}


class Stale(Exception):
    """The row was saved elsewhere (another tab, another person) after the page was shown.
    Nothing was stored; the page shows both versions."""


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


# --- Versions --------------------------------------------------------------------------------


def version_of(row):
    """The version a page shows for `row`: 0 while there is no row."""
    return row.version if row is not None and row.pk else 0


def seen_version(data):
    """The version a posted page was shown from (its hidden input "version"); 0 for "no row yet".

    A missing input counts as 0, so a first save works from any client; an unreadable one
    matches no row and is refused as stale."""
    raw = str(data.get(VERSION_FIELD, "") or "").strip()
    if not raw:
        return 0
    return int(raw) if raw.isdigit() else -1


def hold(row, seen):
    """The one version check. Inside the save's transaction, hold `row` at version `seen` or
    raise Stale.

    UPDATE … SET version = version WHERE pk = … AND version = seen takes the row's write lock
    (PostgreSQL: the row; SQLite: the database), so of two saves from the same version the
    second waits for the first, then finds a newer version and is refused."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("workflow.hold() belongs inside the save's transaction")
    if seen < 0 or not type(row)._base_manager.filter(pk=row.pk, version=seen).update(version=seen):
        raise Stale


def bump(row, user):
    """Count a save that changed something (the caller then saves the row)."""
    row.version += 1
    row.updated_by = user if user is not None and user.is_authenticated else None


def fields_snapshot(row):
    """What a person edits in `row`, field by field (for rows without a snapshot() of their own)."""
    return {f.attname: f.value_from_object(row) for f in row._meta.concrete_fields
            if not f.primary_key and f.name not in BOOKKEEPING}


def _snapshot_of(row, snapshot):
    if snapshot is not None:
        return snapshot(row)
    return row.snapshot() if hasattr(row, "snapshot") else fields_snapshot(row)


def save(row, seen, user, apply, *, snapshot=None):
    """Store a person's edit of `row`, if the page they edited showed version `seen`.

    `apply(row)` writes the edit onto the row as stored now (and onto its related rows); this
    function saves the row itself. A new row (no pk) is made only from a page that showed none
    (seen 0), and not at all when the edit leaves it empty. When the data changed (compared by
    `snapshot(row)`, default `row.snapshot()` or its fields) the version goes up by one and an
    answer gets a history row; an edit that changes nothing leaves no trace.

    Raises Stale, with nothing stored, when the row moved on. Returns True if anything changed.
    """
    with transaction.atomic():
        created = row.pk is None
        if created:
            if seen != 0:
                raise Stale
            try:
                with transaction.atomic():
                    row.save(force_insert=True)
            except IntegrityError:
                # Another tab or person made the row first: their page was newer than this one.
                raise Stale from None
        else:
            hold(row, seen)
            row.refresh_from_db()
        before = (_snapshot_of(row, snapshot), getattr(row, "pending_input", None))
        apply(row)
        after = (_snapshot_of(row, snapshot), getattr(row, "pending_input", None))
        if after == before:
            if created:
                transaction.set_rollback(True)
                row.pk = None
                row._state.adding = True
            return False
        bump(row, user)
        row.save()
        if isinstance(row, Submittable) and after[0] != before[0]:
            action = (ResponseEvent.Action.CHANGED if row.status == ResponseStatus.SUBMITTED
                      else ResponseEvent.Action.SAVED)
            record(row, action, user, snapshot=after[0])
        return True


# --- Submit and reopen -----------------------------------------------------------------------


def submit(response, user, seen, snapshot=None):
    """Submit the version of `response` the confirm page showed (`seen`).

    Returns True if this call submitted it, False if it was already submitted (a double click,
    a second tab). Raises Stale, submitting nothing, when the answer changed after the page
    was shown: the person reviews the new version first.
    """
    with transaction.atomic():
        try:
            hold(response, seen)
        except Stale:
            response.refresh_from_db()
            if response.status == ResponseStatus.SUBMITTED:
                return False
            raise
        response.refresh_from_db()
        if response.status == ResponseStatus.SUBMITTED:
            return False
        response.status = ResponseStatus.SUBMITTED
        response.submitted_at = timezone.now()
        response.submitted_by = user
        bump(response, user)
        response.save()
        record(response, ResponseEvent.Action.SUBMITTED, user, snapshot=_snapshot_of(response, snapshot))
        transaction.on_commit(lambda: notices.submitted(response, user))
    return True


@transaction.atomic
def reopen(response, user, reason):
    """RSS reopens a submitted answer so the respondent can change it; the reason is kept."""
    if not reason.strip():
        raise ValueError(_("Ange varför svaret öppnas igen."))
    locked = type(response)._base_manager.select_for_update().get(pk=response.pk)
    locked.status = ResponseStatus.REOPENED
    bump(locked, user)
    locked.save()
    record(locked, ResponseEvent.Action.REOPENED, user, reason=reason.strip())
    response.refresh_from_db()
    transaction.on_commit(lambda: notices.reopened(response, user, reason.strip()))


# --- History ---------------------------------------------------------------------------------


def record(row, action, user, reason="", snapshot=None):
    return ResponseEvent.objects.create(
        content_type=ContentType.objects.get_for_model(row),
        object_id=row.pk,
        action=action,
        user=user if user is not None and user.is_authenticated else None,
        reason=reason,
        snapshot=snapshot or {},
        version=getattr(row, "version", None),
    )


def history(row):
    return ResponseEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(row), object_id=row.pk
    ).select_related("user")


# --- Who else has a form open ------------------------------------------------------------------


def form_key(kind, *ids):
    """The name of one form for `note_open`, e.g. form_key("kartlaggning", 2024, leadership.pk)."""
    return ":".join([kind, *(str(i) for i in ids)])


def note_open(key, user):
    """`user` has the form `key` in front of them now (called when the page is shown or saved)."""
    if user.is_authenticated:
        OpenForm.objects.update_or_create(key=key, user=user, defaults={"seen_at": timezone.now()})


def also_open(key, user, now=None):
    """Other people who opened or saved the form `key` in the last OPEN_MINUTES, latest first."""
    since = (now or timezone.now()) - timedelta(minutes=OPEN_MINUTES)
    return list(OpenForm.objects.filter(key=key, seen_at__gte=since).exclude(user=user)
                .select_related("user").order_by("-seen_at"))
