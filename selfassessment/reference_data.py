"""The self-assessment's e-mail templates (RSS may edit them; never overwritten)."""

from gnv_portal.models import EmailTemplate

INVITATION = "selfassessment-invitation"
REMINDER = "selfassessment-reminder"
MAPPING_REMINDER = "mapping-reminder"

TEMPLATES = [
    (
        INVITATION,
        "Självskattning och kartläggning: inbjudan till systemledningsrepresentanter",
        "Självskattning God och nära vård {year} – {leadership}",
        "Hej {name}!\n\n"
        "Nu är det dags för den lokala systemledningens självskattning och kartläggning för {year}.\n"
        "Fyll i dem för {leadership} i GNV-portalen senast {deadline}:\n\n{link}\n\n"
        "Har du frågor? Kontakta RSS Dalarna, {contact}.\n",
    ),
    (
        REMINDER,
        "Självskattning: påminnelse till den som inte skickat in",
        "Påminnelse: självskattning {year} – {leadership}",
        "Hej {name}!\n\n"
        "Vi har ännu inte fått in din självskattning för {leadership} ({year}). "
        "Sista svarsdag är {deadline}.\n\n{link}\n\n"
        "Har du frågor? Kontakta RSS Dalarna, {contact}.\n",
    ),
    (
        MAPPING_REMINDER,
        "Kartläggning: påminnelse till systemledningar som inte skickat in",
        "Påminnelse: kartläggning {year} – {leadership}",
        "Hej {name}!\n\n"
        "Vi har ännu inte fått in kartläggningen för {leadership} ({year}). Den fylls i en gång per "
        "systemledning, av någon av representanterna. Sista svarsdag är {deadline}.\n\n{link}\n\n"
        "Har du frågor? Kontakta RSS Dalarna, {contact}.\n",
    ),
]


def load():
    for key, description, subject, body in TEMPLATES:
        EmailTemplate.objects.get_or_create(key=key, defaults={"description": description, "subject": subject,
                                                               "body": body})
