"""Invitations and reminders for the kommunenkät and the economic report (see
gnv_portal.outreach); the two parts may have different respondents."""

from gnv_portal.outreach import Part
from reporting.models import Part as ReportingPart
from reporting.municipal import followup
from reporting.municipal.reference_data import INVITATION, REMINDER


def parts():
    return [
        Part(key=part.value, label=part.label, reminder_template=REMINDER, invitation_template=INVITATION,
             everyone=lambda year, part=part: followup.recipients(year, part, reminder=False),
             pending=lambda year, part=part: followup.recipients(year, part, reminder=True),
             context=followup.context_for(part), overview="reporting:overview")
        for part in ReportingPart
    ]
