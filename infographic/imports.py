"""Importing indicator values: from Kolada (live or saved responses) and from CSV; exporting CSV.

Every import is all-or-nothing (one transaction), reports what it did, and importing the
same data twice changes nothing (unchanged values are not touched).
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from gnv_portal import background
from gnv_portal.formatting import parse_decimal
from infographic import kolada
from infographic.models import Indicator, IndicatorValue, KoladaImport, Sex

CSV_COLUMNS = ["indicator", "area", "period", "sex", "value"]
AREA = re.compile(r"^[0-9]{4}$")


class ImportRefused(Exception):
    """The import was refused; `errors` says why, row by row, in Swedish."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    ignored: int = 0
    notes: list = field(default_factory=list)
    stopped: list = field(default_factory=list)  # indicator numbers whose KPI title changed

    def lines(self):
        lines = [f"Nya värden: {self.created}, ändrade: {self.updated}, oförändrade: {self.unchanged}, "
                 f"borttagna: {self.deleted}."]
        if self.ignored:
            lines.append(f"{self.ignored} rader hoppades över (andra nyckeltal eller perioder).")
        return lines + self.notes


STORED_PLACES = Decimal("0.0001")  # IndicatorValue.value has four decimal places


def store(values, *, source, deletions=(), now=None, report=None):
    """Upsert {(indicator_id, area, period, sex): value} and delete the keys in `deletions`."""
    report = report or ImportReport()
    # Compare as stored, so a value with more decimals than the database keeps is not "changed" every time.
    values = {key: None if v is None else v.quantize(STORED_PLACES, rounding=ROUND_HALF_UP)
              for key, v in values.items()}
    now = now or timezone.now()
    indicator_ids = {key[0] for key in values} | {key[0] for key in deletions}
    existing = {
        (v.indicator_id, v.area, v.period, v.sex): v
        for v in IndicatorValue.objects.filter(indicator_id__in=indicator_ids,
                                               period__in={key[2] for key in values} | {k[2] for k in deletions})
    }
    new, changed = [], []
    for key, value in values.items():
        current = existing.get(key)
        if current is None:
            indicator_id, area, period, sex = key
            new.append(IndicatorValue(indicator_id=indicator_id, area=area, period=period, sex=sex, value=value,
                                      source=source, fetched_at=now))
        elif current.value == value:
            report.unchanged += 1
        else:
            current.value, current.source, current.fetched_at = value, source, now
            changed.append(current)
    gone = [existing[key].pk for key in deletions if key in existing and key not in values]
    IndicatorValue.objects.bulk_create(new, batch_size=1000)
    IndicatorValue.objects.bulk_update(changed, ["value", "source", "fetched_at"], batch_size=1000)
    if gone:
        IndicatorValue.objects.filter(pk__in=gone).delete()
    report.created += len(new)
    report.updated += len(changed)
    report.deleted += len(gone)
    return report


# --- Kolada ------------------------------------------------------------------------


def kolada_indicators():
    """Indicators with a Kolada id that are not under development, by KPI id."""
    found = {}
    for indicator in Indicator.objects.exclude(kolada_id="").exclude(status=Indicator.Status.DEVELOPMENT):
        found.setdefault(indicator.kolada_id.strip(), []).append(indicator)
    return found


def check_titles(by_kpi, titles, report):
    """Stop a KPI whose Kolada title changed; remember the title of one never fetched before."""
    stopped = set()
    for kpi, indicators in by_kpi.items():
        title = titles.get(kpi)
        if not title:
            continue
        for indicator in indicators:
            if indicator.kolada_title and indicator.kolada_title != title:
                stopped.add(kpi)
                report.stopped.append(indicator.number)
                report.notes.append(
                    f"Nyckeltal {indicator.number} ({kpi}) importerades inte: titeln i Kolada har ändrats från "
                    f"”{indicator.kolada_title}” till ”{title}”. Kontrollera att måttet är detsamma, ändra "
                    f"titeln i administrationen och importera igen.")
            elif not indicator.kolada_title:
                indicator.kolada_title = title
                indicator.save(update_fields=["kolada_title"])
    return stopped


@transaction.atomic
def import_kolada(payloads, periods, *, titles=None, now=None, source="kolada"):
    """Import Kolada data responses (already fetched or read from files) for the given periods.

    Metadata responses among `payloads` provide the KPI titles. Raises kolada.KoladaError
    when a response is malformed; then nothing is imported.
    """
    report = ImportReport()
    titles = dict(titles or {})
    data = []
    for payload in payloads:
        if kolada.is_metadata(payload):
            titles.update(kolada.parse_metadata(payload))
        else:
            data.append(payload)
    by_kpi = kolada_indicators()
    stopped = check_titles(by_kpi, titles, report)
    periods = {int(p) for p in periods} if periods else None
    values, deletions = {}, set()
    for payload in data:
        for row in kolada.parse_data(payload):
            if row.kpi not in by_kpi or row.kpi in stopped or (periods and row.period not in periods):
                report.ignored += 1
                continue
            for indicator in by_kpi[row.kpi]:
                key = (indicator.pk, row.area, row.period, row.sex)
                if row.deleted:
                    deletions.add(key)
                    values.pop(key, None)
                else:
                    values[key] = row.value
                    deletions.discard(key)
    unmapped = sorted(i.number for i in Indicator.objects.filter(kolada_id="", status=Indicator.Status.ACTIVE))
    if unmapped:
        report.notes.append("Nyckeltal utan Kolada-id (fylls i under Administration → Nyckeltal): "
                            + ", ".join(unmapped) + ".")
    return store(values, source=source, deletions=deletions, now=now, report=report)


def import_upload(raw, filename, periods=None):
    """A file uploaded in the portal: a saved Kolada response (.json) or a CSV file.

    Raises ImportRefused with the reasons; nothing is imported then.
    """
    if filename.lower().endswith(".json"):
        try:
            payload = json.loads(decode(raw))
        except ValueError as error:
            raise ImportRefused([f"Filen är inte giltig JSON: {error}."]) from None
        try:
            return import_kolada([payload], periods)
        except kolada.KoladaError as error:
            raise ImportRefused([str(error)]) from None
    return import_csv(raw)


def fetch_kolada(periods, client=None):
    """Fetch titles and values of every mapped KPI for all areas; raises kolada.KoladaError."""
    client = client or kolada.Client()
    kpis = sorted(kolada_indicators())
    if not kpis:
        raise kolada.KoladaError("Inget nyckeltal har något Kolada-id. Fyll i dem under Administration → Nyckeltal.")
    titles = client.titles(kpis)
    return list(client.data_pages(kpis, periods)), titles


def expire_stale_fetches():
    """Fetches whose worker was stopped are marked failed after the timeout."""
    return background.expire(
        KoladaImport.objects.filter(status__in=[KoladaImport.Status.QUEUED, KoladaImport.Status.RUNNING]),
        status=KoladaImport.Status.FAILED, finished_at=timezone.now(),
        report=background.timeout_message("Ingenting importerades. Starta en ny hämtning."))


def run_kolada_import(run_id, client=None):
    """Carry out a live fetch (started in the portal or by the command) and record how it went.

    Returns (run, report); report is None when nothing could be imported.
    """
    run = KoladaImport.objects.get(pk=run_id)
    if not KoladaImport.objects.filter(pk=run_id, status=KoladaImport.Status.QUEUED).update(
            status=KoladaImport.Status.RUNNING):
        # Taken up only after it was marked failed (the worker was down too long): RSS was told
        # to start a new fetch, so this one does not run.
        return run, None
    run.status = KoladaImport.Status.RUNNING
    report = None
    try:
        payloads, titles = fetch_kolada(run.periods, client)
        report = import_kolada(payloads, run.periods, titles=titles)
    except kolada.KoladaError as error:
        run.status, run.report = KoladaImport.Status.FAILED, f"Ingenting importerades. {error}"
    else:
        run.status, run.report = KoladaImport.Status.DONE, "\n".join(report.lines())
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "report", "finished_at"])
    return run, report


# --- CSV -----------------------------------------------------------------------------


def _reader(text):
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.DictReader(io.StringIO(text), delimiter=delimiter)


def decode(raw):
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(["Filen är inte sparad som UTF-8. Spara den som ”CSV UTF-8” och försök igen."]) from None


def parse_csv(raw):
    """{(indicator_id, area, period, sex): value} from CSV text or bytes; ImportRefused lists every bad row."""
    text = decode(raw).lstrip("\ufeff")
    reader = _reader(text)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if header[:5] != CSV_COLUMNS:
        raise ImportRefused([f"Rad 1: kolumnerna ska vara {','.join(CSV_COLUMNS)} (hittade "
                            f"”{','.join(reader.fieldnames or [])}”)."])
    reader.fieldnames = header
    indicators = {i.number: i for i in Indicator.objects.all()}
    values, seen, errors = {}, {}, []
    for line, row in enumerate(reader, start=2):
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        problems = []
        number = (row["indicator"] or "").strip()
        indicator = indicators.get(number)
        if indicator is None:
            problems.append(f"kolumn indicator: ”{number}” är inget nyckeltal (använd numret, t.ex. 2.1)")
        area = (row["area"] or "").strip()
        if not AREA.match(area):
            problems.append(f"kolumn area: ”{area}” är inte en Kolada-kod med fyra siffror (t.ex. 0020 eller 2080)")
        period_text = (row["period"] or "").strip()
        period = int(period_text) if period_text.isdigit() and 1900 <= int(period_text) <= 2100 else None
        if period is None:
            problems.append(f"kolumn period: ”{period_text}” är inte ett årtal")
        sex = (row["sex"] or "").strip().upper()
        if sex not in Sex.values:
            problems.append(f"kolumn sex: ”{row['sex'] or ''}” ska vara T, K eller M")
        try:
            value = parse_decimal(row["value"] or "")
            if value is not None and (not value.is_finite() or abs(value) >= 10 ** 10):
                raise ValueError(f"”{row['value']}” är inte ett rimligt tal.")
        except ValueError as error:
            problems.append(f"kolumn value: {error}")
            value = None
        if not problems:
            key = (indicator.pk, area, period, sex)
            if key in seen:
                problems.append(f"samma nyckeltal, område, period och kön som rad {seen[key]}")
            seen[key] = line
            values[key] = value
        errors.extend(f"Rad {line}, {problem.rstrip('.')}." for problem in problems)
    if errors:
        raise ImportRefused(errors)
    if not values:
        raise ImportRefused(["Filen innehåller inga värden."])
    return values


@transaction.atomic
def import_csv(raw, *, source="csv", now=None):
    return store(parse_csv(raw), source=source, now=now)


def export_csv(queryset=None):
    """The values as CSV with the import's columns (a `.` decimal point), so it can be read back."""
    queryset = queryset if queryset is not None else IndicatorValue.objects.all()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for number, area, period, sex, value in queryset.order_by(
            "indicator__sort_key", "area", "period", "sex").values_list(
            "indicator__number", "area", "period", "sex", "value"):
        writer.writerow([number, area, period, sex, "" if value is None else format(value.normalize(), "f")])
    return out.getvalue()
