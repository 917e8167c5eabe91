"""Invitations and reminders to the leadership representatives, from RSS-editable templates."""

from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format

from gnv_portal.mailing import send_templated
from gnv_portal.models import Membership, ResponseStatus, Role
from selfassessment.models import SelfAssessment
from selfassessment.reference_data import INVITATION, REMINDER


def representatives():
    """(user, leadership) for every active leadership representative."""
    return [(m.user, m.leadership) for m in Membership.objects.filter(
        role=Role.LEADERSHIP_REP, user__is_active=True).select_related("user", "leadership")
        .order_by("leadership__name", "user__email")]


def not_submitted(year):
    """Representatives whose own self-assessment for `year` is not submitted."""
    submitted = set(SelfAssessment.objects.filter(year=year, status=ResponseStatus.SUBMITTED)
                    .values_list("leadership_id", "respondent_id"))
    return [(user, lead) for user, lead in representatives() if (lead.pk, user.pk) not in submitted]


class _Recipient:
    def __init__(self, user, leadership):
        self.user, self.leadership, self.email = user, leadership, user.email


def _send(key, pairs, year, sent_by, base_url):
    def context_for(recipient):
        path = reverse("selfassessment:form", args=[year.year, recipient.leadership.pk])
        return {
            "name": recipient.user.get_full_name() or recipient.user.email,
            "leadership": recipient.leadership.name,
            "year": year.year,
            "deadline": date_format(year.deadline, "j F Y") if year.deadline else "–",
            "link": base_url.rstrip("/") + path,
            "contact": settings.RSS_CONTACT_EMAIL,
        }

    return send_templated(key, [_Recipient(u, lead) for u, lead in pairs], context_for, year=year, sent_by=sent_by)


def send_invitations(year, sent_by, base_url):
    """Invite every representative; returns the number sent."""
    return _send(INVITATION, representatives(), year, sent_by, base_url)


def send_reminders(year, sent_by, base_url):
    """Remind only those who have not submitted; returns the number sent."""
    return _send(REMINDER, not_submitted(year), year, sent_by, base_url)
