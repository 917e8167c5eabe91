"""What the receipt and reopen e-mails say about a kommunenkät or an economic report (see
gnv_portal.notices): they go to the municipality's respondents of that form."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gnv_portal.models import Membership, Role
from gnv_portal.notices import About
from reporting.models import EconomicReport, SurveyResponse
from reporting.municipal import summaries


def _respondents(municipality, role):
    return [m.user for m in Membership.objects.filter(
        role=role, municipality=municipality, user__is_active=True).select_related("user")]


def describe(response):
    if isinstance(response, SurveyResponse):
        year = response.questionnaire.year
        return About(
            form=_("Kommunenkät"), form_definite=_("kommunenkäten"), organisation=response.municipality.name,
            year=year, path=reverse("reporting:survey", args=[year.year, response.municipality_id]),
            summary=summaries.survey_text(response),
            recipients=_respondents(response.municipality, Role.SURVEY_RESPONDENT),
        )
    if isinstance(response, EconomicReport):
        return About(
            form=_("Ekonomisk redovisning"), form_definite=_("den ekonomiska redovisningen"),
            organisation=response.municipality.name, year=response.year,
            path=reverse("reporting:economy", args=[response.year.year, response.municipality_id]),
            summary=summaries.economy_text(response),
            recipients=_respondents(response.municipality, Role.ECONOMY_RESPONDENT),
        )
    return None
