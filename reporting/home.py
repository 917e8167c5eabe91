"""The reporting app's entries on the start page and in the main menu."""

from django.db.models import Case, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _

from gnv_portal import access
from gnv_portal.models import ReportingYear, Role
from reporting.dashboards import views as dashboard_views
from reporting.models import EconomicReport, SurveyResponse
from reporting.municipal import economy
from reporting.municipal.workflow_status import status_label


def _current_year():
    return ReportingYear.objects.filter(status=ReportingYear.Status.OPEN).order_by("-year").first()


def _working_year():
    """The open year, else the latest year, in one query: the menu shows it on every RSS page."""
    open_first = Case(When(status=ReportingYear.Status.OPEN, then=Value(0)), default=Value(1))
    return ReportingYear.objects.order_by(open_first, "-year").first()


def tasks_for(user):
    """"Kommunenkät 2024 – Avesta" and "Ekonomisk redovisning 2024 – Avesta" with their status."""
    if access.is_rss(user):
        return []
    year = _current_year()
    if year is None:
        return []
    tasks = []
    for municipality in access.municipalities_for(user, Role.SURVEY_RESPONDENT).order_by("name"):
        response = SurveyResponse.objects.filter(questionnaire__year=year, municipality=municipality).first()
        tasks.append({
            "title": _("Kommunenkät %(year)s – %(m)s") % {"year": year.year, "m": municipality.name},
            "url": reverse("reporting:survey", args=[year.year, municipality.pk]),
            "status": status_label(response),
        })
    for municipality in access.municipalities_for(user, Role.ECONOMY_RESPONDENT).order_by("name"):
        report = EconomicReport.objects.filter(year=year, municipality=municipality).first()
        tasks.append({
            "title": _("Ekonomisk redovisning %(year)s – %(m)s") % {"year": year.year, "m": municipality.name},
            "url": reverse("reporting:economy", args=[year.year, municipality.pk]),
            "status": str(economy.report_status(report).label),
        })
    return tasks


def nav_links(user):
    working = _working_year() if access.is_rss(user) else None
    return _rss_links(user, working) + _report_links(user, working) + dashboard_views.nav_links(user)


def _report_links(user, working):
    """"Årsrapport": RSS goes to the year being worked on, readers to the latest published report."""
    if access.is_rss(user):
        year = working
    elif access.is_reader(user):
        year = ReportingYear.objects.filter(report_versions__published=True,
                                           report_versions__withdrawn_at__isnull=True).order_by("-year").first()
    else:
        year = None
    return [(_("Årsrapport"), reverse("reporting:report", args=[year.year]))] if year else []


def _rss_links(user, working):
    if not access.is_rss(user):
        return []
    year = working
    if year is None:
        return [(_("Kommunenkäter"), reverse("reporting:questionnaires"))]
    return [(_("Kommunrapportering"), reverse("reporting:overview", args=[year.year]))]
