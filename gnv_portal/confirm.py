"""The confirm-and-submit page every answer form shares (self-assessment, kartläggning,
kommunenkät, economy): GET shows the version stored now, POST submits exactly that version,
once. A change made after the page was shown (another tab, another person) stops the submit."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from gnv_portal import workflow
from gnv_portal.models import ResponseStatus

CHANGED_SINCE_REVIEW = _(
    "Svaret har ändrats sedan du granskade det, så det skickades inte in. Granska den version som är sparad nu "
    "och skicka in den om den stämmer.")


def confirm_and_submit(request, response, context, template, back, *, lock_reason, missing, already, done,
                       snapshot=None):
    """`context` renders the summary of `response`; `missing` lists what a submission still needs."""
    context.update({"version": response.version, "missing": missing})
    if request.method != "POST":
        return render(request, template, context)
    if response.status == ResponseStatus.SUBMITTED:
        # A second click or a second tab: the answer is already in; nothing happens twice.
        messages.info(request, already)
        return redirect(back)
    if lock_reason:
        return render(request, template, context, status=403)
    seen = workflow.seen_version(request.POST)
    if missing and seen == response.version:
        return render(request, template, context, status=400)
    try:
        if seen != response.version:
            raise workflow.Stale
        submitted = workflow.submit(response, request.user, seen, snapshot=snapshot)
    except workflow.Stale:
        if response.status == ResponseStatus.SUBMITTED or (
                type(response).objects.filter(pk=response.pk, status=ResponseStatus.SUBMITTED).exists()):
            messages.info(request, already)
            return redirect(back)
        # Nothing is submitted; the page shows the version stored now, to be reviewed again.
        messages.warning(request, CHANGED_SINCE_REVIEW)
        return redirect(request.path)
    messages.success(request, done if submitted else already)
    return redirect(back)
