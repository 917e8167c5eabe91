"""Generated blocks as HTML, from snapshot data (reporting.annual_report.report.collect).

Two presentations of the same data: "document" (the self-contained HTML and the PDF: charts
as SVG images with alt text, drawn by kaleido and cached) and "web" (the portal page:
the interactive plotly chart with its table alternative)."""

import base64
import re

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from reporting.annual_report import svg


def document_renderer(progress=None):
    """render_block for the document; `progress(text)` is told about each chart drawn."""

    def render(name, data, number):
        context = {"name": name, "data": data, "number": number, "mode": "document"}
        if data["kind"] == "chart":
            context["image"] = _image(data)
        elif data["kind"] == "charts":
            context["images"] = [(chart, _image(chart)) for chart in data["charts"]]
        if progress and data["kind"] in ("chart", "charts"):
            progress(name)
        return render_to_string("reporting/report/_block.html", context)

    return render


INLINE_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.S | re.I)


def web_renderer():
    """The portal page's blocks. A page of the portal allows no inline stylesheet (its
    Content-Security-Policy): the infographic's own is linked by the page instead
    (reporting/report/_web_head.html)."""

    def render(name, data, number):
        context = {"name": name, "data": data, "number": number, "mode": "web"}
        if data["kind"] == "html":
            context["data"] = {**data, "html": mark_safe(INLINE_STYLE.sub("", data["html"]))}
        elif data["kind"] == "chart":
            context["chart"] = _web_chart(name, data)
        elif data["kind"] == "charts":
            context["web_charts"] = [_web_chart(f"{name}-{i}", c) for i, c in enumerate(data["charts"], start=1)]
        return render_to_string("reporting/report/_block.html", context)

    return render


def _image(chart):
    encoded = base64.b64encode(svg.svg_for(chart["figure"]).encode("utf-8")).decode("ascii")
    return mark_safe(f"data:image/svg+xml;base64,{encoded}")


def _web_chart(chart_id, data):
    return {"id": f"figur-{chart_id.replace(':', '-').replace('_', '-')}", "data_id": f"figur-{chart_id}-data",
            "title": data["title"], "caption": data["caption"], "figure": data["figure"],
            "columns": data["columns"], "rows": data["rows"]}
