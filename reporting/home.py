"""The reporting app's entries on the start page and in the main menu."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gnv_portal import access
from gnv_portal.models import ReportingYear, Role
from reporting import dashboard_views, economy
from reporting.models import EconomicReport, SurveyResponse
from reporting.workflow_status import status_label


def _current_year():
    return ReportingYear.objects.filter(status=ReportingYear.Status.OPEN).order_by("-year").first()


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
    return _rss_links(user) + _report_links(user) + dashboard_views.nav_links(user)


def _report_links(user):
    """"Årsrapport": RSS goes to the year being worked on, readers to the latest published report."""
    if access.is_rss(user):
        year = _current_year() or ReportingYear.objects.order_by("-year").first()
    elif access.is_reader(user):
        year = ReportingYear.objects.filter(report_versions__published=True).order_by("-year").first()
    else:
        year = None
    return [(_("Årsrapport"), reverse("reporting:report", args=[year.year]))] if year else []


def _rss_links(user):
    if not access.is_rss(user):
        return []
    year = _current_year() or ReportingYear.objects.order_by("-year").first()
    if year is None:
        return [(_("Kommunenkäter"), reverse("reporting:questionnaires"))]
    return [(_("Kommunrapportering"), reverse("reporting:overview", args=[year.year]))]
