"""The economic report's rules (insatsområde 1, 9292 Primärvården som nav): what is
available and unused, what must be confirmed, and RSS's prefill of allocated amounts."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gnv_portal import editing, workflow
from gnv_portal.access import is_rss
from gnv_portal.formatting import parse_whole_kronor
from gnv_portal.models import Municipality, ResponseEvent, ResponseStatus
from reporting.models import EconomicReport

AMOUNT_FIELDS = ("allocated", "surplus", "consumed")


def available(allocated, surplus):
    """Tillgängliga medel = belopp per kommun + överskjutande medel (None when either is missing)."""
    if allocated is None or surplus is None:
        return None
    return allocated + surplus


def unused(allocated, surplus, consumed):
    """Outnyttjade medel; negative when more was consumed than was available."""
    total = available(allocated, surplus)
    if total is None or consumed is None:
        return None
    return total - consumed


def overspent(allocated, surplus, consumed):
    left = unused(allocated, surplus, consumed)
    return left is not None and left < 0


def parse_amount(text):
    """'1 894 630' (also with no-break spaces) or '1894630' → int; '' → None. ValueError in Swedish."""
    if text is None or str(text).strip() == "":
        return None
    if isinstance(text, int):
        if text < 0:
            raise ValueError(_("Beloppet kan inte vara negativt."))
        return text
    if isinstance(text, float):
        if text < 0:
            raise ValueError(_("Beloppet kan inte vara negativt."))
        if not text.is_integer():
            raise ValueError(_("Ange beloppet i hela kronor med siffror, t.ex. 1 894 630."))
        return int(text)
    return parse_whole_kronor(text)


@dataclass
class Check:
    """What the amounts need before they can be saved: errors per field (Swedish)."""

    errors: dict

    @property
    def ok(self):
        return not self.errors


def check(allocated, surplus, consumed, *, confirmed=False, comment="", submitting=False):
    """The submit-time rules of parsed amounts (a draft needs none of them): all three amounts,
    and consumed above available needs a confirmation and a comment."""
    errors = {}
    if not submitting:
        return Check(errors)
    for name, value in (("allocated", allocated), ("surplus", surplus), ("consumed", consumed)):
        if value is None:
            errors[name] = _("Fyll i beloppet innan du skickar in (0 om inget).")
    if overspent(allocated, surplus, consumed):
        if not confirmed:
            errors["overspend_confirmed"] = _(
                "Förbrukade medel är större än tillgängliga medel (belopp per kommun + överskjutande medel). "
                "Bekräfta att beloppet stämmer."
            )
        if not (comment or "").strip():
            errors["comment"] = _("Förklara i en kommentar varför förbrukningen är större än tillgängliga medel.")
    return Check(errors)


def report_status(report):
    """A prefilled row RSS made (no consumed amount, never saved by the municipality) is not started."""
    if report is None or (report.status == ResponseStatus.DRAFT and report.consumed is None
                          and not report.comment):
        return ResponseStatus.NOT_STARTED
    return workflow.status_of(report)


def snapshot(report):
    return {
        "allocated": report.allocated, "surplus": report.surplus, "consumed": report.consumed,
        "comment": report.comment, "overspend_confirmed": report.overspend_confirmed,
    }


PREFILLED = ("allocated", "surplus")


def mark_prefilled(report, names, user, now=None):
    """RSS entered the amounts `names` (prefill page, import): read-only for the municipality from
    now on, attributed to `user`. An amount RSS empties is the municipality's to fill in again."""
    entered = [n for n in names if getattr(report, n) is not None]
    kept = [n for n in report.prefilled_fields if n not in names]
    report.prefilled_fields = sorted(set(kept) | set(entered))
    if entered:
        report.prefilled_by = user if user is not None and user.is_authenticated else None
        report.prefilled_at = now or timezone.now()


def fixed_fields(report, user):
    """The amounts the municipality may not change in its form: those RSS entered. RSS may
    correct everything."""
    if report is None or is_rss(user):
        return ()
    return tuple(n for n in PREFILLED if n in report.prefilled_fields and getattr(report, n) is not None)


EDITABLE = ("allocated", "surplus", "consumed", "comment", "overspend_confirmed")


def save_report(report, year, municipality, form, user, seen):
    """Save a draft of the economic report: each field that validated in the (bound, validated)
    form, the rest kept as typed; amounts RSS entered stay as they are for the municipality.
    `seen` is the version the page was shown from (workflow.Stale if older). Returns the
    report, or None when there is still none."""
    row = report or EconomicReport(year=year, municipality=municipality)
    values = editing.valid_values(form)

    def apply(stored):
        fixed = fixed_fields(stored, user)
        for name in EDITABLE:
            if name in values and name not in fixed:
                setattr(stored, name, values[name])
        if not overspent(stored.allocated, stored.surplus, stored.consumed):
            stored.overspend_confirmed = False
        stored.pending_input = editing.pending_for(form)

    workflow.save(row, seen, user, apply, snapshot=snapshot)
    return row if row.pk else None


@transaction.atomic
def prefill(year, amounts, user, seen=None):
    """RSS sets allocated and surplus for many municipalities: {municipality: (allocated, surplus)}.

    `seen` is {municipality pk: version} of the rows as the page showed them (None when no page
    was shown, e.g. a command): if a row RSS changes moved on since (the municipality saved, a
    colleague prefilled), nothing is stored and workflow.Stale names those municipalities.
    Consumed amounts and comments are left alone. Returns the number of reports changed.
    """
    changes, stale = [], []
    for municipality, (allocated, surplus) in amounts.items():
        report = EconomicReport.objects.filter(year=year, municipality=municipality).first()
        if report is None:
            if allocated is None and surplus is None:
                continue
            report = EconomicReport(year=year, municipality=municipality)
        elif (report.allocated, report.surplus) == (allocated, surplus):
            continue
        if seen is not None:
            try:
                if report.pk is None:
                    if seen.get(municipality.pk, 0) != 0:
                        raise workflow.Stale
                else:
                    workflow.hold(report, seen.get(municipality.pk, 0))
            except workflow.Stale:
                stale.append(municipality)
        changes.append((report, allocated, surplus))
    if stale:
        raise workflow.Stale(stale)
    for report, allocated, surplus in changes:
        started = report.pk is not None and report_status(report) != ResponseStatus.NOT_STARTED
        report.allocated, report.surplus = allocated, surplus
        mark_prefilled(report, PREFILLED, user)
        workflow.bump(report, user)  # a page open on this report is now outdated
        report.save()
        if started:
            # The municipality has reported: RSS's change belongs in the report's history.
            workflow.record(report, ResponseEvent.Action.CHANGED, user, snapshot=snapshot(report))
    return len(changes)


def reports_by_municipality(year):
    """{municipality pk: EconomicReport} for the year (one query)."""
    return {r.municipality_id: r for r in EconomicReport.objects.filter(year=year).select_related("municipality")}


def municipalities():
    return list(Municipality.objects.order_by("name"))
