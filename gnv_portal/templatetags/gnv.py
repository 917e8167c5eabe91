from django import template

from gnv_portal import formatting, notices

register = template.Library()


@register.filter
def sv_number(value, decimals=0):
    return formatting.sv_number(value, int(decimals))


@register.filter
def sv_percent(value, decimals=1):
    return formatting.sv_percent(value, int(decimals))


# Dates: "1 december 2026 kl. 23.46" in text, ISO in tables (gnv_portal.formatting).
for _name in ("sv_date", "sv_datetime", "iso_date", "iso_datetime"):
    register.filter(_name, getattr(formatting, _name))


@register.inclusion_tag("gnv_portal/_reopened.html")
def reopened_notice(response):
    """At the top of a reopened form: RSS reopened it, when, and why."""
    return {"event": notices.reopen_event(response)}
