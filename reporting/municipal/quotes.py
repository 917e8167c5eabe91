"""Quotes from free-text answers for the annual report, and the check for what looks like
personal data (a name, an e-mail address or a phone number) before a quote is accepted."""

import re

from django.db import transaction
from django.utils.translation import gettext as _

from gnv_portal import workflow
from reporting.models import Quote

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?<![\d,])(?:\+46\s?|0)\d{1,3}(?:\s*[-–]?\s*\d{2,4}){2,4}(?!\d)")
# Two capitalised words in a row ("Anna Svensson"), or a title before a capitalised word
# ("enhetschef Karin"). A false alarm costs RSS a glance; a missed name costs more.
NAME = re.compile(r"(?=\b([A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?\s+[A-ZÅÄÖ][a-zåäöé]+)\b)")
TITLE_NAME = re.compile(r"\b(?:enhetschef|chef|sjuksköterska|läkare|kurator|handläggare|samordnare)(?:en|n)?\s+"
                        r"[A-ZÅÄÖ][a-zåäöé]+")
# Places and organisations that look like names but are not people.
NOT_PEOPLE = {"Region", "Dalarna", "Dalarnas", "Socialstyrelsen", "Sverige", "Kommun", "Senior", "Kul", "Cosmic",
              "Link", "Signs", "Of"}


def personal_data_warnings(text):
    """Swedish warnings for what looks like personal data in `text`; [] when nothing was found."""
    warnings = []
    if EMAIL.search(text or ""):
        warnings.append(_("Texten innehåller något som ser ut som en e-postadress."))
    if PHONE.search(text or ""):
        warnings.append(_("Texten innehåller något som ser ut som ett telefonnummer."))
    names = [m.group(1) for m in NAME.finditer(text or "") if not set(m.group(1).split()) & NOT_PEOPLE]
    names += [m.group(0) for m in TITLE_NAME.finditer(text or "") if m.group(0).split()[-1] not in NOT_PEOPLE]
    if names:
        warnings.append(_("Texten innehåller något som ser ut som ett personnamn: %(names)s.")
                        % {"names": ", ".join(sorted(set(names)))})
    return warnings


def set_quote(answer, *, quoted, text, user, seen, order=0):
    """Quote `answer` with `text` (the original answer stays as it is), or stop quoting it, if the
    page was shown from version `seen` of the quote (0: not quoted then). workflow.Stale if the
    quote changed since. Returns the quote, or None when the answer is not quoted."""
    with transaction.atomic():
        current = Quote.objects.filter(answer=answer).first()
        if not quoted:
            if current is not None:
                workflow.hold(current, seen)
                current.delete()
            elif seen != 0:
                raise workflow.Stale  # it was quoted when the page was shown, and someone removed it
            return None
        row = current or Quote(answer=answer, text="", order=order)
        if current is None and seen != 0:
            raise workflow.Stale

        def apply(quote):
            quote.text = (text or answer.text).strip()
            quote.order = order

        workflow.save(row, seen, user, apply)
        return row
