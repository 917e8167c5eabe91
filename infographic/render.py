"""The infographic as a self-contained HTML fragment (cards, SVG arrows, legend and their CSS),
for the annual report's PDF (WeasyPrint) and anywhere else the web page's stylesheet is absent."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe


def stylesheet():
    with open(finders.find("infographic/infographic.css"), encoding="utf-8") as handle:
        return handle.read()


def cards_html(info, *, with_table=False):
    """`info` is a results.Infographic. Returns safe HTML: <style> + the cards (+ the table)."""
    css = stylesheet() + "\n.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;" \
                         "overflow:hidden!important;clip:rect(0,0,0,0)!important;white-space:nowrap!important}"
    html = render_to_string("infographic/_cards.html", {"info": info})
    if with_table:
        html += render_to_string("infographic/_table.html", {"info": info})
    return mark_safe(f"<style>{css}</style>{html}")
