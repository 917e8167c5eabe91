from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_tasks import TaskResultStatus

from gnv_portal import access, hooks, mailing, outreach
from gnv_portal import invitations as invitations_service
from gnv_portal.forms import InvitationForm, ReminderScheduleForm, SetPasswordForm
from gnv_portal.models import EmailLog, Invitation, Membership, ReportingYear, User
from gnv_portal.tasks import send_batch_task


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
    existing = None
    if request.method == "POST" and form.is_valid():
        invitation = form.save(commit=False)
        base = request.build_absolute_uri("/")
        existing = invitations_service.existing_account(invitation.email)
        if existing is None:
            invitations_service.send_invitation(invitation, request.user, base)
            messages.success(request, _("Inbjudan skickades till %(email)s.") % {"email": invitation.email})
            return redirect("invitations")
        if not existing.is_active:
            form.add_error("email", _("Det finns ett inaktiverat konto för adressen. Aktivera det under "
                                      "Administration först om personen ska få tillbaka åtkomst."))
        elif not invitations_service.missing_memberships(existing, invitation):
            form.add_error("roles", _("%(name)s har redan de här rollerna.") % {"name": existing})
        elif request.POST.get("confirm_existing"):
            invitations_service.add_roles_to_account(existing, invitation, request.user, base)
            messages.success(request, _("Rollerna är tillagda i kontot för %(name)s (%(email)s), som har fått "
                                        "ett e-postmeddelande om det.") % {"name": existing, "email": existing.email})
            return redirect("invitations")
        else:
            # Shown before anything changes: RSS sees whose account it is and confirms.
            added = invitations_service.missing_memberships(existing, invitation)
            return render(request, "gnv_portal/invitations.html", {
                "form": form, "existing": existing, "new_roles": invitations_service.roles_text(added),
                "existing_roles": invitations_service.current_roles_text(existing), **_invitation_list(),
            })
    return render(request, "gnv_portal/invitations.html", {"form": form, **_invitation_list()})


def _invitation_list():
    return {"invitations": Invitation.objects.select_related("municipality", "leadership")[:50], "now": timezone.now()}


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
    if invitations_service.existing_account(invitation.email) is not None:
        return _join_existing(request, invitation)
    candidate = User(email=invitation.email, first_name=invitation.first_name, last_name=invitation.last_name)
    form = SetPasswordForm(request.POST or None, user=candidate)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations_service.accept_invitation(invitation, form.cleaned_data["password2"])
        except ValueError as error:
            return render(request, "gnv_portal/invitation_invalid.html", {"reason": str(error)}, status=410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Välkommen! Ditt lösenord är sparat."))
        return redirect("home")
    return render(request, "gnv_portal/invitation_accept.html", {
        "form": form, "invitation": invitation, "roles": invitations_service.roles_text(invitation.memberships())})


def _join_existing(request, invitation):
    """The address has an account: the link sets no password; it adds the roles to that account."""
    if request.method == "POST":
        try:
            invitations_service.join_existing(invitation)
        except ValueError as error:
            return render(request, "gnv_portal/invitation_invalid.html", {"reason": str(error)}, status=410)
        messages.success(request, _("Rollerna är tillagda i ditt konto. Logga in med din e-postadress och ditt "
                                    "lösenord."))
        return redirect("login")
    return render(request, "gnv_portal/invitation_existing.html", {
        "invitation": invitation, "roles": invitations_service.roles_text(invitation.memberships())})


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


def _part_or_404(key):
    part = outreach.get_part(key)
    if part is None:
        raise Http404
    return part


def _sent_message(kind, n, done):
    if kind == outreach.INVITATION:
        if done:
            return ngettext("%(n)s inbjudan skickades.", "%(n)s inbjudningar skickades.", n) % {"n": n}
        return ngettext("%(n)s inbjudan skickas nu.", "%(n)s inbjudningar skickas nu.", n) % {"n": n}
    if done:
        return ngettext("%(n)s påminnelse skickades.", "%(n)s påminnelser skickades.", n) % {"n": n}
    return ngettext("%(n)s påminnelse skickas nu.", "%(n)s påminnelser skickas nu.", n) % {"n": n}


@access.rss_required
@require_http_methods(["GET", "POST"])
def outreach_preview(request, year, part, kind):
    """Before any bulk send: the text as the first recipient gets it, the list of recipients, and a
    confirmation. Only the ticked recipients get it, and only if they still qualify when it goes out."""
    year = get_object_or_404(ReportingYear, year=year)
    part = _part_or_404(part)
    if kind not in outreach.KINDS or part.template(kind) is None:
        raise Http404
    base_url = request.build_absolute_uri("/")
    back = reverse(part.overview, args=[year.year])
    if request.method == "POST":
        keys = request.POST.getlist("to")
        if keys:
            result = send_batch_task.enqueue(part.key, year.pk, kind, keys, request.user.pk, base_url)
            if result.status == TaskResultStatus.FAILED:
                messages.error(request, _("Utskicket misslyckades. Se e-postloggen under Administration."))
            else:
                done = result.status == TaskResultStatus.SUCCESSFUL
                messages.success(request, _sent_message(kind, result.return_value if done else len(keys), done))
            return redirect(back)
        messages.error(request, _("Välj minst en mottagare."))
    recipients, subject, body = outreach.preview(part, year, kind, base_url)
    sent = outreach.reminders_sent(part, year) if kind == outreach.REMINDER else {}
    template = mailing.get_template(part.template(kind))
    return render(request, "gnv_portal/outreach_preview.html", {
        "year": year, "part": part, "kind": kind, "kind_label": outreach.KINDS[kind], "back": back,
        "subject": subject, "body": body, "template": template,
        "rows": [(r, sent.get(r.email.lower(), (0, None))) for r in recipients],
    })


@access.rss_required
@require_http_methods(["GET", "POST"])
def reminder_schedules(request, year):
    """Scheduled reminders of every part of the year, one form per part."""
    year = get_object_or_404(ReportingYear, year=year)
    now = timezone.now()
    sections = []
    for part in outreach.parts():
        schedule = outreach.schedule_for(year, part)
        posted = request.method == "POST" and request.POST.get("part") == part.key
        form = ReminderScheduleForm(request.POST if posted else None, instance=schedule, prefix=part.key)
        if posted and form.is_valid():
            schedule = form.save(commit=False)
            schedule.updated_by = request.user
            schedule.save()
            outreach.queue_upcoming(schedule, now)
            messages.success(request, _("Schemat för %(part)s är sparat.") % {"part": part.label})
            return redirect(reverse("reminder_schedules", args=[year.year]) + f"#del-{part.key}")
        sections.append({
            "part": part, "form": form, "schedule": schedule,
            "dates": schedule.send_dates() if schedule.pk else [],
            "due_now": len(outreach.due(schedule, part, now)) if schedule.pk else 0,
            "pending": len(part.pending(year)),
            "sends": EmailLog.objects.filter(year=year, part=part.key, template_key=part.reminder_template)
            .select_related("sent_by")[:10],
        })
    return render(request, "gnv_portal/reminder_schedules.html", {
        "year": year, "sections": sections, "today": timezone.localdate(now), "send_at": outreach.SEND_AT,
    })
