from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from gnv_portal import access, hooks
from gnv_portal.forms import InvitationForm, SetPasswordForm
from gnv_portal.invitations import accept_invitation, send_invitation
from gnv_portal.models import Invitation, Membership, ReportingYear, User


@login_required
def home(request):
    memberships = Membership.objects.filter(user=request.user).select_related("municipality", "leadership")
    years = ReportingYear.objects.all()[:3]
    current = next((y for y in years if y.status == ReportingYear.Status.OPEN), None)
    return render(
        request,
        "gnv_portal/home.html",
        {"memberships": memberships, "years": years, "current_year": current, "now": timezone.now(),
         "tasks": hooks.collect("home", "tasks_for", request.user)},
    )


@access.rss_required
@require_http_methods(["GET", "POST"])
def invitations(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = form.save(commit=False)
        send_invitation(invitation, request.user, request.build_absolute_uri("/"))
        messages.success(request, _("Inbjudan skickades till %(email)s.") % {"email": invitation.email})
        return redirect("invitations")
    recent = Invitation.objects.select_related("municipality", "leadership")[:50]
    return render(request, "gnv_portal/invitations.html", {"form": form, "invitations": recent, "now": timezone.now()})


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    invitation = Invitation.find(token)
    if invitation is None:
        return render(request, "gnv_portal/invitation_invalid.html",
                      {"reason": _("Länken är ogiltig. Kontrollera att hela länken kom med.")}, status=404)
    reason = invitation.unusable_reason()
    if reason:
        return render(request, "gnv_portal/invitation_invalid.html", {"reason": reason}, status=410)
    candidate = User(email=invitation.email, first_name=invitation.first_name, last_name=invitation.last_name)
    form = SetPasswordForm(request.POST or None, user=candidate)
    if request.method == "POST" and form.is_valid():
        try:
            user = accept_invitation(invitation, form.cleaned_data["password2"])
        except ValueError as error:
            return render(request, "gnv_portal/invitation_invalid.html", {"reason": str(error)}, status=410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Välkommen! Ditt lösenord är sparat."))
        return redirect("home")
    return render(request, "gnv_portal/invitation_accept.html", {"form": form, "invitation": invitation})


def accessibility(request):
    """Tillgänglighetsredogörelse: public, as the DOS law requires."""
    return render(request, "gnv_portal/accessibility.html", {"contact": settings.RSS_CONTACT_EMAIL})


@never_cache
@require_GET
def health(request):
    """For the proxy and monitoring: "ok" when the portal and its database answer (no data shown)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("databasen svarar inte\n", status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
