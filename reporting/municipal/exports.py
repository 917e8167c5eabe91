"""Exports of the municipal reporting: Excel for Socialstyrelsen (one sheet per part, one
row per municipality, one column per question; multiple choice one column per option)
and CSV (';' separated, decimal comma). Tables come from plain functions so both
formats, and any later one, show the same thing."""

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from gnv_portal.models import Municipality
from reporting.models import Answer, Question, SurveyResponse
from reporting.municipal import economy, figures
from reporting.municipal.questionnaires import answer_value, questions_of
from reporting.municipal.workflow_status import status_label

# Excel number formats are written in the file's invariant notation; Excel shows them with
# the reader's separators, so a Swedish Excel shows "1 894 630" and "3,5".
WHOLE = "#,##0"
DECIMAL = "#,##0.0#"


def survey_table(year):
    """(headers, rows): one row per municipality; cells are str, int, Decimal or None."""
    questionnaire = getattr(year, "questionnaire", None)
    municipalities = sorted(Municipality.objects.all(), key=lambda m: figures.swedish_sort_key(m.name))
    headers = [_("Kommun"), _("Kommunkod"), _("Status")]
    if questionnaire is None:
        return headers, [[m.name, m.code, status_label(None), ] for m in municipalities]
    questions = questions_of(questionnaire)
    for q in questions:
        if q.type == Question.Type.MULTIPLE:
            headers += [f"{q.label}: {o.label}" for o in q.options.all()]
        else:
            headers.append(q.label)
        if q.has_options and any(o.is_other for o in q.options.all()):
            headers.append(f"{q.label}: {_('annat, nämligen')}")
    responses = {r.municipality_id: r for r in SurveyResponse.objects.filter(questionnaire=questionnaire)}
    answers = {}
    for a in Answer.objects.filter(response__questionnaire=questionnaire).prefetch_related("options"):
        answers[(a.response_id, a.question_id)] = a
    rows = []
    for m in municipalities:
        response = responses.get(m.pk)
        row = [m.name, m.code, status_label(response)]
        for q in questions:
            answer = answers.get((response.pk, q.pk)) if response else None
            value = answer_value(q, answer)
            if q.type == Question.Type.MULTIPLE:
                row += [(1 if o.key in value else 0) if answer else None for o in q.options.all()]
            elif q.type == Question.Type.SINGLE:
                labels = {o.key: o.label for o in q.options.all()}
                row.append(labels.get(value))
            elif q.type == Question.Type.YES_NO:
                row.append({"ja": _("Ja"), "nej": _("Nej")}.get(value))
            else:
                row.append(value if value != "" else None)
            if q.has_options and any(o.is_other for o in q.options.all()):
                row.append((answer.text or None) if answer else None)
        rows.append(row)
    return headers, rows


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
    """[(sheet title, headers, rows)] — one per part."""
    return [
        (_("Kommunenkät"), *survey_table(year)),
        (_("Ekonomisk redovisning"), *economy_table(year)),
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
