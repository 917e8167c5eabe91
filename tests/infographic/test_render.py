"""The infographic as HTML for the PDF report: WeasyPrint draws the cards and their SVG arrows."""

import io

from pypdf import PdfReader
from weasyprint import HTML

from gnv_portal.demo import load_demo_users_and_years
from infographic.demo import load_demo
from infographic.render import cards_html
from infographic.results import build_infographic


def test_the_cards_render_to_pdf_with_values_and_the_credit(db):
    load_demo_users_and_years()
    load_demo()
    info = build_infographic()
    assert 'id="ig-tabell"' in cards_html(info, with_table=True)
    fragment = cards_html(info)
    assert fragment.startswith("<style>") and "<svg" in fragment and "ig-tabell" not in fragment
    pdf = HTML(string=f"<html lang='sv'><body>{fragment}</body></html>").write_pdf()
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert len(reader.pages) <= 3  # four cards a row, not a page per card
    assert "2.1 Tillgänglighet" in text
    assert "Under utveckling, inget värde" in text
    assert "Egen bearbetning av data från Kolada" in text
