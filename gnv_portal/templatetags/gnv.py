from django import template

from gnv_portal import formatting, notices

register = template.Library()


@register.filter
def sv_number(value, decimals=0):
    return formatting.sv_number(value, int(decimals))


@register.filter
def sv_percent(value, decimals=1):
    return formatting.sv_percent(value, int(decimals))


@register.filter
def sv_date(value):
    return formatting.sv_date(value)


@register.filter
def sv_datetime(value):
    return formatting.sv_datetime(value)


@register.filter
def iso_date(value):
    return formatting.iso_date(value)


@register.filter
def iso_datetime(value):
    return formatting.iso_datetime(value)


@register.inclusion_tag("gnv_portal/_reopened.html")
def reopened_notice(response):
    """At the top of a reopened form: RSS reopened it, when, and why."""
    return {"event": notices.reopen_event(response)}
