"""RSS's text of the annual report, saved with the version the editor was shown from, so a
second tab or a colleague's older page never overwrites a newer text."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gnv_portal import workflow
from reporting.models import ReportText


class ReportTextForm(forms.Form):
    """The text as posted; its field gives the comparison after a refused save its label."""

    body = forms.CharField(label=_("Rapporttext (Markdown)"), required=False, strip=False, widget=forms.Textarea)


def stored_text(year):
    """The year's own saved text, or None while the editor starts from last year's or the default."""
    return ReportText.objects.filter(year=year).first()


def save_text(year, body, user, seen):
    """Store `body` as the year's text if the editor showed version `seen` (workflow.Stale if older).
    Returns True when the text changed."""
    row = stored_text(year) or ReportText(year=year, body="")

    def apply(text):
        text.body = body

    return workflow.save(row, seen, user, apply, snapshot=lambda text: text.body)
