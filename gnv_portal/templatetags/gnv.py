from django import template

from gnv_portal import formatting

register = template.Library()


@register.filter
def sv_number(value, decimals=0):
    return formatting.sv_number(value, int(decimals))


@register.filter
def sv_percent(value, decimals=1):
    return formatting.sv_percent(value, int(decimals))
