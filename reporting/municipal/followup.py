"""RSS's follow-up of the municipalities: completeness per municipality and part, and whom
the invitation and reminder e-mails go to (sent by gnv_portal.outreach, see reporting/outreach.py)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from gnv_portal import progress
from gnv_portal.formatting import sv_date
from gnv_portal.models import Membership, Municipality, ResponseStatus, Role
from gnv_portal.outreach import Recipient
from reporting.models import Part, SurveyResponse
from reporting.municipal import economy
from reporting.municipal.figures import swedish_sort_key
from reporting.municipal.workflow_status import status_of

ROLE_OF_PART = {Part.SURVEY: Role.SURVEY_RESPONDENT, Part.ECONOMY: Role.ECONOMY_RESPONDENT}
URL_OF_PART = {Part.SURVEY: "reporting:survey", Part.ECONOMY: "reporting:economy"}


def completeness(year):
    """One row per municipality (Swedish order): its survey and economy status and respondents."""
    municipalities = sorted(Municipality.objects.all(), key=lambda m: swedish_sort_key(m.name))
    surveys = {r.municipality_id: r for r in SurveyResponse.objects.filter(questionnaire__year=year)}
    reports = economy.reports_by_municipality(year)
    people = {}
    for m in Membership.objects.filter(role__in=ROLE_OF_PART.values()).select_related("user"):
        people.setdefault((m.municipality_id, m.role), []).append(m.user)
    rows = []
    for m in municipalities:
        survey, report = surveys.get(m.pk), reports.get(m.pk)
        rows.append({
            "municipality": m,
            Part.SURVEY: {"response": survey, "status": ResponseStatus(status_of(survey)),
                          "respondents": people.get((m.pk, Role.SURVEY_RESPONDENT), [])},
            Part.ECONOMY: {"response": report, "status": ResponseStatus(status_of(report, economy_report=True)),
                           "respondents": people.get((m.pk, Role.ECONOMY_RESPONDENT), [])},
        })
    return rows


def totals(rows):
    """{part: "12 av 15 inskickade, 1 återöppnad"}."""
    return {part: progress.summary(r[part]["status"] for r in rows) for part in Part.values}


def recipients(year, part, *, reminder):
    """Respondents of `part`; for reminders only those whose municipality has not submitted."""
    result = []
    for row in completeness(year):
        if reminder and row[part]["status"] == ResponseStatus.SUBMITTED:
            continue
        result += [Recipient(user, row["municipality"]) for user in row[part]["respondents"] if user.is_active]
    return result


def context_for(part):
    """The placeholders of the invitation and reminder templates, for gnv_portal.outreach."""
    part = Part(part)

    def context(year, recipient, base_url):
        path = reverse(URL_OF_PART[part], args=[year.year, recipient.organisation.pk])
        return {
            "name": recipient.user.get_full_name() or recipient.email, "municipality": recipient.organisation.name,
            "part": str(part.label), "part_lower": str(part.label).lower(), "year": year.year,
            "deadline": sv_date(year.deadline) if year.deadline else _("meddelas senare"),
            "link": base_url.rstrip("/") + path, "contact": settings.RSS_CONTACT_EMAIL,
        }

    return context
