"""Publishing a report version and closing the reporting year: two separate acts.

Closing the year, and publishing while answers are still open, go through a confirmation page
that lists what is not submitted, what is reopened, and the deadline (`confirmation`).
Publishing never reopens or closes anything unless RSS chooses it on that page. A published
year can get a new published version (the old one stays readable, marked replaced), and a
publication can be withdrawn with a reason. Every act is kept in the history
(gnv_portal.workflow.record) of the version and of the year.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gnv_portal import workflow
from gnv_portal.models import LocalLeadership, ReportingYear, ResponseEvent, ResponseStatus
from reporting.models import EconomicReport, Questionnaire, ReportVersion, SurveyResponse
from reporting.municipal import economy
from reporting.municipal.figures import swedish_sort_key
from selfassessment.models import LeadershipMapping, SelfAssessment
from selfassessment.outreach import representatives


@dataclass
class Item:
    text: str
    url: str = ""


@dataclass
class Group:
    """One list on a confirmation page. With `confirm` set, RSS must tick that box (its text) to go on."""

    key: str
    title: str
    items: list = field(default_factory=list)
    confirm: str = ""


# --- What is still open ----------------------------------------------------------------------


def open_answers(year):
    """(not submitted, reopened): an Item per form of `year` that is not in, for RSS to see before
    closing the year or publishing. Reopened answers are listed apart: they were in once."""
    missing, reopened = [], []

    def add(text, status, url):
        (reopened if status == ResponseStatus.REOPENED else missing).append(
            Item(f"{text}: {ResponseStatus(status).label.lower()}", url))

    answered = set()
    for answer in SelfAssessment.objects.filter(year=year).select_related("leadership", "respondent"):
        answered.add((answer.leadership_id, answer.respondent_id))
        if answer.status != ResponseStatus.SUBMITTED:
            add(_("Självskattning, %(lead)s (%(who)s)") % {"lead": answer.leadership,
                                                            "who": answer.respondent or answer.respondent_label},
                answer.status, reverse("selfassessment:assessment_detail", args=[answer.pk]))
    for rep in representatives():
        if (rep.organisation.pk, rep.user.pk) not in answered:
            add(_("Självskattning, %(lead)s (%(who)s)") % {"lead": rep.organisation, "who": rep.user},
                ResponseStatus.NOT_STARTED, reverse("selfassessment:overview", args=[year.year]))
    mappings = {m.leadership_id: m for m in LeadershipMapping.objects.filter(year=year)}
    for leadership in LocalLeadership.objects.order_by("name"):
        mapping = mappings.get(leadership.pk)
        if workflow.status_of(mapping) != ResponseStatus.SUBMITTED:
            url = (reverse("selfassessment:mapping_detail", args=[mapping.pk]) if mapping
                   else reverse("selfassessment:overview", args=[year.year]))
            add(_("Kartläggning, %(lead)s") % {"lead": leadership}, workflow.status_of(mapping), url)
    overview = reverse("reporting:overview", args=[year.year])
    municipalities = sorted(economy.municipalities(), key=lambda m: swedish_sort_key(m.name))
    if Questionnaire.objects.filter(year=year).exists():
        surveys = {r.municipality_id: r for r in SurveyResponse.objects.filter(questionnaire__year=year)}
        for municipality in municipalities:
            status = workflow.status_of(surveys.get(municipality.pk))
            if status != ResponseStatus.SUBMITTED:
                add(_("Kommunenkät, %(m)s") % {"m": municipality}, status, overview)
    reports = {r.municipality_id: r for r in EconomicReport.objects.filter(year=year)}
    for municipality in municipalities:
        status = economy.report_status(reports.get(municipality.pk))
        if status != ResponseStatus.SUBMITTED:
            add(_("Ekonomisk redovisning, %(m)s") % {"m": municipality}, status, overview)
    return missing, reopened


def open_answer_groups(year):
    missing, reopened = open_answers(year)
    return [
        Group("ej-inskickat", _("Inte inskickat (%(n)s)") % {"n": len(missing)}, missing),
        Group("ateroppnat", _("Återöppnat för rättelse (%(n)s)") % {"n": len(reopened)}, reopened),
    ]


def report_checks(version):
    """Warnings about the built report that RSS confirms before publishing it (placeholders left in
    the text, empty quote sections, missing data): Groups with `confirm` set. None yet."""
    return []


def confirmation(year, version=None):
    """The groups of the confirmation page: the year's open answers, and (when publishing) the
    report's warnings."""
    groups = open_answer_groups(year)
    if version is not None:
        groups += report_checks(version)
    return groups


# --- The acts ----------------------------------------------------------------------------------


def current_publication(year):
    return ReportVersion.objects.filter(year=year, published=True, withdrawn_at__isnull=True,
                                        replaced_by__isnull=True).defer("content").first()


def _close(year, user):
    year.status = (ReportingYear.Status.PUBLISHED if current_publication(year) is not None
                   else ReportingYear.Status.CLOSED)
    workflow.bump(year, user)
    year.save()
    workflow.record(year, ResponseEvent.Action.CLOSED, user)


@transaction.atomic
def close_year(year, user, seen):
    """Close `year` for answers, if the confirmation page showed version `seen` of it (the deadline
    and status it listed); workflow.Stale otherwise. Answers stay as they are (reopened ones too)."""
    workflow.hold(year, seen)
    year.refresh_from_db()
    if year.status in (ReportingYear.Status.CLOSED, ReportingYear.Status.PUBLISHED):
        return False
    _close(year, user)
    return True


@transaction.atomic
def publish(version, user, *, year_seen, close=False):
    """Make a ready `version` readable for readers; a version published before for the year is
    marked replaced by it. The year stays as it is (open, with its answers) unless `close`.
    `year_seen`: the version of the year the confirmation page showed (workflow.Stale if older).
    Returns False when the version was already the year's publication."""
    version = ReportVersion.objects.select_for_update().defer("content").get(pk=version.pk)
    year = version.year
    workflow.hold(year, year_seen)
    year.refresh_from_db()
    if version.status != ReportVersion.Status.READY or version.withdrawn_at is not None:
        raise ValueError(_("Bara en färdig version som inte har återkallats kan publiceras."))
    if version.is_current_publication:
        return False
    now = timezone.now()
    ReportVersion.objects.filter(year=year, published=True, withdrawn_at__isnull=True,
                                 replaced_by__isnull=True).exclude(pk=version.pk).update(replaced_by=version)
    version.published, version.published_at, version.published_by = True, now, user
    version.save(update_fields=["published", "published_at", "published_by"])
    workflow.record(version, ResponseEvent.Action.PUBLISHED, user)
    if close and year.status not in (ReportingYear.Status.CLOSED, ReportingYear.Status.PUBLISHED):
        _close(year, user)
    elif year.status == ReportingYear.Status.CLOSED:
        # Already closed: now closed and published. Nothing opens or closes.
        year.status = ReportingYear.Status.PUBLISHED
        workflow.bump(year, user)
        year.save()
    return True


@transaction.atomic
def withdraw(version, user, reason):
    """Withdraw a publication (readers no longer see it); the reason is kept. A closed year
    without a publication left is closed, not published; nothing reopens."""
    if not reason.strip():
        raise ValueError(_("Ange varför publiceringen återkallas."))
    version = ReportVersion.objects.select_for_update().defer("content").get(pk=version.pk)
    if not version.published or version.withdrawn_at is not None:
        return False
    version.withdrawn_at, version.withdrawn_by, version.withdrawn_reason = timezone.now(), user, reason.strip()
    version.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
    workflow.record(version, ResponseEvent.Action.WITHDRAWN, user, reason=reason.strip())
    year = ReportingYear.objects.select_for_update().get(pk=version.year_id)
    if year.status == ReportingYear.Status.PUBLISHED and current_publication(year) is None:
        year.status = ReportingYear.Status.CLOSED
        workflow.bump(year, user)
        year.save()
    return True


def log(year):
    """The year's acts and its versions' publications and withdrawals, latest first."""
    of_year = Q(content_type=ContentType.objects.get_for_model(ReportingYear), object_id=year.pk)
    of_versions = Q(content_type=ContentType.objects.get_for_model(ReportVersion),
                    object_id__in=ReportVersion.objects.filter(year=year).values("pk"))
    return ResponseEvent.objects.filter(of_year | of_versions).select_related("user").order_by("-at", "-pk")
