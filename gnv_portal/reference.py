"""Reference data for Dalarna (DESIGN.md): region, municipalities, leaderships, delmål,
and the default e-mail templates. Loading is idempotent: it updates to these values."""

from django.db import transaction

from gnv_portal import hooks
from gnv_portal.models import EmailTemplate, LocalLeadership, Municipality, Region, SubGoal

REGION = ("0020", "Region Dalarna")

# SCB/Kolada codes.
MUNICIPALITIES = {
    "Avesta": "2084",
    "Borlänge": "2081",
    "Falun": "2080",
    "Gagnef": "2026",
    "Hedemora": "2083",
    "Leksand": "2029",
    "Ludvika": "2085",
    "Malung-Sälen": "2023",
    "Mora": "2062",
    "Orsa": "2034",
    "Rättvik": "2031",
    "Smedjebacken": "2061",
    "Säter": "2082",
    "Vansbro": "2021",
    "Älvdalen": "2039",
}

# The 13 local system leaderships and their municipalities.
LEADERSHIPS = {
    "Borlänge": ["Borlänge"],
    "Falun": ["Falun"],
    "Gagnef": ["Gagnef"],
    "Malung-Sälen": ["Malung-Sälen"],
    "Leksand": ["Leksand"],
    "Mora": ["Mora"],
    "Orsa": ["Orsa"],
    "Rättvik": ["Rättvik"],
    "Säter": ["Säter"],
    "Södra Dalarna": ["Avesta", "Hedemora"],
    "Vansbro": ["Vansbro"],
    "Västerbergslagen": ["Ludvika", "Smedjebacken"],
    "Älvdalen": ["Älvdalen"],
}

SUBGOALS = [
    (1, "Nära för mig",
     "Vi arbetar för att alla invånare i Dalarna ska bli bemötta med respekt samt tilltro och ska uppleva "
     "möjligheter till medskapande och delaktighet utifrån sin förmåga och sina behov."),
    (2, "Nära för alla",
     "Vi arbetar för en tillgänglig, jämställd och jämlik vård för barn och unga, för dig mitt i livet och "
     "för dig som är äldre."),
    (3, "Nära i hela Dalarna",
     "Vi arbetar för en likvärdig tillgång till personcentrerad vård i hela länet oavsett var individerna "
     "bor med hjälp av nya och utvecklade lösningar som gagnar individerna."),
    (4, "Nära mellan oss",
     "Vi arbetar för stärkt samverkan inom och mellan länets kommuner och Region Dalarna som präglas av "
     "tillit och prestigelöshet för invånarnas bästa."),
    (5, "Nära till hälsa",
     "Vi arbetar hälsofrämjande och förebyggande i Dalarna utifrån var varje enskild individ befinner sig "
     "i livet."),
]

# (key, description, subject, body). Later parts of the portal add their own here.
EMAIL_TEMPLATES = [
    (
        "account-invitation",
        "Inbjudan till GNV-portalen (nytt konto)",
        "Inbjudan till GNV-portalen",
        "Hej {name}!\n\n"
        "RSS Dalarna bjuder in dig till GNV-portalen som {role}{organisation}.\n\n"
        "Välj ditt lösenord via länken nedan. Länken kan användas en gång och gäller till och med {expires}.\n\n"
        "{link}\n\n"
        "Har du frågor? Kontakta RSS Dalarna, {contact}.\n",
    ),
    (
        "account-roles-added",
        "Nya roller för ett befintligt konto",
        "Nya uppgifter i GNV-portalen",
        "Hej {name}!\n\n"
        "RSS Dalarna har gett ditt konto i GNV-portalen {roles}.\n\n"
        "Logga in som vanligt med din e-postadress och ditt lösenord: {link}\n"
        "Har du glömt lösenordet kan du välja ett nytt på inloggningssidan.\n\n"
        "Har du frågor? Kontakta RSS Dalarna, {contact}.\n",
    ),
    (
        "response-receipt",
        "Kvitto när ett svar skickas in (alla formulär)",
        "Kvitto: {form} {year} – {organisation} är inskickad",
        "Hej {name}!\n\n"
        "Tack! {form} {year} för {organisation} skickades in {when} av {by}.\n\n"
        "Det här skickades in:\n\n{summary}\n\n"
        "Svaret finns i GNV-portalen: {link}\n"
        "Behöver något ändras? Kontakta RSS Dalarna, {contact}.\n",
    ),
    (
        "response-reopened",
        "Meddelande när RSS öppnar ett inskickat svar igen (alla formulär)",
        "{form} {year} – {organisation} är öppnad igen",
        "Hej {name}!\n\n"
        "RSS Dalarna har öppnat {form_definite} {year} för {organisation} igen så att den kan ändras.\n\n"
        "Skäl: {reason}\n\n"
        "Ändra och skicka in på nytt här: {link}\n"
        "Sista svarsdag är {deadline}.\n\n"
        "Har du frågor? Kontakta RSS Dalarna, {contact}.\n",
    ),
]


@transaction.atomic
def load_reference_data():
    """Create or update the reference data. Returns a count of what exists afterwards."""
    region, _ = Region.objects.update_or_create(code=REGION[0], defaults={"name": REGION[1]})
    municipalities = {}
    for name, code in MUNICIPALITIES.items():
        municipalities[name], _ = Municipality.objects.update_or_create(
            code=code, defaults={"name": name, "region": region}
        )
    for name, members in LEADERSHIPS.items():
        leadership, _ = LocalLeadership.objects.get_or_create(name=name)
        leadership.municipalities.set([municipalities[m] for m in members])
    for number, name, statement in SUBGOALS:
        SubGoal.objects.update_or_create(number=number, defaults={"name": name, "statement": statement})
    for key, description, subject, body in EMAIL_TEMPLATES:
        # RSS may have edited the text: create missing templates, never overwrite.
        EmailTemplate.objects.get_or_create(
            key=key, defaults={"description": description, "subject": subject, "body": body}
        )
    for load in hooks.app_functions("reference_data", "load"):
        load()
    return {
        "regioner": Region.objects.count(),
        "kommuner": Municipality.objects.count(),
        "lokala systemledningar": LocalLeadership.objects.count(),
        "delmål": SubGoal.objects.count(),
    }
