"""Numbers and dates the Swedish way: "1 894 630", "3,5", "56,2 %", "1 december 2026
kl. 23.46", and parsing numbers back.

One place for the web pages, the PDF, the e-mails and the exports. The thousands separator
is a no-break space so a number never wraps across lines.
"""

import re
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

NBSP = "\u00a0"
MISSING = "–"
_SPACES = re.compile(r"[\s\u00a0\u202f]")


def sv_number(value, decimals=0):
    if value is None or value == "":
        return MISSING
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "−" if number < 0 else ""
    whole, _, frac = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = NBSP.join(groups)
    if decimals > 0:
        text += "," + frac
    return sign + text


def sv_percent(value, decimals=1):
    if value is None or value == "":
        return MISSING
    return f"{sv_number(value, decimals)}{NBSP}%"


def parse_whole_kronor(text):
    """'1 894 630', '1 894 630' (no-break spaces) or '1894630' → 1894630.

    Raises ValueError with a Swedish message for anything else (decimals, letters).
    """
    cleaned = _SPACES.sub("", str(text)).replace("kr", "")
    if cleaned.startswith("-") or cleaned.startswith("−"):
        raise ValueError("Beloppet kan inte vara negativt.")
    if not cleaned.isdigit():
        raise ValueError("Ange beloppet i hela kronor med siffror, t.ex. 1 894 630.")
    return int(cleaned)


def parse_decimal(text):
    """'56,2', '56.2', '1 234,5' → Decimal; '' → None (missing, never 0)."""
    cleaned = _SPACES.sub("", str(text or ""))
    if cleaned == "":
        return None
    cleaned = cleaned.replace("−", "-").replace(",", ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"”{text}” är inte ett tal.") from None


# --- Dates and times -------------------------------------------------------------------
# In running text "1 december 2026 kl. 23.46" (Språkrådet's style); in tables ISO 8601,
# "2026-12-01 23:46", which sorts and scans in columns.


def _local(value):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def sv_date(value):
    """'1 december 2026' (month names in the page's language)."""
    if not value:
        return MISSING
    return formats.date_format(_local(value), "j F Y")


def sv_time(value):
    """'23.46' in Swedish, '23:46' in English."""
    return formats.date_format(_local(value), "H.i" if (get_language() or "sv").startswith("sv") else "H:i")


def sv_datetime(value):
    """'1 december 2026 kl. 23.46'."""
    if not value:
        return MISSING
    return _("%(date)s kl. %(time)s") % {"date": sv_date(value), "time": sv_time(value)}


def iso_date(value):
    if not value:
        return MISSING
    return _local(value).strftime("%Y-%m-%d")


def iso_datetime(value):
    """'2026-12-01 23:46' in Stockholm time, for tables."""
    if not value:
        return MISSING
    return _local(value).strftime("%Y-%m-%d %H:%M")
