"""reporting.annual_report.report: names of blocks and values, the snapshot, safe Markdown,
which text a year starts from."""

import pytest

from gnv_portal.models import ReportingYear
from reporting.annual_report import report
from reporting.models import ReportText


def _plain(name, data, number):
    return f"<div data-block='{name}' data-number='{number}'></div>"


SNAPSHOT = {"year": 2024, "values": {"svarat": "13 av 13"},
            "blocks": {"figur": {"kind": "chart", "numbered": True}, "tabell": {"kind": "table"}}}


def test_unknown_block_and_value_names_are_reported_with_their_line():
    text = "# 1 Rubrik\n\n[[figur]]\n\n[[finns_inte]]\n\nSvar: {{ saknas }}."
    with pytest.raises(report.ReportTextError) as raised:
        report.render_body(text, SNAPSHOT, _plain)
    assert raised.value.errors == ["Rad 5: okänt block ”finns_inte”.", "Rad 7: okänt värde ”saknas”."]


def test_blocks_and_values_are_expanded_and_figures_numbered_in_order():
    text = "# 1 Resultat\n\nAv systemledningarna har {{ svarat }} svarat.\n\n[[tabell]]\n\n[[figur]]\n\n[[figur]]"
    body, headings = report.render_body(text, SNAPSHOT, _plain)
    assert "Av systemledningarna har 13 av 13 svarat." in body
    assert "data-block='tabell' data-number='None'" in body
    assert body.index("data-number='1'") < body.index("data-number='2'")
    assert headings == [(1, "avsnitt-1", "1 Resultat")]


def test_a_block_is_found_in_text_sent_with_windows_line_endings():
    body, _headings = report.render_body("Text\r\n\r\n[[tabell]]\r\n\r\nMer.", SNAPSHOT, _plain)
    assert "data-block='tabell'" in body and "[[" not in body


def test_html_and_markdown_tricks_in_the_text_come_out_escaped():
    text = ("<script>alert('x')</script>\n\n[länk](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n"
            "![bild](https://example.com/x.png)")
    html = report.markdown_to_html(text)
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html
    assert "<img" not in html and "&lt;img" in html


def test_figure_references_follow_the_figures_order_in_the_text():
    text = "Se {{ figur:figur }}.\n\n[[tabell]]\n\n[[figur]]"
    body, _headings = report.render_body(text, SNAPSHOT, _plain)
    assert "Se Figur 1." in body
    errors = report.check_text("Se {{ figur:tabell2 }}.", SNAPSHOT)
    assert errors == ["Rad 1: ”figur:tabell2” hänvisar till en figur som inte finns i texten."]


def test_a_block_must_stand_on_a_line_of_its_own():
    errors = report.check_text("Text [[figur]] mitt i.", SNAPSHOT)
    assert errors == ["Rad 1: ett block ([[namn]]) ska stå ensamt på en egen rad."]


def test_a_year_starts_from_its_own_text_then_last_years_then_the_default(reference):
    y2023 = ReportingYear.objects.create(year=2023)
    y2024 = ReportingYear.objects.create(year=2024)
    assert report.text_for_year(y2024) == report.default_text()
    ReportText.objects.create(year=y2023, body="# 1 Förra året")
    assert report.text_for_year(y2024) == "# 1 Förra året"
    ReportText.objects.create(year=y2024, body="# 1 I år")
    assert report.text_for_year(y2024) == "# 1 I år"


def test_a_year_without_data_says_so_in_swedish_instead_of_failing(reference):
    year = ReportingYear.objects.create(year=2023)
    snapshot = report.collect(year)
    assert snapshot["blocks"]["bilaga1_ekonomi"] == {"kind": "missing",
                                                     "text": "Uppgifter om ekonomin saknas för 2023."}
    assert snapshot["blocks"]["figur_medelvarden"]["text"] == "Uppgifter om självskattningen saknas för 2023."
    assert report.check_text(report.default_text(), snapshot) == []


def test_the_demo_snapshot_has_the_seeds_figures(demo):
    snapshot = report.collect(demo)
    values = snapshot["values"]
    assert values["sjalvskattning_svarat_av"] == "13 av 13"
    assert values["sjalvskattning_tillampat_ord"] == "Sju"
    assert (values["traffas_2_per_termin"], values["saknar_nyckelaktorer"], values["lokal_plan"]) == ("9", "10", "10")
    assert values["ekonomi_forbrukat_summa"] == "24\u00a0153\u00a0231"
    economy = snapshot["blocks"]["bilaga1_ekonomi"]
    assert economy["foot"][1] == "23\u00a0849\u00a0655"
    avesta = ["Avesta", "1 894 630", "39 273", "1 933 903", "1 894 630"]
    assert [cell.replace("\u00a0", " ") for cell in economy["rows"][0]] == avesta
    summary = snapshot["blocks"]["resultat_i_korthet"]["paragraphs"]
    assert summary[0]["items"][0] == "3 av 20 är fortfarande ”under utveckling” och saknar värde (1.3, 2.2, 5.4)."
    assert report.check_text(report.default_text(), snapshot) == []
