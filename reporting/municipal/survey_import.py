"""Import of earlier years' kommunenkät, all or nothing, from

- the portal's own Excel export (exports.excel): the kommunenkät sheet is read back column by
  column through the keys in the sheet "Frågor", the quotes from the sheet "Citat"; only
  municipalities whose status is "Inskickad" are read (others are reported as warnings);
- a long CSV with the columns year,municipality,question_key,answer: one row per answer. A
  multiple-choice answer is one row per chosen option (its key or its text); the "Annat,
  nämligen" text has the question's key followed by ":annat".

A year not yet in the portal is created closed, and its questionnaire from the file: from the
sheet "Frågor", or (CSV) from the keys: the questions of the portal's questionnaire nearest in
time (or the reference kommunenkät in fixtures/) with these keys, and a key none of them has as
a question in "Övriga frågor" whose type follows its answers (ja/nej, numbers or free text).
An open year is refused: its answers are given in the portal. Imported answers are submitted
(they are history). Every bad row is reported and nothing is saved unless all are right;
importing the same file twice changes nothing the second time.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gnv_portal import workflow
from gnv_portal.formatting import parse_decimal
from gnv_portal.models import ReportingYear, ResponseEvent, ResponseStatus
from reporting.models import Answer, Question, Questionnaire, SurveyResponse
from reporting.municipal import exports, questionnaires, quotes
from reporting.municipal.imports import ImportResult, RowError, _year, municipality_finder, read_table
from reporting.municipal.reference_data import KOMMUNENKAT_2024

CSV_COLUMNS = ["year", "municipality", "question_key", "answer"]
OTHER_SUFFIX = ":annat"
OTHER_SECTION = {"key": "ovriga", "title": "Övriga frågor", "description": "", "questions": []}
TYPES = {t.value for t in Question.Type}
WITH_OPTIONS = (Question.Type.MULTIPLE, Question.Type.SINGLE)


@dataclass
class SurveyImportResult(ImportResult):
    quotes: int = 0

    def summary(self):
        return _("%(created)s nya, %(updated)s ändrade, %(unchanged)s oförändrade enkätsvar; %(quotes)s citat.") % {
            "created": self.created, "updated": self.updated, "unchanged": self.unchanged, "quotes": self.quotes}


@dataclass(eq=False)
class YearData:
    """What the file holds for one year: the questionnaire spec (from the file, the template or the portal),
    whether the questionnaire must be created, answers by municipality and the quotes."""

    year: int
    spec: dict
    create: bool
    answers: dict = field(default_factory=dict)  # municipality → {question key: value, key + ":annat": text}
    quotes: list = field(default_factory=list)  # (municipality, question key, order, text)


def import_survey(content, filename, user=None):
    """Validate the whole file, then save all of it or nothing. Returns a SurveyImportResult."""
    result = SurveyImportResult()
    try:
        years = _read_excel(content, result) if filename.lower().endswith(".xlsx") else _read_csv(content,
                                                                                                   filename, result)
    except ValueError as error:
        result.errors.append(RowError(1, "", str(error)))
        return result
    if not result.errors and not any(y.answers for y in years):
        result.errors.append(RowError(2, "", _("Filen innehåller inga inskickade svar att läsa in.")))
    if result.errors:
        return result
    _save(years, result, user)
    return result


# --- The year and its questionnaire --------------------------------------------------------


def _year_data(year, result, row, spec_from_file=None):
    """YearData for `year`, or None (with an error) when the year is open for answers in the portal."""
    existing = ReportingYear.objects.filter(year=year).first()
    if existing is not None and existing.status not in (ReportingYear.Status.CLOSED, ReportingYear.Status.PUBLISHED):
        result.errors.append(RowError(row, "year", _(
            "Rapporteringsåret %(year)s är inte stängt: kommunerna svarar i portalen. Bara tidigare, stängda år "
            "kan importeras.") % {"year": year}))
        return None
    questionnaire = Questionnaire.objects.filter(year=existing).first() if existing else None
    if questionnaire is not None:
        return YearData(year, questionnaires.questionnaire_spec(questionnaire), create=False)
    if spec_from_file is not None:
        return YearData(year, spec_from_file, create=True)
    template = _nearest_questionnaire(year)
    spec = questionnaires.questionnaire_spec(template) if template else KOMMUNENKAT_2024
    # Stored data, so Swedish whatever the language of the page that imports it.
    return YearData(year, {"title": f"Kommunenkät God och nära vård {year}",
                           "introduction": "", "sections": spec["sections"]}, create=True)


def _nearest_questionnaire(year):
    candidates = Questionnaire.objects.select_related("year")
    return min(candidates, key=lambda q: (abs(q.year.year - year), -q.year.year), default=None)


def _questions(spec):
    return {q["key"]: q for s in spec["sections"] for q in s["questions"]}


def _option_key(question, text):
    """The key of the option `text` names (its key or its label, any case), or None."""
    wanted = str(text).strip().casefold()
    for option in question["options"]:
        if wanted in (option["key"].casefold(), option["label"].casefold()):
            return option["key"]
    return None


def _yes_no(text):
    return {"ja": "ja", "yes": "ja", "nej": "nej", "no": "nej"}.get(str(text).strip().lower())


def _number(value):
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value))
    number = parse_decimal(str(value))
    if number is None:
        raise ValueError(_("Talet saknas."))
    return number


# --- Excel: the portal's own export ----------------------------------------------------------


def _sheets(content):
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any unreadable workbook is the same problem to the user
        raise ValueError(_("Excelfilen kunde inte läsas (%(error)s).") % {"error": error}) from None
    return [(sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]) for sheet in book.worksheets]


def _machine_sheet(sheets, fields):
    for title, rows in sheets:
        if rows and [str(v or "") for v in rows[0][:len(fields)]] == fields:
            return title, rows
    return None, []


def _blank(value):
    return value is None or str(value).strip() == ""


def _read_excel(content, result):
    sheets = _sheets(content)
    title, rows = _machine_sheet(sheets, exports.QUESTION_FIELDS)
    if not rows:
        raise ValueError(_("Excelfilen saknar bladet Frågor med frågornas nycklar. Använd portalens export "
                           "(Kommunrapportering → Excel), eller en CSV med kolumnerna %(columns)s.")
                         % {"columns": ",".join(CSV_COLUMNS)})
    spec, year = _spec_from_rows(title, rows, result)
    if result.errors:
        return []
    data = _year_data(year, result, 2, spec_from_file=spec)
    if data is None:
        return []
    _read_survey_sheet(sheets[0], spec, data, result)
    _read_quotes_sheet(sheets, data, result)
    return [data]


def _spec_from_rows(title, rows, result):
    """The questionnaire spec and its year from the sheet "Frågor" (one row per option)."""
    spec, sections, questions, years = {"sections": []}, {}, {}, set()
    for number, values in enumerate(rows[1:], start=2):
        if all(_blank(v) for v in values):
            continue
        row = dict(zip(exports.QUESTION_FIELDS, values + [None] * len(exports.QUESTION_FIELDS), strict=False))
        where = _("bladet %(sheet)s, rad %(row)s") % {"sheet": title, "row": number}
        try:
            years.add(_year(row["year"]))
        except ValueError as error:
            result.errors.append(RowError(number, "year", f"{where}: {error}"))
        if row["type"] not in TYPES or _blank(row["question_key"]) or _blank(row["section_key"]):
            result.errors.append(RowError(number, "type", _("%(where)s: frågan saknar nyckel eller har en okänd typ "
                                                            "(%(type)s).") % {"where": where, "type": row["type"]}))
            continue
        spec.setdefault("title", str(row["questionnaire_title"] or ""))
        if row["section_key"] not in sections:
            sections[row["section_key"]] = {"key": row["section_key"], "title": str(row["section_title"] or ""),
                                            "description": "", "questions": []}
            spec["sections"].append(sections[row["section_key"]])
        question = questions.get(row["question_key"])
        if question is None:
            question = questions[row["question_key"]] = {
                "key": row["question_key"], "type": row["type"], "text": str(row["text"] or ""),
                "short_label": str(row["short_label"] or ""), "required": bool(row["required"]),
                "help_text": str(row["help_text"] or ""), "options": []}
            sections[row["section_key"]]["questions"].append(question)
        if not _blank(row["option_key"]):
            question["options"].append({"key": str(row["option_key"]), "label": str(row["option_label"] or ""),
                                        "is_other": bool(row["is_other"])})
    if len(years) > 1:
        result.errors.append(RowError(2, "year", _("Bladet %(sheet)s har flera år (%(years)s); en fil är ett år.")
                                      % {"sheet": title, "years": ", ".join(map(str, sorted(years)))}))
    if not questions:
        result.errors.append(RowError(2, "", _("Bladet %(sheet)s har inga frågor.") % {"sheet": title}))
    return spec, (years.pop() if len(years) == 1 else None)


def _submitted_labels():
    labels = set()
    for language in ("sv", "en"):
        with translation.override(language):
            labels.add(str(ResponseStatus.SUBMITTED.label))
    return labels


def _read_survey_sheet(sheet, file_spec, data, result):
    title, rows = sheet
    columns = exports.survey_columns(file_spec)
    header = rows[0] if rows else []
    for index, (_header, question, _option, _kind) in enumerate(columns, start=3):
        label = question["short_label"] or question["text"]
        if index >= len(header) or not str(header[index] or "").startswith(label):
            result.errors.append(RowError(1, str(index + 1), _(
                "Kolumn %(column)s i bladet %(sheet)s ska vara frågan ”%(label)s” enligt bladet Frågor; filen är "
                "ändrad efter exporten.") % {"column": index + 1, "sheet": title, "label": label}))
            return
    known = _questions(data.spec)
    find_municipality, submitted = municipality_finder(), _submitted_labels()
    for number, row in enumerate(rows[1:], start=2):
        row = row + [None] * (3 + len(columns) - len(row))
        if all(_blank(v) for v in row):
            continue
        try:
            municipality = find_municipality(row[1] if not _blank(row[1]) else row[0])
        except ValueError as error:
            result.errors.append(RowError(number, "1", str(error)))
            continue
        cells = row[3:3 + len(columns)]
        if str(row[2] or "").strip() not in submitted:
            if any(not _blank(v) for v in cells):
                result.warnings.append(RowError(number, "3", _(
                    "%(m)s har status ”%(status)s” och läses inte in (bara inskickade svar).")
                    % {"m": municipality.name, "status": row[2]}))
            continue
        values = {}
        for (_h, question, option, kind), value, column in zip(columns, cells, range(4, 4 + len(columns)),
                                                               strict=True):
            try:
                _excel_value(known, question, option, kind, value, values)
            except ValueError as error:
                result.errors.append(RowError(number, str(column), str(error)))
        if municipality in data.answers:
            result.errors.append(RowError(number, "1", _("%(m)s finns på två rader.") % {"m": municipality.name}))
        data.answers[municipality] = values


def _excel_value(known, question, option, kind, value, values):
    key = question["key"]
    if key not in known:
        raise ValueError(_("Frågan ”%(key)s” finns inte i årets kommunenkät i portalen.") % {"key": key})
    if kind == "option":
        if _blank(value):
            return
        if str(value).strip() not in ("0", "1"):
            raise ValueError(_("Ett alternativ är 1 (valt) eller 0, inte ”%(value)s”.") % {"value": value})
        chosen = values.setdefault(key, [])
        if str(value).strip() == "1":
            if _option_key(known[key], option["key"]) is None:
                raise ValueError(_("Alternativet ”%(key)s” finns inte i årets kommunenkät i portalen.")
                                 % {"key": option["key"]})
            chosen.append(option["key"])
        return
    if _blank(value):
        return
    if kind == "other":
        values[key + OTHER_SUFFIX] = str(value).strip()
    else:
        values[key] = _typed(known[key], value, allow_new_option=False)


def _typed(question, value, allow_new_option):
    """The value of one answer for a question spec; ValueError (Swedish) when it does not fit."""
    kind = question["type"]
    if kind in WITH_OPTIONS:
        key = _option_key(question, value)
        if key is None and allow_new_option:
            key = slugify(str(value))[:60] or f"alternativ-{len(question['options']) + 1}"
            question["options"].append({"key": key, "label": str(value).strip(), "is_other": False})
        if key is None:
            raise ValueError(_("”%(value)s” är inget alternativ till frågan %(q)s (%(options)s).") % {
                "value": value, "q": question["key"], "options": ", ".join(o["key"] for o in question["options"])})
        return [key] if kind == Question.Type.MULTIPLE else key
    if kind == Question.Type.YES_NO:
        answer = _yes_no(value)
        if answer is None:
            raise ValueError(_("Svaret ska vara ja eller nej, inte ”%(value)s”.") % {"value": value})
        return answer
    if kind == Question.Type.NUMBER:
        return _number(value)
    return str(value).strip()


def _read_quotes_sheet(sheets, data, result):
    title, rows = _machine_sheet(sheets, exports.QUOTE_FIELDS)
    find_municipality = municipality_finder()
    for number, values in enumerate(rows[1:], start=2):
        if all(_blank(v) for v in values):
            continue
        row = dict(zip(exports.QUOTE_FIELDS, values + [None] * len(exports.QUOTE_FIELDS), strict=False))
        try:
            municipality = find_municipality(row["municipality_code"] or row["municipality"])
        except ValueError as error:
            result.errors.append(RowError(number, "municipality", f"{title}: {error}"))
            continue
        answered = data.answers.get(municipality, {}).get(row["question_key"])
        if not isinstance(answered, str) or _blank(row["quote"]):
            result.errors.append(RowError(number, "question_key", _(
                "%(sheet)s: citatet hör inte till ett inskickat fritextsvar från %(m)s på frågan %(key)s.")
                % {"sheet": title, "m": municipality.name, "key": row["question_key"]}))
            continue
        data.quotes.append((municipality, row["question_key"], int(row["order"] or 0), str(row["quote"]).strip()))


# --- CSV: year,municipality,question_key,answer ------------------------------------------------


def _read_csv(content, filename, result):
    rows = read_table(content, filename, CSV_COLUMNS)
    find_municipality = municipality_finder()
    years, seen, unknown = {}, {}, {}
    checked = []
    for number, values in rows:
        try:
            year = _year(values["year"])
        except ValueError as error:
            result.errors.append(RowError(number, "year", str(error)))
            continue
        try:
            municipality = find_municipality(values["municipality"])
        except ValueError as error:
            result.errors.append(RowError(number, "municipality", str(error)))
            continue
        key = str(values["question_key"]).strip()
        try:
            validate_slug(key.removesuffix(OTHER_SUFFIX))
        except ValidationError:
            result.errors.append(RowError(number, "question_key", _(
                "”%(key)s” är ingen frågenyckel: små bokstäver, siffror och bindestreck, t.ex. viktigaste-insatser "
                "(och :annat för texten till ”Annat, nämligen”).") % {"key": key}))
            continue
        if year not in years:
            years[year] = _year_data(year, result, number)
        data = years[year]
        if data is None:
            continue
        checked.append((number, data, municipality, key, values["answer"]))
        base = key.removesuffix(OTHER_SUFFIX)
        if base not in _questions(data.spec):
            if not data.create:
                result.errors.append(RowError(number, "question_key", _(
                    "Frågan ”%(key)s” finns inte i kommunenkäten %(year)s.") % {"key": base, "year": year}))
                checked.pop()
            elif key == base:
                unknown.setdefault(data, {}).setdefault(key, []).append(values["answer"])
    for data, answers in unknown.items():
        _add_unknown_questions(data, answers)
    for data in {d for d in years.values() if d and d.create}:
        _keep_only(data, {key.removesuffix(OTHER_SUFFIX) for _n, d, _m, key, _a in checked if d is data})
    for number, data, municipality, key, answer in checked:
        _csv_value(number, data, municipality, key, answer, seen, result)
    return [d for d in years.values() if d is not None]


def _add_unknown_questions(data, answers):
    """Questions no template has: ja/nej, a number or free text, judged by all their answers."""
    section = next((s for s in data.spec["sections"] if s["key"] == OTHER_SECTION["key"]), None)
    if section is None:
        section = {**OTHER_SECTION, "questions": []}
        data.spec = {**data.spec, "sections": [*data.spec["sections"], section]}
    for key, values in answers.items():
        kind = Question.Type.TEXT
        if all(_yes_no(v) for v in values):
            kind = Question.Type.YES_NO
        elif all(_is_number(v) for v in values):
            kind = Question.Type.NUMBER
        section["questions"].append({"key": key, "type": kind, "text": key, "short_label": key,
                                     "required": False, "help_text": "", "options": []})


def _is_number(value):
    try:
        _number(value)
    except ValueError:
        return False
    return True


def _keep_only(data, keys):
    """A questionnaire created from the keys has the questions the file answers, no others."""
    sections = []
    for section in data.spec["sections"]:
        questions = [{"short_label": "", "required": False, "help_text": "", **q,
                      "options": [{"is_other": False, **o} for o in q.get("options", [])]}
                     for q in section["questions"] if q["key"] in keys]
        if questions:
            sections.append({**section, "questions": questions})
    data.spec = {**data.spec, "sections": sections}


def _csv_value(number, data, municipality, key, answer, seen, result):
    base = key.removesuffix(OTHER_SUFFIX)
    question = _questions(data.spec)[base]
    values = data.answers.setdefault(municipality, {})
    where = (data.year, municipality.pk, key)
    if _blank(answer):
        return
    try:
        if key != base:
            if question["type"] not in WITH_OPTIONS:
                raise ValueError(_("Bara en fråga med alternativ har ”%(key)s:annat”.") % {"key": base})
            values[key] = str(answer).strip()
        elif question["type"] == Question.Type.MULTIPLE:
            values.setdefault(base, []).extend(_typed(question, answer, allow_new_option=data.create))
            return
        else:
            values[base] = _typed(question, answer, allow_new_option=data.create)
    except ValueError as error:
        result.errors.append(RowError(number, "answer", str(error)))
        return
    if where in seen:
        result.errors.append(RowError(number, "question_key", _(
            "%(m)s %(y)s har redan ett svar på %(key)s på rad %(row)s.") % {
            "m": municipality.name, "y": data.year, "key": key, "row": seen[where]}))
    seen.setdefault(where, number)


# --- Saving ----------------------------------------------------------------------------------------


@transaction.atomic
def _save(years, result, user):
    for data in years:
        year, created = ReportingYear.objects.get_or_create(year=data.year,
                                                            defaults={"status": ReportingYear.Status.CLOSED})
        if created:
            result.years_created.append(data.year)
        questionnaire = questionnaires.load_spec(year, data.spec) if data.create else year.questionnaire
        questions = {q.key: q for q in questionnaires.questions_of(questionnaire)}
        for municipality, values in data.answers.items():
            _save_response(questionnaire, questions, municipality, values, result, user)
        for municipality, key, order, text in data.quotes:
            answer = Answer.objects.get(response__questionnaire=questionnaire, response__municipality=municipality,
                                        question=questions[key])
            quotes.set_quote(answer, quoted=True, text=text, user=user, order=order)
            result.quotes += 1


def _save_response(questionnaire, questions, municipality, values, result, user):
    response = questionnaires.response_for(questionnaire, municipality)
    before = questionnaires.snapshot(response) if response else None
    if response is None:
        response = SurveyResponse.objects.create(questionnaire=questionnaire, municipality=municipality,
                                                 updated_by=user)
    # The file is the municipality's whole answer, as a submitted form is: a question it leaves blank is
    # stored blank.
    form_data = {}
    for question in questions.values():
        name = questionnaires.field_name(question)
        form_data[name] = values.get(question.key, [] if question.type == Question.Type.MULTIPLE else None)
        if question.has_options:
            form_data[name + "_annat"] = values.get(question.key + OTHER_SUFFIX, "")
    questionnaires.save_answers(response, list(questions.values()), form_data)
    after = questionnaires.snapshot(response)
    if before == after and response.status == ResponseStatus.SUBMITTED:
        result.unchanged += 1
        return
    if before is None:
        result.created += 1
    else:
        result.updated += 1
    if response.status != ResponseStatus.SUBMITTED:
        response.status = ResponseStatus.SUBMITTED
        response.submitted_by, response.submitted_at = user, timezone.now()
    response.updated_by = user
    response.save()
    workflow.record(response, ResponseEvent.Action.IMPORTED, user, snapshot=after)
