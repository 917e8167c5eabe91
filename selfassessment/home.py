"""Start-page tasks and menu links of the self-assessment (see gnv_portal.hooks)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gnv_portal import access
from gnv_portal.models import LocalLeadership, Membership, ReportingYear, Role
from gnv_portal.workflow import status_of
from selfassessment.models import LeadershipMapping, SelfAssessment


def tasks_for(user):
    if not user.is_authenticated:
        return []
    # Only the user's own leaderships: RSS may open every form but has no tasks of its own.
    lead_ids = set(Membership.objects.filter(user=user, role=Role.LEADERSHIP_REP).values_list("leadership_id",
                                                                                               flat=True))
    if not lead_ids:
        return []
    years = list(ReportingYear.objects.filter(status=ReportingYear.Status.OPEN))
    leaderships = list(LocalLeadership.objects.filter(pk__in=lead_ids))
    own = {(a.year_id, a.leadership_id): a for a in SelfAssessment.objects.filter(
        year__in=years, leadership__in=leaderships, respondent_label=user.email)}
    mappings = {(m.year_id, m.leadership_id): m for m in LeadershipMapping.objects.filter(
        year__in=years, leadership__in=leaderships)}
    tasks = []
    for year in years:
        for lead in leaderships:
            tasks.append({
                "title": _("Självskattning %(year)s – %(name)s") % {"year": year.year, "name": lead.name},
                "url": reverse("selfassessment:form", args=[year.year, lead.pk]),
                "status": status_of(own.get((year.pk, lead.pk))).label,
            })
            tasks.append({
                "title": _("Kartläggning %(year)s – %(name)s") % {"year": year.year, "name": lead.name},
                "url": reverse("selfassessment:mapping", args=[year.year, lead.pk]),
                "status": status_of(mappings.get((year.pk, lead.pk))).label,
            })
    return tasks


def nav_links(user):
    if access.is_rss(user):
        return [(_("Självskattning"), reverse("selfassessment:index"))]
    return []
