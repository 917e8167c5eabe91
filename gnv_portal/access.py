"""Who may see and change what. Every view and export calls these helpers.

The rule (DESIGN.md, "Who uses it"): respondents see and change only their own
organisation's forms; RSS staff see and change everything; readers see published
figures only. An object of another organisation is answered with 404, so its
existence is not revealed; a read-only user trying to change something gets 403.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from gnv_portal.models import LocalLeadership, Membership, Municipality, Role


def _roles(user):
    """The user's memberships, cached on the user object for the request."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_gnv_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("municipality", "leadership"))
        user._gnv_memberships = cached
    return cached


def forget_roles(user):
    """Drop the cached memberships (after a role was added or removed)."""
    user.__dict__.pop("_gnv_memberships", None)


def is_rss(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or any(m.role == Role.RSS for m in _roles(user))


def is_reader(user):
    """May read published reports and dashboards (readers and RSS)."""
    return is_rss(user) or any(m.role == Role.READER for m in _roles(user))


def role_names(user):
    return sorted({m.get_role_display() for m in _roles(user)})


def leaderships_for(user):
    """Leaderships whose forms the user may fill in (all of them for RSS)."""
    if is_rss(user):
        return LocalLeadership.objects.all()
    ids = {m.leadership_id for m in _roles(user) if m.role == Role.LEADERSHIP_REP}
    return LocalLeadership.objects.filter(pk__in=ids)


def municipalities_for(user, role):
    """Municipalities whose form of `role` (survey or economy) the user may fill in."""
    if is_rss(user):
        return Municipality.objects.all()
    ids = {m.municipality_id for m in _roles(user) if m.role == role}
    return Municipality.objects.filter(pk__in=ids)


def can_answer_for_leadership(user, leadership):
    return is_rss(user) or any(
        m.role == Role.LEADERSHIP_REP and m.leadership_id == leadership.pk for m in _roles(user)
    )


def can_answer_for_municipality(user, municipality, role):
    return is_rss(user) or any(m.role == role and m.municipality_id == municipality.pk for m in _roles(user))


def get_leadership_for_user(request, pk):
    """The leadership if the user answers for it (or is RSS); 404 otherwise."""
    leadership = get_object_or_404(LocalLeadership, pk=pk)
    if not can_answer_for_leadership(request.user, leadership):
        raise Http404
    return leadership


def get_municipality_for_user(request, pk, role):
    """The municipality if the user answers its `role` form (or is RSS); 404 otherwise."""
    municipality = get_object_or_404(Municipality, pk=pk)
    if not can_answer_for_municipality(request.user, municipality, role):
        raise Http404
    return municipality


def rss_required(view):
    """Only RSS staff; anonymous users go to the log-in page, others get 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_rss(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def reader_required(view):
    """Readers and RSS: published reports and dashboards."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_reader(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
