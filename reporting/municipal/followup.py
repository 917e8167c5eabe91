"""RSS's follow-up of the municipalities: completeness per municipality and part, and the
invitation and reminder e-mails (from templates RSS can edit; every send is logged)."""

from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gnv_portal.mailing import send_templated
from gnv_portal.models import Membership, Municipality, ResponseStatus, Role
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
    """{part: (submitted, all)}."""
    return {part: (sum(1 for r in rows if r[part]["status"] == ResponseStatus.SUBMITTED), len(rows))
            for part in Part.values}


class Recipient:
    def __init__(self, user, municipality):
        self.email, self.user, self.municipality = user.email, user, municipality


def recipients(year, part, *, reminder):
    """Respondents of `part`; for reminders only those whose municipality has not submitted."""
    result = []
    for row in completeness(year):
        if reminder and row[part]["status"] == ResponseStatus.SUBMITTED:
            continue
        result += [Recipient(user, row["municipality"]) for user in row[part]["respondents"] if user.is_active]
    return result


def send(year, part, *, reminder, sent_by, base_url):
    """Send invitations (or reminders) for `part` of `year`. Returns the number sent."""
    part = Part(part)
    deadline = date_format(year.deadline, "j F Y") if year.deadline else _("meddelas senare")

    def context_for(recipient):
        path = reverse(URL_OF_PART[part], args=[year.year, recipient.municipality.pk])
        return {
            "name": recipient.user.get_full_name() or recipient.email, "municipality": recipient.municipality.name,
            "part": str(part.label), "part_lower": str(part.label).lower(), "year": year.year,
            "deadline": deadline, "link": base_url.rstrip("/") + path, "contact": settings.RSS_CONTACT_EMAIL,
        }

    key = "reporting-reminder" if reminder else "reporting-invitation"
    return send_templated(key, recipients(year, part, reminder=reminder), context_for, year=year, sent_by=sent_by)
