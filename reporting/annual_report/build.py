"""Building the annual report as one self-contained HTML file or a PDF. The management command,
the background task and the benchmark call `build()`; a published version is rebuilt from the
text and snapshot it keeps (`build(year, fmt, text=version.text, snapshot=version.snapshot)`)."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from reporting.annual_report import blocks, report
from reporting.annual_report.pdf import html_to_pdf

CSS = Path(__file__).resolve().parent.parent / "templates" / "reporting" / "report" / "report.css"


@dataclass
class Built:
    content: bytes
    html: str
    text: str
    snapshot: dict

    @property
    def checksum(self):
        return hashlib.sha256(self.content).hexdigest()


def titles(snapshot):
    return (_("Regional årsrapport %(year)s") % {"year": snapshot["year"]},
            _("God och nära vård i Dalarna"))


def document_html(text, snapshot, progress=None):
    """The whole report as one HTML document: styles and figures inline, fonts from the system."""
    body, headings = report.render_body(text, snapshot, blocks.document_renderer(progress))
    title, subtitle = titles(snapshot)
    return render_to_string("reporting/report/document.html", {
        "title": title, "subtitle": subtitle, "snapshot": snapshot, "body": body, "headings": headings,
        "css": CSS.read_text(encoding="utf-8"),
    })


def build(year, fmt="pdf", *, text=None, snapshot=None, progress=None):
    """Build the report of `year` (a ReportingYear). Raises report.ReportTextError on unknown names."""
    def tell(message):
        if progress:
            progress(message)

    if text is None:
        text = report.text_for_year(year)
    if snapshot is None:
        tell(_("Hämtar underlag"))
        snapshot = report.collect(year)
    report.check_text(text, snapshot) and report.render_body(text, snapshot, lambda *a: "")
    tell(_("Ritar diagram"))
    html = document_html(text, snapshot, progress=lambda name: tell(_("Ritar diagram: %(name)s") % {"name": name}))
    if fmt == "html":
        return Built(content=html.encode("utf-8"), html=html, text=text, snapshot=snapshot)
    tell(_("Skapar PDF"))
    return Built(content=html_to_pdf(html), html=html, text=text, snapshot=snapshot)
