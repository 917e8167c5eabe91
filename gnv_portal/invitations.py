"""Inviting a person to one or more roles, and accepting the invitation.

A new person gets a single-use link that sets a password. A person who already has an
account gets the roles added at once and an e-mail saying so; she logs in as before. A
set-password link is never sent for an existing account: it would let the link holder
take the account over.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gnv_portal import access, mailing
from gnv_portal.formatting import sv_date
from gnv_portal.models import Invitation, Membership, Role, User

NEW_ACCOUNT = "account-invitation"
ROLES_ADDED = "account-roles-added"


def existing_account(email):
    return User.objects.filter(email__iexact=email).first()


def roles_text(memberships):
    """[(role, municipality, leadership)] → "kommunrespondent, kommunenkät för Avesta och läsare"."""
    labels = dict(Role.choices)
    parts = []
    for role, municipality, leadership in memberships:
        org = municipality or leadership
        label = str(labels.get(role, role)).lower()
        parts.append(_("%(role)s för %(org)s") % {"role": label, "org": org} if org else label)
    if len(parts) < 2:
        return "".join(parts)
    return _("%(first)s och %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


def current_roles_text(user):
    return roles_text([(m.role, m.municipality, m.leadership) for m in
                       Membership.objects.filter(user=user).select_related("municipality", "leadership")])


def missing_memberships(user, invitation):
    """The invitation's roles the user does not have yet."""
    return [(role, municipality, leadership) for role, municipality, leadership in invitation.memberships()
            if not Membership.objects.filter(user=user, role=role, municipality=municipality,
                                             leadership=leadership).exists()]


def _give_roles(user, invitation):
    for role, municipality, leadership in invitation.memberships():
        Membership.objects.get_or_create(user=user, role=role, municipality=municipality, leadership=leadership)
    access.forget_roles(user)


def send_invitation(invitation, created_by, base_url):
    """Give a new person's invitation a fresh single-use link and e-mail it. Returns the link."""
    raw = invitation.new_token()
    invitation.created_by = created_by
    invitation.save()
    link = base_url.rstrip("/") + reverse("invitation_accept", args=[raw])
    mailing.send_templated(
        NEW_ACCOUNT,
        [invitation],
        lambda inv: {
            "name": f"{inv.first_name} {inv.last_name}",
            "role": roles_text(inv.memberships()),
            "organisation": "",
            "expires": sv_date(inv.expires_at),
            "link": link,
            "contact": settings.RSS_CONTACT_EMAIL,
        },
        sent_by=created_by,
    )
    return link


@transaction.atomic
def add_roles_to_account(user, invitation, created_by, base_url):
    """The person has an account: add the roles now and tell her (the new ones). Nothing
    else about the account changes (name, password, whether it is active)."""
    added = roles_text(missing_memberships(user, invitation))
    _give_roles(user, invitation)
    invitation.new_token()  # the secret is thrown away: this invitation has no working link
    invitation.expires_at = invitation.accepted_at = timezone.now()
    invitation.user, invitation.created_by, invitation.to_existing_account = user, created_by, True
    invitation.save()
    mailing.send_templated(
        ROLES_ADDED,
        [user],
        lambda u: {"name": u.get_full_name() or u.email, "roles": added,
                   "link": base_url.rstrip("/") + reverse("login"), "contact": settings.RSS_CONTACT_EMAIL},
        sent_by=created_by,
    )
    return invitation


@transaction.atomic
def accept_invitation(invitation, password):
    """Create the invited user with the chosen password and give the roles.

    The invitation is locked and checked again inside the transaction, so a link used
    in two tabs at once works only once. If an account with the address has appeared
    meanwhile, no password is set (ValueError; the page then offers join_existing).
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    reason = invitation.unusable_reason()
    if reason:
        raise ValueError(reason)
    if existing_account(invitation.email) is not None:
        raise ValueError(_("Det finns redan ett konto för adressen. Öppna länken igen."))
    user = User(email=invitation.email, first_name=invitation.first_name, last_name=invitation.last_name)
    user.set_password(password)
    user.save()
    _give_roles(user, invitation)
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user


@transaction.atomic
def join_existing(invitation):
    """A link for a new account, used when the address has an account by now: the roles go
    to that account if it is active; its password, name and state are left alone."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    reason = invitation.unusable_reason()
    if reason:
        raise ValueError(reason)
    user = existing_account(invitation.email)
    if user is None or not user.is_active:
        raise ValueError(_("Kontot för adressen är inaktiverat. Kontakta RSS Dalarna."))
    _give_roles(user, invitation)
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user
