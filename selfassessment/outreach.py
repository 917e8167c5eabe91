"""Invitations and reminders to the leadership representatives (see gnv_portal.outreach):
the self-assessment, which every representative answers for herself, and the mapping,
which the leadership answers once. One invitation covers both."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gnv_portal.formatting import sv_date
from gnv_portal.models import Membership, ResponseStatus, Role
from gnv_portal.outreach import Part, Recipient
from selfassessment.models import LeadershipMapping, SelfAssessment
from selfassessment.reference_data import INVITATION, MAPPING_REMINDER, REMINDER


def representatives(year=None):
    """A Recipient (user, leadership) for every active leadership representative."""
    return [Recipient(m.user, m.leadership) for m in Membership.objects.filter(
        role=Role.LEADERSHIP_REP, user__is_active=True).select_related("user", "leadership")
        .order_by("leadership__name", "user__email")]


def representative_statuses(year):
    """[(Recipient, status of her own self-assessment for `year`)] for every active representative."""
    own = {(lead, user): status for lead, user, status in SelfAssessment.objects.filter(
        year=year, respondent__isnull=False).values_list("leadership_id", "respondent_id", "status")}
    return [(r, own.get((r.organisation.pk, r.user.pk), ResponseStatus.NOT_STARTED)) for r in representatives()]


def not_submitted(year):
    """Representatives whose own self-assessment for `year` is not submitted."""
    return [r for r, status in representative_statuses(year) if status != ResponseStatus.SUBMITTED]


def mapping_not_submitted(year):
    """Representatives of the leaderships whose mapping for `year` is not submitted."""
    submitted = set(LeadershipMapping.objects.filter(year=year, status=ResponseStatus.SUBMITTED)
                    .values_list("leadership_id", flat=True))
    return [r for r in representatives() if r.organisation.pk not in submitted]


def _context(url_name):
    def context(year, recipient, base_url):
        return {
            "name": recipient.user.get_full_name() or recipient.user.email,
            "leadership": recipient.organisation.name,
            "year": year.year,
            "deadline": sv_date(year.deadline),
            "link": base_url.rstrip("/") + reverse(url_name, args=[year.year, recipient.organisation.pk]),
            "contact": settings.RSS_CONTACT_EMAIL,
        }

    return context


def parts():
    return [
        Part(key="sjalvskattning", label=_("Självskattning"), reminder_template=REMINDER,
             invitation_template=INVITATION, everyone=representatives, pending=not_submitted,
             context=_context("selfassessment:form"), overview="selfassessment:overview"),
        Part(key="kartlaggning", label=_("Kartläggning"), reminder_template=MAPPING_REMINDER,
             invitation_template=None, everyone=representatives, pending=mapping_not_submitted,
             context=_context("selfassessment:mapping"), overview="selfassessment:overview"),
    ]
