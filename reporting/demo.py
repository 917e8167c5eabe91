"""Demo answers for 2024: the kommunenkät of all 15 municipalities (submitted) and their
economic report from the seed report's Bilaga 1.

The free-text answers are taken from the seed report's summaries (section 3.4) and spread
over the municipalities for the demo; which municipality wrote what is invented.
"""

from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify

from gnv_portal import workflow
from gnv_portal.demo import demo_email
from gnv_portal.models import Municipality, ReportingYear, ResponseEvent, ResponseStatus, User
from reporting.models import EconomicReport, Questionnaire, Quote, SurveyResponse
from reporting.municipal import economy, figures, questionnaires, reference_data

# Bilaga 1 (seed report): allocated, surplus paid back by RSS, consumed; whole kronor.
# The consumed amounts of Falun, Mora and Säter are not legible in the seed. Mora and Säter
# are set to what was available (as most municipalities report), and Falun to the rest of the
# legible sum row (24 153 231), so the demo's sum of consumed funds matches the report.
# The legible surpluses add up to 499 999 where the seed prints 500 000 (rounding in the source).
ECONOMY_2024 = {
    "Avesta": (1894630, 39273, 1894630),
    "Borlänge": (4298425, 89759, 4298425),
    "Falun": (4970761, 104547, 5049907),
    "Gagnef": (866517, 18109, 854626),
    "Hedemora": (1274612, 26695, 1301307),
    "Leksand": (1334060, 28134, 1362194),
    "Ludvika": (2190461, 46381, 2236842),
    "Malung-Sälen": (844711, 17753, 862464),
    "Mora": (1704429, 35829, 1740258),
    "Orsa": (573919, 11997, 585916),
    "Rättvik": (920327, 19282, 939609),
    "Smedjebacken": (908554, 18903, 927457),
    "Säter": (933510, 19572, 953082),
    "Vansbro": (560073, 11775, 571848),
    "Älvdalen": (574666, 11990, 574666),
}

QUOTED = {"viktigaste-insatser", "samverkan-region-kommun", "halsoframjande", "medarbetare"}

# Municipalities per area (Figur 3), in the order of the seed's figure, most first.
AREA_COUNTS = [14, 13, 12, 11, 10, 9, 8, 8, 7, 6, 5, 4, 3]
POTENTIAL_COUNTS = [9, 7, 8, 5, 10, 6, 4, 3]

TEXTS = {
    "viktigaste-insatser": [
        "Pilotprojekt med läkemedelsautomater.",
        "BPSD-arbetet har återupptagits.",
        "Kommun- och regiongemensam styrgrupp har bildats för att utveckla en god och nära vård.",
        "Trygg hem – initierat arbete för att i samverkan med regionens primärvård utveckla arbetssätt för "
        "hemgång efter slutenvårdsvistelse.",
        "Fast omsorgskontakt: utbildningsinsats till personal och implementering av arbetssätt inom "
        "ordinärt boende.",
        "Digitaliseringsutveckling i samarbete med SKR:s ”Handslaget”.",
        "Infört hälsosamtal inom LSS-boende.",
        "Uppstart av samverkansteam ”very important babies” 0–2 år samt barnhälsoteam 3–5 år.",
        "Fysisk aktivitet på recept.",
        "Utvecklat rollen som patientansvarig sjuksköterska inom särskilt boende.",
        "Mobila team så att äldre kan få hembesök av läkare och sjuksköterska.",
        "Deltagande i regionens införande av egenmonitorering av multisjuka.",
        "Utveckling av utskrivningsprocessen.",
        "Professionsträffar med regionens och kommunens sjuksköterskor.",
        "Fast daglig avstämning med samordnare kommun och primärvård.",
    ],
    "resultat-uppfoljningar": [
        "Uppföljning av mobila teamet visade låg användning av läkarresurserna, vilket ledde till att "
        "kommunen och regionen tänkte om.",
        "Analyser av Lex Maria påvisade brister i läkemedelshantering som åtgärdats i samverkan.",
        "Bättre arbete med läkemedelsgenomgångar och hälsoplaner har lett till färre återinläggningar.",
        "Korta inskrivningar i hemsjukvården för patienter som skrivs ut från slutenvården.",
    ],
    "samverkan-region-kommun": [
        "Samverkansforum med kommunens vårdcentraler om läkarmedverkan inom särskilt boende.",
        "Beslut om lokal systemledning ger kontinuitet och en tydlig beslutsstruktur.",
        "Kommun och region delar på kostnaden för en samordnare för barn och unga.",
        "Lokala överenskommelser om barn och unga samt om hemsjukvård och läkarmedverkan.",
        "Daglig kontakt mellan samordnare i kommunen och primärvården för gemensamma patienter.",
    ],
    "mobila-team": [
        "Kontinuerlig samverkan mellan MAS, palliativa teamet och kommunens hemsjukvård.",
        "Läkare från primärvården och hemsjukvårdens sjuksköterskor gör hembesök för bedömning och behandling.",
    ],
    "delaktighet-kontinuitet": [
        "Vi använder bildstöd, samtalsmatta och planeringstavlor för personer med särskilda behov.",
        "Sociala berättelser, memoplanner och förskrivna appar underlättar kommunikationen.",
    ],
    "fast-vardkontakt": [
        "Fast vårdkontakt har implementerats och rutiner tagits fram; en informationsbroschyr finns.",
        "Breddinförande och utbildning av fast omsorgskontakt i hemtjänsten.",
    ],
    "halsoframjande": [
        "Senior Kul tillsammans med kultur och fritid, och hälsofrämjande aktiviteter på boendena.",
        "Välfärdsbibliotek.",
        "Suicidpreventiva insatser och utbildningar.",
        "Seniorvägledare och hälsosamtal inom LSS.",
    ],
    "medarbetare": [
        "Heltid som norm.",
        "Breddinförande av förstärkt introduktion för nya medarbetare.",
        "Utbildningsinsatser i BPSD, MHFA och förflyttningsteknik.",
        "Äldreomsorgslyftet.",
        "Utökat chefskap i hemtjänsten ger bättre förutsättningar att arbeta med arbetsmiljön.",
    ],
}


def _respondent(municipality):
    return User.objects.filter(email=demo_email(f"kommun-{slugify(municipality.name)}")).first()


def _survey_data(index, questions):
    data = {}
    for question in questions:
        name = questionnaires.field_name(question)
        keys = [o.key for o in question.options.all() if not o.is_other]
        if question.key == "omraden":
            data[name] = [k for i, k in enumerate(keys) if (index - 3 * i) % 15 < AREA_COUNTS[i]]
        elif question.key == "utvecklingspotential":
            data[name] = [k for i, k in enumerate(keys) if (index + 5 * i) % 15 < POTENTIAL_COUNTS[i]]
        elif question.key == "overgripande-uppfoljning":
            data[name] = "nej" if index in (2, 7, 11, 13) else "ja"
        elif question.key == "fast-omsorgskontakt-antal":
            data[name] = Decimal(120 + 37 * index)
        elif question.key in TEXTS:
            texts = TEXTS[question.key]
            data[name] = texts[index % len(texts)] if question.required or index < len(texts) * 2 else ""
        if question.has_options:
            data[name + "_annat"] = ""
    return data


@transaction.atomic
def load_demo():
    reference_data.load()
    year = ReportingYear.objects.filter(year=2024).first()
    questionnaire = Questionnaire.objects.filter(year=year).first() if year else None
    if questionnaire is None:
        return
    questions = questionnaires.questions_of(questionnaire)
    municipalities = list(Municipality.objects.order_by("name"))
    for index, municipality in enumerate(municipalities):
        user = _respondent(municipality)
        if not SurveyResponse.objects.filter(questionnaire=questionnaire, municipality=municipality).exists():
            response = SurveyResponse.objects.create(questionnaire=questionnaire, municipality=municipality,
                                                     updated_by=user)
            questionnaires.save_answers(response, questions, _survey_data(index, questions))
            snapshot = questionnaires.snapshot(response)
            workflow.record(response, ResponseEvent.Action.SAVED, user, snapshot=snapshot)
            workflow.submit(response, user, response.version, snapshot=questionnaires.snapshot)
        amounts = ECONOMY_2024.get(municipality.name)
        if amounts and not EconomicReport.objects.filter(year=year, municipality=municipality).exists():
            allocated, surplus, consumed = amounts
            report = EconomicReport.objects.create(
                year=year, municipality=municipality, allocated=allocated, surplus=surplus, consumed=consumed,
                status=ResponseStatus.DRAFT, updated_by=user,
                overspend_confirmed=economy.overspent(allocated, surplus, consumed),
                comment="Enligt seedrapportens Bilaga 1." if economy.overspent(allocated, surplus, consumed) else "",
            )
            workflow.record(report, ResponseEvent.Action.SAVED, user, snapshot=economy.snapshot(report))
            workflow.submit(report, user, report.version, snapshot=economy.snapshot)
    _demo_quotes(year)


def _demo_quotes(year):
    """RSS's picks for the report: the first answers of a few questions, one of them shortened."""
    if Quote.objects.filter(answer__question__section__questionnaire__year=year).exists():
        return
    for block in figures.free_text_answers(year):
        if block["question"].key not in QUOTED:
            continue
        for order, item in enumerate(block["answers"][:3], start=1):
            text = item["text"]
            if len(text) > 90:
                text = text[:text.rfind(" ", 0, 85)] + " […]"
            Quote.objects.create(answer_id=item["answer_id"], text=text, order=order)
