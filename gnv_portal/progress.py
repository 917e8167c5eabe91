"""How far the answers of a part have come, as RSS's overviews say it:
"12 av 13 inskickade, 1 återöppnad"."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gnv_portal.models import ResponseStatus


def summary(statuses):
    """One status per organisation (or person) in `statuses`; reopened ones are named apart,
    since they were in and are not any more."""
    statuses = list(statuses)
    submitted = sum(1 for s in statuses if s == ResponseStatus.SUBMITTED)
    reopened = sum(1 for s in statuses if s == ResponseStatus.REOPENED)
    text = _("%(n)s av %(total)s inskickade") % {"n": submitted, "total": len(statuses)}
    if reopened:
        text += ", " + ngettext("%(n)s återöppnad", "%(n)s återöppnade", reopened) % {"n": reopened}
    return text
