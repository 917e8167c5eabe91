"""Reference data of the reporting app: the 2024 kommunenkät (DESIGN.md "Kommunenkät",
seed report 3.4) and the e-mail templates for invitations and reminders.

Idempotent, and never overwrites what RSS has edited: missing things are created,
existing ones are left as they are.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from gnv_portal.models import EmailTemplate, ReportingYear
from reporting.municipal.questionnaires import load_spec

OTHER = ("annat", "Annat, nämligen", True)

AREAS = [
    ("halsoframjande", "Hälsofrämjande och förebyggande arbetssätt/insatser"),
    ("fast-omsorgskontakt", "Fast omsorgskontakt i hemtjänsten"),
    ("rehabilitering", "Rehabiliterande och/eller habiliterande insatser inom kommunens verksamheter"),
    ("samverkan-region", "Samverkansforum/-träffar med regional hälso- och sjukvård på verksamhetsnivå"),
    ("samverkan-kommunalt", "Samverkansforum/-träffar mellan kommunala verksamheter"),
    ("samverkan-malgrupper", "Samverkan kring olika målgrupper, ex barn och unga, personer med funktionsnedsättning"),
    ("konsument-npo", "Konsument till NPO (nationell patientöversikt)"),
    ("vardplaner-sip", "Vårdplaner, SIP, dokumenterad överenskommelse"),
    ("uppsokande", "Uppsökande verksamheter och träffpunkter"),
    ("dialoger", "Patient- eller medborgardialoger t ex möten med brukarorganisationer"),
    ("utskrivningsprocessen", "Utskrivningsprocessen"),
    ("multiprofessionella-team", "Multiprofessionella team i kommunen"),
    ("personcentrerat", "Utbildning i personcentrerat arbetssätt"),
]

POTENTIAL = [
    ("distansmonitorering", "Distansmonitorering"),
    ("delad-anstallning", "Gemensamma anställningar i kommun och region (delad anställning)"),
    ("mobila-team", "Mobila team"),
    ("producent-npo", "Producent till NPO"),
    ("sammanhallen-journal", "Sammanhållen journal kommun/region"),
    ("aldrecentraler", "Äldrecentraler i samverkan med regionen"),
    ("praktiknara-forskning", "Praktiknära forskning och samarbete med universitet och högskolor"),
    ("lakemedelsautomater", "Läkemedelsautomater"),
]


def _q(key, type_, text, short_label, required=False, help_text="", options=()):
    return {"key": key, "type": type_, "text": text, "short_label": short_label, "required": required,
            "help_text": help_text, "options": list(options)}


# (key, title, description, questions); question options are (key, label, is_other).
KOMMUNENKAT_2024 = {
    "title": "Kommunenkät God och nära vård 2024",
    "introduction": (
        "Socialstyrelsens uppföljning av överenskommelsen om God och nära vård 2024. "
        "RSS Dalarna sammanställer svaren och redovisar dem till Socialstyrelsen."
    ),
    "sections": [
        {
            "key": "nara-varden",
            "title": "Del 1. Utvecklingen av den nära vården med primärvården som nav",
            "description": "",
            "questions": [
                _q("omraden", "multiple",
                   "Vilka områden och arbetssätt har kommunen initierat eller förstärkt under året mot en god "
                   "och nära vård?", "Områden och arbetssätt", required=True,
                   help_text="Välj alla som stämmer.",
                   options=[(k, label, False) for k, label in AREAS] + [OTHER]),
                _q("utvecklingspotential", "multiple",
                   "Inom vilka områden ser kommunen utvecklingspotential?", "Utvecklingspotential",
                   help_text="Välj alla som stämmer.",
                   options=[(k, label, False) for k, label in POTENTIAL] + [OTHER]),
                _q("viktigaste-insatser", "text",
                   "Vilka är de viktigaste insatserna i kommunens arbete med utvecklingen av den nära vården "
                   "med primärvården som nav?", "Viktigaste insatserna", required=True),
                _q("overgripande-uppfoljning", "yes_no",
                   "Har kommunen genomfört övergripande uppföljning och utvärdering utifrån målen med "
                   "omställningen?", "Övergripande uppföljning genomförd", required=True),
                _q("resultat-uppfoljningar", "text",
                   "Vilka resultat har påvisats i uppföljningar och analyser av insatsernas effekter för att "
                   "undvika inskrivningar i slutenvården?", "Resultat i uppföljningar"),
                _q("samverkan-region-kommun", "text",
                   "Vilka är de viktigaste insatserna och deras resultat för att förbättra samverkan mellan "
                   "region och kommun?", "Samverkan region–kommun"),
            ],
        },
        {
            "key": "utvecklingsomraden",
            "title": "Del 2. Centrala utvecklingsområden inom överenskommelsen",
            "description": "",
            "questions": [
                _q("mobila-team", "text",
                   "Vilka är de viktigaste insatserna i arbetet med mobila team för bedömning och vård i hemmet?",
                   "Mobila team"),
                _q("delaktighet-kontinuitet", "text",
                   "Hur arbetar kommunen med delaktighet och kontinuitet, t.ex. verktyg och metoder som "
                   "underlättar kommunikationen för personer med särskilda behov?", "Delaktighet och kontinuitet"),
                _q("fast-vardkontakt", "text",
                   "Hur har arbetet med fast vårdkontakt och fast omsorgskontakt utvecklats?",
                   "Fast vårdkontakt/omsorgskontakt"),
                _q("fast-omsorgskontakt-antal", "number",
                   "Hur många brukare i hemtjänsten hade en fast omsorgskontakt vid årets slut?",
                   "Brukare med fast omsorgskontakt (antal)", help_text="Ange ett antal, t.ex. 350."),
                _q("halsoframjande", "text",
                   "Ge exempel på kommunens hälsofrämjande och förebyggande arbete.", "Hälsofrämjande arbete"),
                _q("medarbetare", "text",
                   "Vilka insatser har kommunen initierat eller förstärkt för goda förutsättningar för vårdens "
                   "medarbetare?", "Förutsättningar för medarbetare"),
            ],
        },
    ],
}

INVITATION = "reporting-invitation"
REMINDER = "reporting-reminder"
EMAIL_TEMPLATES = [
    (
        INVITATION,
        "Inbjudan att rapportera (kommunenkät eller ekonomisk redovisning)",
        "{part} {year} – {municipality}",
        "Hej {name}!\n\n"
        "Nu är det dags för {municipality}s {part_lower} för {year}. Sista svarsdag är {deadline}.\n\n"
        "Logga in i GNV-portalen och fyll i formuläret: {link}\n"
        "Du kan spara som utkast och fortsätta senare.\n\n"
        "Har du frågor? Kontakta RSS Dalarna, {contact}.\n",
    ),
    (
        REMINDER,
        "Påminnelse om rapportering (kommunenkät eller ekonomisk redovisning)",
        "Påminnelse: {part} {year} – {municipality}",
        "Hej {name}!\n\n"
        "Vi har ännu inte fått in {municipality}s {part_lower} för {year}. Sista svarsdag är {deadline}.\n\n"
        "Formuläret finns här: {link}\n\n"
        "Har du frågor? Kontakta RSS Dalarna, {contact}.\n",
    ),
]

REFERENCE_YEAR = 2024


@transaction.atomic
def load():
    for key, description, subject, body in EMAIL_TEMPLATES:
        EmailTemplate.objects.get_or_create(
            key=key, defaults={"description": description, "subject": subject, "body": body}
        )
    # The questionnaire belongs to a reporting year; years are created by RSS (or the demo).
    year = ReportingYear.objects.filter(year=REFERENCE_YEAR).first()
    if year is not None:
        load_spec(year, KOMMUNENKAT_2024)


def load_template(year):
    """Give `year` (without a questionnaire) the 2024 kommunenkät as its starting point."""
    from reporting.models import Questionnaire

    if Questionnaire.objects.filter(year=year).exists():
        raise ValueError(_("Rapporteringsåret %(year)s har redan en kommunenkät.") % {"year": year.year})
    spec = {**KOMMUNENKAT_2024, "title": KOMMUNENKAT_2024["title"].replace(str(REFERENCE_YEAR), str(year.year))}
    return load_spec(year, spec)
