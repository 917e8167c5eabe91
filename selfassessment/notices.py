"""What the receipt and reopen e-mails say about a self-assessment or a mapping (see
gnv_portal.notices): a representative's own answer goes to her; the mapping, which the
leadership answers once, to all its representatives."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gnv_portal.models import Membership, Role
from gnv_portal.notices import About
from selfassessment import summaries
from selfassessment.models import LeadershipMapping, SelfAssessment


def _representatives(leadership):
    return [m.user for m in Membership.objects.filter(
        role=Role.LEADERSHIP_REP, leadership=leadership, user__is_active=True).select_related("user")]


def describe(response):
    if isinstance(response, SelfAssessment):
        respondent = response.respondent
        return About(
            form=_("Självskattning"), form_definite=_("självskattningen"), organisation=response.leadership.name,
            year=response.year, path=reverse("selfassessment:form", args=[response.year.year, response.leadership_id]),
            summary=summaries.assessment_text(response),
            recipients=[respondent] if respondent is not None and respondent.is_active else [],
        )
    if isinstance(response, LeadershipMapping):
        return About(
            form=_("Kartläggning"), form_definite=_("kartläggningen"), organisation=response.leadership.name,
            year=response.year,
            path=reverse("selfassessment:mapping", args=[response.year.year, response.leadership_id]),
            summary=summaries.mapping_text(response), recipients=_representatives(response.leadership),
        )
    return None
