"""The report's HTML as an accessible PDF with WeasyPrint: A4, tagged (PDF/UA-1), fonts from
Debian's packages embedded. Nothing is fetched from the network: the HTML is self-contained,
and only data: URLs (the SVG figures) are allowed."""

import logging

# WeasyPrint reports every layout step at INFO, already while its import parses its own stylesheets.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import HTML  # noqa: E402
from weasyprint.urls import URLFetcher  # noqa: E402


def html_to_pdf(html):
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")
