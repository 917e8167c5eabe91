"""The annual report: which generated blocks and values exist, the data snapshot they are
rendered from, and the report text (Markdown by RSS) expanded into HTML.

Building a report is two steps, so that a published report can be rebuilt with the same
content later whatever happens to the data:

1. `collect(year)` asks the apps' figure functions (selfassessment.stats/charts,
   infographic.results/summary, reporting.municipal.figures) once and returns a JSON-serialisable
   snapshot: {"year", "values": {name: text}, "blocks": {name: data}}.
2. `render_body(text, snapshot)` expands the text: a line ``[[name]]`` is a block, ``{{ name }}``
   inside a sentence a value. An unknown name is an error (ReportTextError), never an empty spot.

No number from data is typed by hand: each is a value or lives in a block.
"""

import base64
import html
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import markdown
import nh3
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from gnv_portal.formatting import sv_number
from reporting.annual_report import prose
from reporting.models import Question, ReportText
from reporting.municipal import figures

DEFAULT_TEXT = Path(__file__).resolve().parent.parent / "default_report" / "arsrapport.md"
BLOCK_LINE = re.compile(r"^[ \t]*\[\[\s*([^\]\n]*?)\s*\]\][ \t]*$", re.M)
VALUE = re.compile(r"\{\{\s*([^}\n]*?)\s*\}\}")
FIGURE_REF = "figur:"  # {{ figur:figur_medelvarden }} → "Figur 2": figure numbers are not typed either
# Blocks that are numbered figures when they have data.
NUMBERED = {"sjalvskattningsfragor", "figur_medelvarden", "figur_omraden"}
SCALE_LABELS = ["Stämmer inte alls", "Stämmer ganska dåligt", "Stämmer ganska bra", "Stämmer bra",
                "Stämmer mycket bra"]

# name → what it is, for RSS's list of names on the edit page. "citat:<key>" adds one block per
# free-text question of the year's kommunenkät.
BLOCKS = {
    "resultat_i_korthet": _lazy("3.1.1 Resultat i korthet: sammanfattning av infografiken"),
    "sjalvskattningsfragor": _lazy("Figur: självskattningens påståenden och svarsskala"),
    "figur_medelvarden": _lazy("Figur: medelvärden per delmål, i år och förra året (stapeldiagram med tabell)"),
    "utkast_medelvarden": _lazy("Genererat utkast till 3.2.1: vilka delmål som ökat, minskat, högst och lägst"),
    "utkast_spridning": _lazy("Genererat utkast till 3.2.2: var spridningen är störst"),
    "kartlaggning_tabell": _lazy("Tabell: kartläggningens räkningar"),
    "figur_omraden": _lazy("Figur: områden och arbetssätt i relation till antal kommuner"),
    "utvecklingspotential": _lazy("Tabell: områden med utvecklingspotential"),
    "citat": _lazy("Alla utvalda citat, per fråga"),
    "bilaga1_ekonomi": _lazy("Bilaga 1: ekonomisk redovisning med summarad"),
    "infografik": _lazy("Bilaga 2: infografiken"),
    "bilaga3_histogram": _lazy("Bilaga 3: histogram per delmål"),
}

VALUES = {
    "ar": _lazy("rapportåret, t.ex. 2024"),
    "foregaende_ar": _lazy("året före"),
    "utgivningsar": _lazy("året rapporten ges ut (rapportåret + 1)"),
    "systemledningar": _lazy("antal lokala systemledningar"),
    "kommuner": _lazy("antal kommuner"),
    "sjalvskattning_svarat": _lazy("antal systemledningar som besvarat självskattningen"),
    "sjalvskattning_svarat_av": _lazy("t.ex. ”13 av 13”"),
    "sjalvskattning_tillampat": _lazy("antal som tillämpat självskattningstabellen"),
    "sjalvskattning_tillampat_ord": _lazy("samma, i ord med stor bokstav (”Sju”)"),
    "sjalvskattning_maxpoang": _lazy("maxpoäng för hela självskattningen"),
    "delmal_hogst": _lazy("delmålet med högst medelvärde"),
    "delmal_lagst": _lazy("delmålet med lägst medelvärde"),
    "delmal_storst_spridning": _lazy("delmålet med störst spridning"),
    "kartlaggning_svarat": _lazy("antal kartlagda systemledningar"),
    "traffas_2_per_termin": _lazy("antal systemledningar som träffas 2 gånger per termin"),
    "politik_representerad": _lazy("antal med representation från politiken"),
    "saknar_nyckelaktorer": _lazy("antal som saknar viktiga aktörer"),
    "ej_brukarinflytande": _lazy("antal som inte arbetar aktivt med brukarinflytande"),
    "brukarinflytande": _lazy("antal som arbetar aktivt med brukarinflytande"),
    "lokal_plan": _lazy("antal med lokal plan"),
    "kommunikationsplan": _lazy("antal med kommunikationsplan"),
    "kommunikationsplan_ord": _lazy("samma, i ord med stor bokstav"),
    "brukarrepresentant": _lazy("antal med brukarrepresentant"),
    "enkat_svarat": _lazy("antal kommuner som skickat in kommunenkäten"),
    "uppfoljning_ja": _lazy("antal kommuner som gjort övergripande uppföljning"),
    "nyckeltal_totalt": _lazy("antal nyckeltal i infografiken"),
    "ekonomi_tilldelat_summa": _lazy("summa belopp per kommun (kr)"),
    "ekonomi_tillgangligt_summa": _lazy("summa tillgängliga medel (kr)"),
    "ekonomi_forbrukat_summa": _lazy("summa förbrukade medel (kr)"),
}


class ReportTextError(Exception):
    """The report text names blocks or values that do not exist; `errors` are Swedish messages."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


# --- Text -------------------------------------------------------------------------


def default_text():
    return DEFAULT_TEXT.read_text(encoding="utf-8")


def text_for_year(year):
    """The year's own text; else the latest earlier year's; else the portal's default text."""
    # One query: the year's own text is the latest of the texts up to and including the year.
    latest = ReportText.objects.filter(year__year__lte=year.year).order_by("-year__year").values_list(
        "body", flat=True).first()
    return latest if latest is not None else default_text()


# --- Snapshot ---------------------------------------------------------------------


def _missing(text):
    return {"kind": "missing", "text": text}


def _word(count):
    text = prose.word(count)
    return text[:1].upper() + text[1:]


def _chart(chart, *, numbered, alt=None):
    """A selfassessment.charts.Chart-like object or chart dict as snapshot data."""
    return {
        "kind": "chart", "numbered": numbered, "title": str(chart.title), "caption": str(chart.caption),
        "figure": json.loads(chart.figure.to_json()), "columns": [str(c) for c in chart.columns],
        "rows": [[str(c) for c in row] for row in chart.rows],
        "alt": alt or f"{chart.title}. " + "; ".join(", ".join(str(c) for c in row) for row in chart.rows),
    }


@dataclass
class _Chart:
    figure: object
    title: str
    caption: str
    columns: list
    rows: list


def _half_width(chart):
    """A histogram drawn for half the A4 column (two side by side, as in the seed's Bilaga 3):
    narrower canvas so the text keeps its size, scale labels on two lines instead of slanted."""
    for trace in chart.figure.data:
        trace.x = ["<br>".join(textwrap.wrap(str(label), 12)) for label in trace.x]
    chart.figure.update_layout(width=440, height=300, margin={"l": 50, "r": 10, "t": 20, "b": 70})
    chart.figure.update_xaxes(tickangle=0, tickfont={"size": 10})
    return chart


def _selfassessment(year, values, blocks):
    """Every self-assessment figure from one year_summary(): the charts reuse its subgoal stats."""
    from selfassessment import charts as sa_charts
    from selfassessment import stats

    summary = stats.year_summary(year)
    values.update({
        "sjalvskattning_svarat": sv_number(summary.answered),
        "sjalvskattning_svarat_av": _("%(n)s av %(total)s") % {"n": summary.answered, "total": summary.leaderships},
        "sjalvskattning_tillampat": sv_number(summary.applied),
        "sjalvskattning_tillampat_ord": _word(summary.applied),
        "sjalvskattning_maxpoang": sv_number(summary.max_score),
        "systemledningar": sv_number(summary.leaderships),
    })
    by_number = {s.number: s for s in summary.subgoals}
    for key, numbers in [("delmal_hogst", summary.highest), ("delmal_lagst", summary.lowest),
                         ("delmal_storst_spridning", summary.largest_spread)]:
        values[key] = " och ".join(f"{n}, ”{by_number[n].name}”" for n in numbers) or "–"
    # summary.subgoals are the delmål in number order with their names and statements: no query again.
    goals = summary.subgoals
    blocks["sjalvskattningsfragor"] = {
        "kind": "table", "numbered": True, "title": _("Självskattningens påståenden och svarsskala"),
        "caption": _("Självskattningsfrågor och svarsskala hämtade från självskattningsverktyget. Maxpoängen för "
                     "hela självskattningen är %(max)s poäng (%(n)s delmål × 5).")
        % {"max": summary.max_score, "n": len(goals)},
        "columns": [_("Delmål"), _("Påstående")],
        "rows": [[f"{g.number}. {g.name}", g.statement] for g in goals],
        "notes": [f"{i} = {label}" for i, label in enumerate(SCALE_LABELS, start=1)],
    }
    if not summary.answered:
        none = _missing(_("Uppgifter om självskattningen saknas för %(year)s.") % {"year": year.year})
        for name in ("figur_medelvarden", "utkast_medelvarden", "utkast_spridning", "bilaga3_histogram"):
            blocks[name] = none
        return
    blocks["figur_medelvarden"] = _chart(sa_charts.means_chart_of(summary.subgoals, summary.year), numbered=True)
    blocks["utkast_medelvarden"] = {"kind": "paragraphs",
                                    "paragraphs": [{"text": t, "items": []} for t in prose.means_draft(summary)]}
    blocks["utkast_spridning"] = {"kind": "paragraphs",
                                  "paragraphs": [{"text": t, "items": []} for t in prose.spread_draft(summary)]}
    blocks["bilaga3_histogram"] = {"kind": "charts", "charts": [
        _chart(_half_width(sa_charts.histogram(s)), numbered=False) for s in summary.subgoals]}


def _mapping(year, values, blocks):
    from selfassessment import stats

    counts = stats.mapping_counts(year)
    values.update({
        "kartlaggning_svarat": sv_number(counts.answered),
        "traffas_2_per_termin": sv_number(counts.twice_per_term),
        "politik_representerad": sv_number(counts.politics_represented),
        "saknar_nyckelaktorer": sv_number(counts.missing_key_actors),
        "ej_brukarinflytande": sv_number(counts.no_user_influence),
        "brukarinflytande": sv_number(counts.user_influence),
        "lokal_plan": sv_number(counts.local_plan),
        "kommunikationsplan": sv_number(counts.communication_plan),
        "kommunikationsplan_ord": _word(counts.communication_plan),
        "brukarrepresentant": sv_number(counts.user_representative),
    })
    if not counts.answered:
        blocks["kartlaggning_tabell"] = _missing(
            _("Uppgifter från kartläggningen saknas för %(year)s.") % {"year": year.year})
        return
    of = f" av {counts.leaderships}"
    rows = [
        [_("Har en struktur för sammankallande"), f"{counts.convening_structure}{of}"],
        [_("Har en utsedd ordförande"), f"{counts.chair}{of}"],
        [_("Träffas 2 gånger per termin"), f"{counts.twice_per_term}{of}"],
        [_("Representation från politiken"), f"{counts.politics_represented}{of}"],
        [_("Saknar viktiga aktörer (politik, vuxenpsykiatri, BUP, specialistvård, ambulans, akutmottagning)"),
         f"{counts.missing_key_actors}{of}"],
        [_("Arbetar aktivt med brukarinflytande"), f"{counts.user_influence}{of}"],
        [_("Har en lokal plan"), f"{counts.local_plan}{of}"],
        [_("Har en kommunikationsplan"), f"{counts.communication_plan}{of}"],
    ]
    blocks["kartlaggning_tabell"] = {
        "kind": "table", "numbered": False, "title": _("Kartläggningen i siffror"), "caption": "",
        "columns": [_("Systemledningar som …"), _("Antal")], "rows": rows, "notes": [],
    }


def _survey(year, values, blocks):
    answered, followed_up, _answering = figures.submitted_and_yes_count(year, "overgripande-uppfoljning")
    counts = figures.option_counts_of(year, [figures.AREAS_KEY, figures.POTENTIAL_KEY])
    areas = counts[figures.AREAS_KEY]
    values["enkat_svarat"] = sv_number(answered)
    values["uppfoljning_ja"] = sv_number(followed_up)
    missing = _missing(_("Uppgifter från kommunenkäten saknas för %(year)s.") % {"year": year.year})
    if not answered or not areas:
        blocks["figur_omraden"] = missing
        blocks["utvecklingspotential"] = missing
    else:
        chart = figures.area_table(year, areas)
        # Long area names wrapped, so the bars keep their room in the narrower A4 column.
        wrapped = [{**r, "label": "<br>".join(textwrap.wrap(r["label"], 42))} for r in areas]
        fig = figures.counts_figure(wrapped)
        fig.update_xaxes(range=[0, max(r["count"] for r in areas) * 1.12])
        fig.update_yaxes(tickfont={"size": 11})
        blocks["figur_omraden"] = _chart(_Chart(fig, chart["title"], chart["caption"], chart["columns"],
                                                chart["rows"]), numbered=True)
        potential = [r for r in counts[figures.POTENTIAL_KEY] if r["count"]]
        blocks["utvecklingspotential"] = {
            "kind": "table", "numbered": False, "title": _("Områden med utvecklingspotential"), "caption": "",
            "columns": [_("Område"), _("Antal kommuner")],
            "rows": [[r["label"], sv_number(r["count"])] for r in potential], "notes": [],
        }
    picked_groups = figures.quotes(year)
    groups = [{"question": g["question"].text, "quotes": g["quotes"]} for g in picked_groups]
    blocks["citat"] = {"kind": "quotes", "groups": groups} if groups else _missing(
        _("Inga citat är utvalda för %(year)s.") % {"year": year.year})
    picked = {g["question"].key: g["quotes"] for g in picked_groups}
    # Keys of any year (and of the reference kommunenkät) are known names, so last year's text still
    # builds for a year whose kommunenkät lacks a question: that block then says there are no quotes.
    from reporting.municipal.reference_data import KOMMUNENKAT_2024

    reference_keys = {q["key"] for section in KOMMUNENKAT_2024["sections"] for q in section["questions"]
                      if q["type"] == Question.Type.TEXT}
    for key in reference_keys | set(Question.objects.filter(type=Question.Type.TEXT).values_list("key", flat=True)):
        quotes = picked.get(key)
        blocks[f"citat:{key}"] = {"kind": "quotes", "groups": [{"question": "", "quotes": quotes}]} if quotes \
            else _missing(_("Inga citat är utvalda för denna fråga."))


def _economy(year, values, blocks):
    table = figures.economy_table(year)
    total = table["sum"]
    values.update({
        # economy_table has one row per municipality, so it counts them without a query of its own.
        "kommuner": sv_number(len(table["rows"])),
        "ekonomi_tilldelat_summa": sv_number(total["allocated"]),
        "ekonomi_tillgangligt_summa": sv_number(total["available"]),
        "ekonomi_forbrukat_summa": sv_number(total["consumed"]),
    })
    if not any(r["allocated"] is not None or r["consumed"] is not None for r in table["rows"]):
        blocks["bilaga1_ekonomi"] = _missing(_("Uppgifter om ekonomin saknas för %(year)s.") % {"year": year.year})
        return

    def amount(value):
        return "–" if value is None else sv_number(value)

    blocks["bilaga1_ekonomi"] = {
        "kind": "table", "numbered": False, "numeric_from": 1,
        "title": _("Ekonomisk redovisning %(year)s, kronor") % {"year": year.year},
        "caption": _("Kommunernas redovisning för %(year)s, förbrukade medel fördelat utifrån insatsområde 1, "
                     "9292 Primärvården som nav (kronor).") % {"year": year.year},
        "columns": [_("Kommun"), _("Belopp per kommun"),
                    _("Överskjutande medel slutet av år %(year)s, återbetalat från RSS Dalarna") % {"year": year.year},
                    _("Tillgängliga medel"), _("Förbrukade medel")],
        "rows": [[r["municipality"], amount(r["allocated"]), amount(r["surplus"]), amount(r["available"]),
                  amount(r["consumed"])] for r in table["rows"]],
        "foot": [str(total["municipality"]), amount(total["allocated"]), amount(total["surplus"]),
                 amount(total["available"]), amount(total["consumed"])],
        "notes": [],
    }


def _infographic(year, values, blocks):
    from infographic import render
    from infographic.results import build_infographic

    info = build_infographic(year)
    values["nyckeltal_totalt"] = sv_number(len(info.results))
    if not info.results or not any(r for r in info.results if not r.in_development and r.sexes):
        none = _missing(_("Uppgifter om nyckeltalen saknas för %(year)s.") % {"year": year.year})
        blocks["resultat_i_korthet"] = none
        blocks["infografik"] = none
        return
    blocks["resultat_i_korthet"] = {"kind": "paragraphs", "paragraphs": [
        {"text": str(b["text"]), "items": [str(i) for i in b["items"]]} for b in info.summary.blocks()]}
    blocks["infografik"] = {"kind": "html", "title": str(info.title), "html": _tagged_arrows(render.cards_html(info)),
                            "alt": _("%(title)s: de %(n)s nyckeltalen med värde, trend och jämförelse. ")
                            % {"title": info.title, "n": len(info.results)} + info.summary.text()}


ARROW = re.compile(r'<svg class="ig-arrow"[^>]*>.*?fill="(#[0-9a-f]{6})".*?</svg>'
                   r'(?:<span class="visually-hidden">[^<]*</span>)?', re.S)


def _tagged_arrows(cards):
    """The infographic's trend arrows as images with alt text instead of hidden inline SVG plus a hidden
    label: a tagged PDF (PDF/UA) needs alt text on every figure, and WeasyPrint tags each SVG as one."""
    from infographic.rules import BETTER, SAME, TREND_LABELS, WORSE

    labels = {"#146c43": TREND_LABELS[BETTER], "#b02a37": TREND_LABELS[WORSE], "#495057": TREND_LABELS[SAME]}

    def image(match):
        svg = re.sub(r'\s(class|aria-hidden|focusable)="[^"]*"', "", match.group(0).split("</svg>")[0]) + "</svg>"
        svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"', 1)
        encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        alt = html.escape(str(labels.get(match.group(1), "")))
        return f'<img class="ig-arrow" alt="{alt}" src="data:image/svg+xml;base64,{encoded}">'

    return ARROW.sub(image, str(cards))


def collect(year):
    """The snapshot of everything the report shows for `year` (a ReportingYear)."""
    # "systemledningar" and "kommuner" are filled in by the sections that already count them.
    values = {"ar": str(year.year), "foregaende_ar": str(year.year - 1), "utgivningsar": str(year.year + 1)}
    blocks = {}
    _selfassessment(year, values, blocks)
    _mapping(year, values, blocks)
    _survey(year, values, blocks)
    _economy(year, values, blocks)
    _infographic(year, values, blocks)
    first = ("ar", "foregaende_ar", "utgivningsar", "systemledningar", "kommuner")
    values = {**{name: values[name] for name in first}, **values}  # the snapshot's order as before
    return {"year": year.year, "collected_at": timezone.localtime().strftime("%Y-%m-%d"),
            "values": values, "blocks": blocks}


# --- Rendering ----------------------------------------------------------------------

ALLOWED_TAGS = {"p", "br", "h1", "h2", "h3", "h4", "ul", "ol", "li", "em", "strong", "a", "blockquote", "code",
                "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub"}


def normalise(text):
    """Line endings as \n: a browser's textarea sends \r\n, and a block must be found on its line."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text, snapshot):
    """Swedish error messages for every unknown block or value name, with its line number."""
    errors = []
    blocks, values = snapshot["blocks"], snapshot["values"]
    placed = {m.group(1) for m in BLOCK_LINE.finditer(normalise(text))}
    for number, line in enumerate(normalise(text).split("\n"), start=1):
        block = BLOCK_LINE.match(line)
        if block and block.group(1) not in blocks:
            errors.append(_("Rad %(line)s: okänt block ”%(name)s”.") % {"line": number, "name": block.group(1)})
        elif "[[" in line and not block:
            errors.append(_("Rad %(line)s: ett block ([[namn]]) ska stå ensamt på en egen rad.") % {"line": number})
        for value in VALUE.finditer(line):
            name = value.group(1)
            if name.startswith(FIGURE_REF):
                if name.removeprefix(FIGURE_REF) not in placed:
                    errors.append(_("Rad %(line)s: ”%(name)s” hänvisar till en figur som inte finns i texten.")
                                  % {"line": number, "name": name})
            elif name not in values:
                errors.append(_("Rad %(line)s: okänt värde ”%(name)s”.") % {"line": number, "name": name})
    return errors


def figure_numbers(text, snapshot):
    """{block name: "Figur N"} for the numbered blocks in the order they stand in the text
    (the first place when a block stands twice); a block without data is no figure: "–"."""
    numbers, count = {}, 0
    for match in BLOCK_LINE.finditer(normalise(text)):
        data = snapshot["blocks"].get(match.group(1), {})
        if data.get("numbered"):
            count += 1
            numbers.setdefault(match.group(1), _("Figur %(n)s") % {"n": count})
        elif match.group(1) in NUMBERED:
            numbers.setdefault(match.group(1), "–")
    return numbers


def markdown_to_html(text):
    """RSS's Markdown as safe HTML: raw HTML in the text is shown as text, never run; links only
    http(s) and mailto; no images (nothing is fetched from elsewhere)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    rendered = markdown.markdown(escaped, extensions=["tables", "sane_lists"], output_format="html")
    return nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}},
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")


HEADING = re.compile(r"<h([1-3])>(.*?)</h\1>", re.S)


def render_body(text, snapshot, render_block):
    """(html, headings) of the report text. `render_block(name, data, figure_number)` gives a block's
    safe HTML; figures numbered in order of appearance. headings: [(level, id, text)].
    Raises ReportTextError for unknown names."""
    text = normalise(text)
    errors = check_text(text, snapshot)
    if errors:
        raise ReportTextError(errors)
    tokens = {}
    references = figure_numbers(text, snapshot)

    def block_token(match):
        token = f"GNVBLOCK{len(tokens):04d}X"
        tokens[token] = ("block", match.group(1))
        return f"\n\n{token}\n\n"

    def value_token(match):
        token = f"GNVVALUE{len(tokens):04d}X"
        tokens[token] = ("value", match.group(1))
        return token

    prepared = VALUE.sub(value_token, BLOCK_LINE.sub(block_token, text))
    body = markdown_to_html(prepared)
    figure_number = 0
    for token, (kind, name) in tokens.items():
        if kind == "value":
            value = references[name.removeprefix(FIGURE_REF)] if name.startswith(FIGURE_REF) \
                else snapshot["values"][name]
            body = body.replace(token, html.escape(value))
            continue
        data = snapshot["blocks"][name]
        number = None
        if data.get("numbered"):
            figure_number += 1
            number = figure_number
        rendered = render_block(name, data, number)
        body = body.replace(f"<p>{token}</p>", rendered).replace(token, rendered)
    headings = []

    def heading_id(match):
        index = len(headings) + 1
        plain = re.sub(r"<[^>]+>", "", match.group(2)).strip()
        headings.append((int(match.group(1)), f"avsnitt-{index}", html.unescape(plain)))
        cls = ' class="appendix"' if match.group(1) == "1" and plain.startswith("Bilaga") else ""
        return f'<h{match.group(1)} id="avsnitt-{index}"{cls}>{match.group(2)}</h{match.group(1)}>'

    body = HEADING.sub(heading_id, body)
    return body, headings

