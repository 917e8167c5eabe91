"""manage.py build_report: the demo report as PDF and as one self-contained HTML file."""

import re

import pytest
from django.core.management import CommandError, call_command

from gnv_portal.formatting import sv_number
from reporting.models import ReportText
from reporting.municipal import figures
from tests.reporting.annual_report.conftest import pdf_pages


@pytest.fixture
def demo_pdf(demo, tmp_path):
    path = tmp_path / "rapport.pdf"
    call_command("build_report", "2024", "--format", "pdf", "--output", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    return path.read_bytes()


def test_the_pdf_shows_the_computed_numbers(demo, demo_pdf):
    text = "\n".join(pdf_pages(demo_pdf)).replace("\u00a0", " ")
    total = figures.economy_table(demo)["sum"]
    sums = [sv_number(total[k]).replace("\u00a0", " ") for k in ("allocated", "surplus", "available", "consumed")]
    assert demo_pdf.startswith(b"%PDF")
    assert "13 av 13 besvarat självskattningen" in text
    assert "Sju lokala systemledningar svarar" in text
    # Bilaga 1: the sum row of allocated, surplus, available and consumed funds.
    assert sums[0] == "23 849 655" and sums[3] == "24 153 231"
    assert "Summa " + " ".join(sums) in text
    # Figur 2's table: the means per delmål, 2023 and 2024, with one decimal.
    assert re.search(r"1\. Nära för mig\s*3,6\s*3,8", text)
    assert re.search(r"5\. Nära till hälsa\s*2,8\s*3,0", text)
    assert "Figur 2." in text and "Figur 3." in text
    assert "3 av 20 är fortfarande" in text


def test_the_table_of_contents_matches_the_pages_and_the_footer_counts_them(demo_pdf):
    pages = pdf_pages(demo_pdf)
    total = len(pages)
    assert f"3 ({total})" in pages[2]
    toc = pages[1]
    entries = re.findall(r"^(\d(?:\.\d)? [^\n.]+?|Bilaga \d – [^\n.]+?) ?\.{3,} ?(\d+)$", toc, re.M)
    assert len(entries) >= 15
    for heading, page in entries:
        page_text = " ".join(pages[int(page) - 1].split())
        assert " ".join(heading.split()) in page_text, f"{heading} not on page {page}"
        assert f"{page} ({total})" in page_text


def test_html_output_is_one_self_contained_file(demo, tmp_path):
    path = tmp_path / "rapport.html"
    call_command("build_report", "2024", "--format", "html", "--output", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html
    assert "<style>" in html and "data:image/svg+xml;base64," in html
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "<link" not in html and "<script" not in html
    assert "24\u00a0153\u00a0231" in html


def test_script_in_the_report_text_comes_out_as_text_in_the_pdf(demo, tmp_path):
    ReportText.objects.create(year=demo, body="# 1 Bakgrund\n\nHej <script>alert('x')</script> **fet**")
    path = tmp_path / "rapport.pdf"
    call_command("build_report", "2024", "--output", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    text = "\n".join(pdf_pages(path.read_bytes()))
    assert "Hej <script>alert('x')</script> fet" in text


def test_unknown_block_name_stops_the_build_with_the_line(demo, tmp_path):
    ReportText.objects.create(year=demo, body="# 1 Bakgrund\n\n[[figur_finns_inte]]\n")
    with pytest.raises(CommandError, match="Rad 3: okänt block ”figur_finns_inte”"):
        call_command("build_report", "2024", "--output", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_year_is_an_error(db, tmp_path):
    with pytest.raises(CommandError, match="Rapporteringsåret 1999 finns inte"):
        call_command("build_report", "1999", "--output", str(tmp_path / "x.pdf"))


def test_the_pdf_is_tagged_in_swedish_with_a_title_and_alt_text_on_every_figure(demo_pdf):
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(demo_pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "sv" and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == "Regional årsrapport 2024"
    figures_alt = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict):
            if node.get("/S") == "/Figure":
                figures_alt.append(node.get("/Alt"))
            kids = node.get("/K")
            if kids is not None:
                kids = kids.get_object()
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid)

    walk(root["/StructTreeRoot"])
    # Figur 2, Figur 3, five histograms and the infographic's trend arrows.
    assert len(figures_alt) > 7 and all(figures_alt)
    means = "Medelvärden delmål 1–5, 2023 och 2024. 1. Nära för mig, 3,6, 3,8"
    assert any(alt.startswith(means) for alt in figures_alt)
