"""Import of the economic report from a table (CSV or Excel) with the columns
year, municipality, allocated, surplus, consumed.

All or nothing: every bad row is reported (row number, column, what is wrong) and
nothing is saved; importing the same file twice changes nothing the second time.
A year not yet in the portal is created, closed (it is history).
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gnv_portal import workflow
from gnv_portal.models import Municipality, ReportingYear, ResponseEvent, ResponseStatus
from reporting.models import EconomicReport
from reporting.municipal import economy

COLUMNS = ["year", "municipality", "allocated", "surplus", "consumed"]


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
        where = _("rad %(row)s") % {"row": self.row}
        if self.column:
            where += _(", kolumn %(column)s") % {"column": self.column}
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    years_created: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        return _("%(created)s nya, %(updated)s ändrade, %(unchanged)s oförändrade redovisningar.") % {
            "created": self.created, "updated": self.updated, "unchanged": self.unchanged}


def read_table(content, filename, columns=COLUMNS):
    """[(row number, {column: value})] from CSV (';' or ',' separated, UTF-8) or .xlsx bytes.

    Raises ValueError (Swedish) when the file cannot be read or lacks columns.
    """
    if filename.lower().endswith(".xlsx"):
        import openpyxl

        try:
            sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # noqa: BLE001 - any unreadable workbook is the same problem to the user
            raise ValueError(_("Excelfilen kunde inte läsas (%(error)s).") % {"error": error}) from None
        raw = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError(_("Filen är inte UTF-8-kodad. Spara den som CSV UTF-8.")) from None
        first = text.splitlines()[0] if text.strip() else ""
        delimiter = ";" if first.count(";") > first.count(",") else ","
        raw = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not raw:
        raise ValueError(_("Filen är tom."))
    header = [str(h).strip().lower() for h in raw[0]]
    missing = [c for c in columns if c not in header]
    if missing:
        raise ValueError(_("Kolumner saknas på rad 1: %(columns)s. Rubrikraden ska vara: %(header)s.") % {
            "columns": ", ".join(missing), "header": ",".join(columns)})
    rows = []
    for number, values in enumerate(raw[1:], start=2):
        if all(str(v).strip() == "" for v in values):
            continue
        rows.append((number, {c: values[header.index(c)] if header.index(c) < len(values) else ""
                              for c in columns}))
    return rows


def _year(value):
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not (text.isdigit() and len(text) == 4 and 2000 <= int(text) <= 2100):
        raise ValueError(_("”%(value)s” är inte ett årtal (t.ex. 2024).") % {"value": value})
    return int(text)


def municipality_finder():
    """find(value) → the Municipality named (any case) or coded (e.g. 2080) by value; ValueError (Swedish)."""
    by_name = {m.name.lower(): m for m in Municipality.objects.all()}
    by_code = {m.code: m for m in by_name.values()}

    def find(value):
        text = str(int(value) if isinstance(value, float) and value.is_integer() else value).strip()
        municipality = by_name.get(text.lower()) or by_code.get(text.zfill(4) if text.isdigit() else text)
        if municipality is None:
            raise ValueError(_("Kommunen ”%(value)s” finns inte. Ange namn (t.ex. Falun) eller kod (t.ex. 2080).")
                             % {"value": text})
        return municipality

    return find


def import_economy(content, filename, user=None):
    """Validate every row, then save all of them or nothing. Returns an ImportResult."""
    result = ImportResult()
    try:
        rows = read_table(content, filename)
    except ValueError as error:
        result.errors.append(RowError(1, "", str(error)))
        return result
    if not rows:
        result.errors.append(RowError(2, "", _("Filen innehåller inga rader med uppgifter.")))
        return result
    find_municipality = municipality_finder()
    parsed, seen = [], {}
    for number, values in rows:
        clean, bad = {}, False
        try:
            clean["year"] = _year(values["year"])
        except ValueError as error:
            result.errors.append(RowError(number, "year", str(error)))
            bad = True
        try:
            municipality = find_municipality(values["municipality"])
        except ValueError as error:
            result.errors.append(RowError(number, "municipality", str(error)))
            municipality = None
            bad = True
        clean["municipality"] = municipality
        for column in ("allocated", "surplus", "consumed"):
            try:
                clean[column] = economy.parse_amount(values[column])
            except ValueError as error:
                result.errors.append(RowError(number, column, str(error)))
                bad = True
        for column in ("allocated", "surplus"):
            if not bad and clean[column] is None:
                result.errors.append(RowError(number, column, _("Beloppet saknas.")))
                bad = True
        if bad:
            continue
        key = (clean["year"], municipality.pk)
        if key in seen:
            result.errors.append(RowError(number, "municipality", _(
                "%(m)s %(y)s finns redan på rad %(row)s.") % {"m": municipality.name, "y": clean["year"],
                                                              "row": seen[key]}))
            continue
        seen[key] = number
        if economy.overspent(clean["allocated"], clean["surplus"], clean["consumed"]):
            result.warnings.append(RowError(number, "consumed", _(
                "Förbrukade medel är större än tillgängliga medel.")))
        parsed.append(clean)
    if result.errors:
        return result
    _save(parsed, result, user)
    return result


@transaction.atomic
def _save(parsed, result, user):
    years = {y.year: y for y in ReportingYear.objects.filter(year__in={p["year"] for p in parsed})}
    for value in sorted({p["year"] for p in parsed} - set(years)):
        years[value] = ReportingYear.objects.create(year=value, status=ReportingYear.Status.CLOSED)
        result.years_created.append(value)
    for p in parsed:
        year = years[p["year"]]
        report = EconomicReport.objects.filter(year=year, municipality=p["municipality"]).first()
        amounts = (p["allocated"], p["surplus"], p["consumed"])
        if report is not None and (report.allocated, report.surplus, report.consumed) == amounts:
            result.unchanged += 1
            continue
        if report is None:
            report = EconomicReport(year=year, municipality=p["municipality"])
            result.created += 1
        else:
            result.updated += 1
        report.allocated, report.surplus, report.consumed = amounts
        if report.consumed is not None and report.status != ResponseStatus.SUBMITTED:
            # Imported figures are the municipality's final report (usually history).
            report.status = ResponseStatus.SUBMITTED
            report.submitted_by = user
            report.submitted_at = timezone.now()
        economy.mark_prefilled(report, ("allocated", "surplus"), user)
        workflow.bump(report, user)  # a page open on this report is now outdated
        report.save()
        workflow.record(report, ResponseEvent.Action.IMPORTED, user, snapshot=economy.snapshot(report))
