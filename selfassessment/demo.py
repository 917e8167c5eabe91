"""Demo answers for 2023 and 2024 showing the seed report's patterns (sections 3.2, 3.3,
Bilaga 3): delmål 1 highest and 5 lowest in both years, "Nära för alla" unchanged, delmål 3
with the largest spread, all 13 leaderships answered 2024 ("13 av 13"), seven applied the
table, and Södra Dalarna's two representatives disagree on delmål 3, 4 and 5 (3,5 and 2,5).
Idempotent: answers that exist are left as they are."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from gnv_portal import workflow
from gnv_portal.demo import demo_email
from gnv_portal.models import LocalLeadership, ReportingYear, ResponseEvent, ResponseStatus, SubGoal, User
from selfassessment.models import LeadershipMapping, MemberRole, Polsam, Rating, SelfAssessment

ORDER = ["Borlänge", "Falun", "Gagnef", "Leksand", "Malung-Sälen", "Mora", "Orsa", "Rättvik", "Säter",
         "Södra Dalarna", "Vansbro", "Västerbergslagen", "Älvdalen"]

# Ratings per delmål 1–5, one column per leadership in ORDER.
RATINGS = {
    2023: {
        1: [4, 4, 3, 4, 3, 4, 4, 4, 3, 4, 3, 4, 3],
        2: [4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4],
        3: [4, 2, 4, 3, 1, 4, 3, 5, 2, 3, 4, 3, 2],
        4: [4, 3, 3, 3, 4, 4, 3, 4, 2, 3, 3, 3, 3],
        5: [3, 3, 3, 2, 3, 3, 3, 3, 2, 3, 3, 3, 2],
    },
    2024: {
        1: [4, 4, 4, 4, 3, 4, 4, 4, 3, 4, 4, 4, 3],
        2: [4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4],
        3: [5, 2, 4, 3, 1, 4, 3, 5, 2, 3, 4, 3, 3],
        4: [4, 3, 4, 3, 4, 4, 3, 4, 2, 2, 4, 3, 4],
        5: [3, 3, 4, 2, 3, 3, 4, 3, 2, 2, 3, 3, 3],
    },
}
# Södra Dalarna's second representative in 2024 differs on delmål 3, 4 and 5.
SECOND_REP_2024 = {1: 4, 2: 3, 3: 4, 4: 3, 5: 3}
APPLIED_2024 = {"Borlänge", "Falun", "Leksand", "Mora", "Rättvik", "Södra Dalarna", "Västerbergslagen"}
APPLIED_2023 = {"Borlänge", "Falun", "Mora", "Rättvik", "Västerbergslagen"}
COMMENTS_2024 = {
    ("Säter", 2): "Vi försöker arbeta för en likvärdig vård men ser svårigheter med den specialiserade vården. "
                  "Olika kommuner har olika förutsättningar.",
    ("Säter", 5): "Kommunen efterfrågar samverkan kring hälsofrämjande och förebyggande insatser, men "
                  "vårdcentralerna har inte personella resurser till det området.",
    ("Falun", 3): "Läkarkontinuiteten har förbättrats och vi har tagit fram en gemensam checklista för SIP barn "
                  "och unga.",
    ("Orsa", 5): "Det hälsofrämjande arbetet är påbörjat under 2024, både kring att bryta ensamhet och "
                 "hälsosamtal.",
}


def _rep(leadership, second=False):
    local = f"sl-{slugify(leadership.name)}" + ("-2" if second else "")
    return User.objects.filter(email=demo_email(local)).first()


def _answer(year, leadership, user, label, ratings, applied, comments):
    assessment, created = SelfAssessment.objects.get_or_create(
        year=year, leadership=leadership, respondent_label=label,
        defaults={"respondent": user, "applied": applied, "status": ResponseStatus.SUBMITTED,
                  "submitted_at": timezone.now(), "submitted_by": user, "updated_by": user},
    )
    if not created:
        return
    goals = {g.number: g for g in SubGoal.objects.all()}
    for number, value in ratings.items():
        Rating.objects.create(assessment=assessment, subgoal=goals[number], rating=value,
                              comment=comments.get(number, ""))
    workflow.record(assessment, ResponseEvent.Action.SUBMITTED, user, snapshot=assessment.snapshot())


# Leadership mapping 2024 (report 3.3): all have a convening structure and a chair; 9 meet
# twice a term; one has politics; three work with user influence; ten have a local plan.
OTHER_MEETINGS = {"Gagnef": 12, "Orsa": 3, "Vansbro": 2, "Älvdalen": 3}
BASE_ROLES = [MemberRole.SOCIAL_SERVICES_HEAD, MemberRole.OPERATIONS_HEAD, MemberRole.HSL_HEAD,
              MemberRole.UNIT_HEAD, MemberRole.AREA_COORDINATOR]
EXTRA_ROLES = {
    "Falun": [MemberRole.ADULT_PSYCHIATRY, MemberRole.BUP, MemberRole.MAS],
    "Borlänge": [MemberRole.POLITICS, MemberRole.IFO_HEAD, MemberRole.SCHOOL_HEAD],
    "Mora": [MemberRole.ADULT_PSYCHIATRY, MemberRole.CARE_DEVELOPER],
    "Leksand": [MemberRole.DEVELOPER, MemberRole.MAS],
    "Västerbergslagen": [MemberRole.IFO_HEAD, MemberRole.DEVELOPER],
}
USER_INFLUENCE = {
    "Falun": "Genom patient- och brukarråd.",
    "Mora": "Genom pensionärs- och funktionshinderråd.",
    "Rättvik": "Genom ett delaktighetsråd.",
}
NO_LOCAL_PLAN = {"Orsa", "Vansbro", "Älvdalen"}
COMMUNICATION_PLAN = {"Falun", "Borlänge", "Mora"}
POLSAM = {"Falun": Polsam.SYSTEMATIC, "Borlänge": Polsam.SYSTEMATIC, "Mora": Polsam.SYSTEMATIC,
          "Leksand": Polsam.SYSTEMATIC, "Vansbro": Polsam.NO, "Älvdalen": Polsam.NO}


def _mapping(year, leadership):
    name = leadership.name
    user = _rep(leadership)
    LeadershipMapping.objects.get_or_create(
        year=year, leadership=leadership,
        defaults={
            "status": ResponseStatus.SUBMITTED, "submitted_at": timezone.now(), "submitted_by": user,
            "has_convening_structure": True, "has_chair": True,
            "meetings_per_year": OTHER_MEETINGS.get(name, 4),
            "member_roles": [r.value for r in BASE_ROLES + EXTRA_ROLES.get(name, [])],
            "polsam": POLSAM.get(name, Polsam.SOMETIMES),
            "user_influence": name in USER_INFLUENCE, "user_influence_how": USER_INFLUENCE.get(name, ""),
            "has_local_plan": name not in NO_LOCAL_PLAN,
            "has_communication_plan": name in COMMUNICATION_PLAN,
            "challenges": "Det behövs resurstilldelning till primärvården och möten i systemledningen behöver "
                          "prioriteras.",
            "works_well": "Dialog och kommunikation; vi har ofta en samsyn kring utmaningarna.",
        },
    )


@transaction.atomic
def load_demo():
    leaderships = {lead.name: lead for lead in LocalLeadership.objects.all()}
    for number, table in RATINGS.items():
        year = ReportingYear.objects.filter(year=number).first()
        if year is None:
            continue
        applied = APPLIED_2024 if number == 2024 else APPLIED_2023
        for index, name in enumerate(ORDER):
            leadership = leaderships[name]
            user = _rep(leadership)
            label = user.email if user else name
            ratings = {goal: values[index] for goal, values in table.items()}
            comments = {goal: text for (lead, goal), text in COMMENTS_2024.items() if lead == name} \
                if number == 2024 else {}
            _answer(year, leadership, user, label, ratings, name in applied, comments)
            if number == 2024 and name == "Södra Dalarna":
                second = _rep(leadership, second=True)
                _answer(year, leadership, second, second.email if second else f"{name} 2", SECOND_REP_2024,
                        True, {})
        if number == 2024:
            for name in ORDER:
                _mapping(year, leaderships[name])
