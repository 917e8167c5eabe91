"""Exports of the municipal reporting: Excel for Socialstyrelsen (one sheet per part, one
row per municipality, one column per question; multiple choice one column per option;
then the questionnaire and the quotes with their keys, so import_survey can read it back)
and CSV (';' separated, decimal comma). Tables come from plain functions so both
formats, and any later one, show the same thing."""

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from gnv_portal.models import Municipality
from reporting.models import Answer, Question, Quote, SurveyResponse
from reporting.municipal import economy, figures
from reporting.municipal.questionnaires import answer_value, questionnaire_spec, questions_of
from reporting.municipal.workflow_status import status_label

# Excel number formats are written in the file's invariant notation; Excel shows them with
# the reader's separators, so a Swedish Excel shows "1 894 630" and "3,5".
WHOLE = "#,##0"
DECIMAL = "#,##0.0#"


def survey_columns(spec):
    """The kommunenkät sheet's question columns in order, from a questionnaire spec
    (questionnaires.questionnaire_spec): [(header, question spec, option spec or None, kind)] with kind
    "value" (the answer), "option" (1/0 for one option of a multiple-choice question) or "other" (the
    "Annat, nämligen" text). The export writes them and import_survey reads them back, by position."""
    columns = []
    for section in spec["sections"]:
        for q in section["questions"]:
            label = q["short_label"] or q["text"]
            if q["type"] == Question.Type.MULTIPLE:
                columns += [(f"{label}: {o['label']}", q, o, "option") for o in q["options"]]
            else:
                columns.append((label, q, None, "value"))
            if q["type"] in (Question.Type.MULTIPLE, Question.Type.SINGLE) and any(
                    o["is_other"] for o in q["options"]):
                columns.append((f"{label}: {_('annat, nämligen')}", q, None, "other"))
    return columns


def survey_table(year):
    """(headers, rows): one row per municipality; cells are str, int, Decimal or None."""
    questionnaire = getattr(year, "questionnaire", None)
    municipalities = sorted(Municipality.objects.all(), key=lambda m: figures.swedish_sort_key(m.name))
    headers = [_("Kommun"), _("Kommunkod"), _("Status")]
    if questionnaire is None:
        return headers, [[m.name, m.code, status_label(None), ] for m in municipalities]
    columns = survey_columns(questionnaire_spec(questionnaire))
    headers += [header for header, *_rest in columns]
    questions = {q.key: q for q in questions_of(questionnaire)}
    responses = {r.municipality_id: r for r in SurveyResponse.objects.filter(questionnaire=questionnaire)}
    answers = {}
    for a in Answer.objects.filter(response__questionnaire=questionnaire).prefetch_related("options"):
        answers[(a.response_id, a.question_id)] = a
    rows = []
    for m in municipalities:
        response = responses.get(m.pk)
        row = [m.name, m.code, status_label(response)]
        for _header, q_spec, option, kind in columns:
            q = questions[q_spec["key"]]
            answer = answers.get((response.pk, q.pk)) if response else None
            value = answer_value(q, answer)
            if kind == "option":
                row.append((1 if option["key"] in value else 0) if answer else None)
            elif kind == "other":
                row.append((answer.text or None) if answer else None)
            elif q.type == Question.Type.SINGLE:
                row.append({o["key"]: o["label"] for o in q_spec["options"]}.get(value))
            elif q.type == Question.Type.YES_NO:
                row.append({"ja": _("Ja"), "nej": _("Nej")}.get(value))
            else:
                row.append(value if value != "" else None)
        rows.append(row)
    return headers, rows


# Field names of the machine-readable sheets (the same as in fixtures/kommunenkat-2024.yaml), so that
# import_survey reads the file back whatever language it was exported in.
QUESTION_FIELDS = ["year", "questionnaire_title", "section_key", "section_title", "question_key", "type", "text",
                   "short_label", "required", "help_text", "option_key", "option_label", "is_other"]
QUOTE_FIELDS = ["question_key", "municipality_code", "municipality", "order", "quote"]


def questions_table(year):
    """(headers, rows): the questionnaire with its keys, one row per option (or per question without options)."""
    questionnaire = getattr(year, "questionnaire", None)
    rows = []
    if questionnaire is not None:
        spec = questionnaire_spec(questionnaire)
        for s in spec["sections"]:
            for q in s["questions"]:
                start = [year.year, spec["title"], s["key"], s["title"], q["key"], q["type"], q["text"],
                         q["short_label"] or None, 1 if q["required"] else 0, q["help_text"] or None]
                for o in q["options"] or [None]:
                    rows.append(start + ([o["key"], o["label"], 1 if o["is_other"] else 0] if o else
                                         [None, None, None]))
    return QUESTION_FIELDS, rows


def quotes_table(year):
    """(headers, rows): the quotes RSS picked for the report, with the question and municipality they quote."""
    picked = (Quote.objects.filter(answer__response__questionnaire__year=year)
              .select_related("answer__question", "answer__response__municipality")
              .order_by("answer__question__section__order", "answer__question__order", "order", "pk"))
    rows = [[q.answer.question.key, q.answer.response.municipality.code, q.answer.response.municipality.name,
             q.order, q.text] for q in picked]
    return QUOTE_FIELDS, rows


def economy_table(year):
    """(headers, rows) of the economic report with the sum row last (Bilaga 1 plus status and comment)."""
    table = figures.economy_table(year)
    reports = {r.municipality.code: r for r in economy.reports_by_municipality(year).values()}
    headers = [_("Kommun"), _("Kommunkod"), _("Belopp per kommun"), _("Överskjutande medel"),
               _("Tillgängliga medel"), _("Förbrukade medel"), _("Outnyttjade medel"), _("Status"), _("Kommentar")]
    rows = []
    for r in table["rows"]:
        report = reports.get(r["code"])
        rows.append([r["municipality"], r["code"], r["allocated"], r["surplus"], r["available"], r["consumed"],
                     r["unused"], status_label(report, economy_report=True), (report.comment or None) if report
                     else None])
    s = table["sum"]
    rows.append([s["municipality"], None, s["allocated"], s["surplus"], s["available"], s["consumed"], s["unused"],
                 None, None])
    return headers, rows


def parts(year):
    """[(sheet title, headers, rows)] — one per part, then the questionnaire and the quotes with their keys
    (what import_survey needs to bring the year back)."""
    return [
        (_("Kommunenkät"), *survey_table(year)),
        (_("Ekonomisk redovisning"), *economy_table(year)),
        (_("Frågor"), *questions_table(year)),
        (_("Citat"), *quotes_table(year)),
    ]


def excel(year):
    """The .xlsx file as bytes; numbers are numeric cells with a display format."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, headers, rows in parts(year):
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows:
            sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
            for cell, value in zip(sheet[sheet.max_row], row, strict=True):
                if isinstance(value, int):
                    cell.number_format = WHOLE
                elif isinstance(value, Decimal):
                    cell.number_format = DECIMAL
        sheet.freeze_panes = "B2"
        sheet.column_dimensions["A"].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
        return text.replace(".", ",")
    return str(value)


def csv_text(headers, rows):
    """';' separated, decimal comma, no thousands separators (so every program reads the numbers)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue()


def survey_csv(year):
    return csv_text(*survey_table(year))


def economy_csv(year):
    return csv_text(*economy_table(year))


def area_counts_csv(year):
    rows = figures.area_counts(year)
    return csv_text([_("Område eller arbetssätt"), _("Antal kommuner")], [[r["label"], r["count"]] for r in rows])
