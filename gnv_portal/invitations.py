"""Inviting a person to a role, and accepting the invitation."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone

from gnv_portal import mailing
from gnv_portal.models import Invitation, Membership, User


def send_invitation(invitation, created_by, base_url):
    """Give the invitation a fresh single-use link and e-mail it. Returns the link."""
    raw = invitation.new_token()
    invitation.created_by = created_by
    invitation.save()
    link = base_url.rstrip("/") + reverse("invitation_accept", args=[raw])
    org = invitation.municipality or invitation.leadership
    mailing.send_templated(
        "account-invitation",
        [invitation],
        lambda inv: {
            "name": f"{inv.first_name} {inv.last_name}",
            "role": inv.get_role_display().lower(),
            "organisation": f" för {org}" if org else "",
            "expires": formats.date_format(timezone.localtime(inv.expires_at), "j F Y"),
            "link": link,
            "contact": settings.RSS_CONTACT_EMAIL,
        },
        sent_by=created_by,
    )
    return link


@transaction.atomic
def accept_invitation(invitation, password):
    """Create (or update) the invited user with the chosen password and give the role.

    The invitation is locked and checked again inside the transaction, so a link
    used in two tabs at once works only once.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    reason = invitation.unusable_reason()
    if reason:
        raise ValueError(reason)
    user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        user = User(email=invitation.email)
    user.first_name = user.first_name or invitation.first_name
    user.last_name = user.last_name or invitation.last_name
    user.is_active = True
    user.set_password(password)
    user.save()
    Membership.objects.get_or_create(
        user=user, role=invitation.role, municipality=invitation.municipality, leadership=invitation.leadership
    )
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user
