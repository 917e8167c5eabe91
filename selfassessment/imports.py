"""Import of earlier years' self-assessments from CSV (all or nothing).

Columns: year,leadership,respondent,subgoal,rating,comment,applied — UTF-8, comma- or
semicolon-separated. One (year, leadership, respondent) is one representative's
submitted answer. A year not yet in the portal is created as closed. Importing the
same file twice changes nothing.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gnv_portal import workflow
from gnv_portal.models import LocalLeadership, ReportingYear, ResponseEvent, ResponseStatus, SubGoal
from selfassessment.models import Rating, SelfAssessment

COLUMNS = ["year", "leadership", "respondent", "subgoal", "rating", "comment", "applied"]
REQUIRED = ["year", "leadership", "respondent", "subgoal", "rating"]


@dataclass
class RowError:
    row: int  # line number in the file; the header is row 1
    column: str
    message: str

    def __str__(self):
        return _("Rad %(row)s, kolumn %(column)s: %(message)s") % {
            "row": self.row, "column": self.column, "message": self.message}


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0  # answers created
    updated: int = 0  # answers whose content changed
    unchanged: int = 0
    years_created: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        text = _("%(rows)s rader: %(created)s svar nya, %(updated)s ändrade, %(unchanged)s oförändrade.") % {
            "rows": self.rows, "created": self.created, "updated": self.updated, "unchanged": self.unchanged}
        if self.years_created:
            text += " " + _("Nya (stängda) rapporteringsår: %(years)s.") % {
                "years": ", ".join(str(y) for y in self.years_created)}
        return text


class ImportFailed(Exception):
    def __init__(self, report):
        super().__init__("\n".join(str(e) for e in report.errors))
        self.report = report


def _decode(data):
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _rows(text):
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.DictReader(io.StringIO(text), delimiter=delimiter)


def parse(data):
    """Check every row. Returns (answers, report): answers keyed by (year, leadership, respondent)."""
    report = ImportReport()
    text = _decode(data)
    if text is None:
        report.errors.append(RowError(1, "-", _("Filen är inte kodad som UTF-8.")))
        return {}, report
    reader = _rows(text)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        report.errors.append(RowError(1, ", ".join(missing), _("Kolumnen saknas i rubrikraden.")))
        return {}, report
    reader.fieldnames = header
    leaderships = {lead.name.casefold(): lead for lead in LocalLeadership.objects.all()}
    subgoals = {goal.number: goal for goal in SubGoal.objects.all()}
    answers = {}
    for line, raw in enumerate(reader, start=2):
        report.rows += 1
        row = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        errors = []

        def error(column, message, line=line, errors=errors):
            errors.append(RowError(line, column, message))

        for column in REQUIRED:
            if not row.get(column):
                error(column, _("Värde saknas."))
        year = leadership = goal = rating = None
        if row.get("year"):
            if row["year"].isdigit() and 2000 <= int(row["year"]) <= 2100:
                year = int(row["year"])
            else:
                error("year", _("”%(value)s” är inte ett årtal.") % {"value": row["year"]})
        if row.get("leadership"):
            leadership = leaderships.get(row["leadership"].casefold())
            if leadership is None:
                error("leadership", _("Ingen lokal systemledning heter ”%(value)s”.") % {"value": row["leadership"]})
        if row.get("subgoal"):
            goal = subgoals.get(int(row["subgoal"])) if row["subgoal"].isdigit() else None
            if goal is None:
                error("subgoal", _("Delmålet ska vara ett nummer från 1 till %(max)s.") % {"max": len(subgoals)})
        if row.get("rating"):
            if row["rating"].isdigit() and 1 <= int(row["rating"]) <= 5:
                rating = int(row["rating"])
            else:
                error("rating", _("Skattningen ska vara ett heltal från 1 till 5, inte ”%(value)s”.")
                      % {"value": row["rating"]})
        applied = {"ja": True, "nej": False, "": None}.get(row.get("applied", "").lower(), "bad")
        if applied == "bad":
            error("applied", _("Ange ja, nej eller lämna tomt, inte ”%(value)s”.") % {"value": row["applied"]})
        if not errors:
            key = (year, leadership.pk, row["respondent"])
            answer = answers.setdefault(key, {"year": year, "leadership": leadership, "respondent": row["respondent"],
                                              "ratings": {}, "applied": None})
            if goal.number in answer["ratings"]:
                error("subgoal", _("Delmål %(n)s finns redan för samma år, systemledning och representant.")
                      % {"n": goal.number})
            else:
                answer["ratings"][goal.number] = (goal, rating, row.get("comment", ""))
            if applied is not None:
                if answer["applied"] is not None and answer["applied"] != applied:
                    error("applied", _("Motsäger ett tidigare svar för samma representant."))
                answer["applied"] = applied
        report.errors.extend(errors)
    if report.rows == 0:
        report.errors.append(RowError(1, "-", _("Filen innehåller inga rader.")))
    return answers, report


def import_selfassessments(data, user=None):
    """Import the CSV `data` (bytes or str). Raises ImportFailed (with every row error) and
    changes nothing when any row is wrong. Returns the ImportReport."""
    answers, report = parse(data)
    if not report.ok:
        raise ImportFailed(report)
    with transaction.atomic():
        years = {}
        for number in sorted({key[0] for key in answers}):
            years[number], created = ReportingYear.objects.get_or_create(
                year=number, defaults={"status": ReportingYear.Status.CLOSED})
            if created:
                report.years_created.append(number)
        for answer in answers.values():
            _store(answer, years[answer["year"]], user, report)
    return report


def _store(answer, year, user, report):
    assessment, created = SelfAssessment.objects.get_or_create(
        year=year, leadership=answer["leadership"], respondent_label=answer["respondent"],
        defaults={"status": ResponseStatus.SUBMITTED, "submitted_at": timezone.now(), "submitted_by": user,
                  "updated_by": user},
    )
    before = assessment.snapshot()
    for goal, rating, comment in answer["ratings"].values():
        Rating.objects.update_or_create(assessment=assessment, subgoal=goal,
                                        defaults={"rating": rating, "comment": comment})
    if answer["applied"] is not None:
        assessment.applied = answer["applied"]
    status_changed = assessment.status != ResponseStatus.SUBMITTED
    if status_changed:
        assessment.status = ResponseStatus.SUBMITTED
        assessment.submitted_at = timezone.now()
        assessment.submitted_by = user
    after = assessment.snapshot() | {"applied": assessment.applied}
    if created:
        report.created += 1
    elif after != before or status_changed:
        report.updated += 1
    else:
        report.unchanged += 1
        return
    workflow.bump(assessment, user)  # a page open on this answer is now outdated
    assessment.save()
    workflow.record(assessment, ResponseEvent.Action.IMPORTED, user, snapshot=assessment.snapshot())
