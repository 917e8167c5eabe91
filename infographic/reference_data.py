"""The 20 key indicators of the infographic (DESIGN.md "Key indicators", seed Bilaga 2).

Loaded by `manage.py load_reference_data`. Idempotent and careful: an indicator that
exists is never overwritten (RSS edits the catalogue in the admin); only a Kolada id
that is still empty is filled in when one is known here.
"""

from django.db import transaction

from gnv_portal.models import SubGoal
from infographic.models import Direction, Indicator, Level

A, D = Indicator.Status.ACTIVE, Indicator.Status.DEVELOPMENT
K, R, NO_LEVEL = Level.MUNICIPALITY, Level.REGION, ""
UP, DOWN, FACT = Direction.HIGHER, Direction.LOWER, Direction.NONE
PCT, PER100K = "andel (%)", "antal/100 000 inv."

# number, title, subtitle, level, direction, status, split by sex, unit, decimals, Kolada id
CATALOGUE = [
    ("1.1", "Upplevd trygghet", "i äldreomsorg", K, UP, A, True, PCT, 0, ""),
    ("1.2", "Patientupplevelse kvalitet", "information och kunskap", R, UP, A, True, PCT, 1, ""),
    ("1.3", "Individuell plan", "", NO_LEVEL, UP, D, False, "", 0, ""),
    ("1.4", "Patientupplevelse kvalitet", "delaktighet och involvering", R, UP, A, True, PCT, 1, ""),
    ("2.1", "Tillgänglighet", "bedömning på VC inom 3 dagar", R, UP, A, False, PCT, 1, "N79173"),
    ("2.2", "Fast vårdkontakt", "", NO_LEVEL, UP, D, False, "", 0, ""),
    ("2.3", "Vårdtillfällen", "per 100 000 invånare", R, FACT, A, True, PER100K, 0, "N70808"),
    ("2.4", "Kostnadsandel", "primärvård i regionen", R, FACT, A, False, PCT, 1, ""),
    ("3.1", "Patientupplevd kvalitet", "kontinuitet och koordinering", R, UP, A, True, PCT, 1, ""),
    ("3.2", "Kontinuitetsindex säbo", "läkarkontinuitet på särskilt boende", K, UP, A, False, "index", 1, ""),
    ("3.3", "Påverkbar slutenvård", "vid kronisk sjukdom per 100 000 inv.", R, DOWN, A, True, PER100K, 0,
     "U79133"),
    ("3.4", "Behov av hemtjänst", "> 65 år med beslut om hemtjänst", K, FACT, A, True, PCT, 1, ""),
    ("4.1", "Förtroende", "för hälso- och sjukvården", R, UP, A, True, PCT, 0, "U70447"),
    ("4.2", "Oplanerad återinskrivning", "inom 30 dagar", R, DOWN, A, True, PCT, 1, "U79092"),
    ("4.3", "Äldre med läkemedel", "> 65 år som bör undvikas", R, DOWN, A, True, PCT, 1, ""),
    ("4.4", "Besök på akutmottagning", "> 80 år", R, DOWN, A, True, "antal/1 000 inv.", 0, "U79029"),
    ("5.1", "Självskattad hälsa", "i befolkningen", R, UP, A, True, PCT, 0, "U01405"),
    ("5.2", "Fallskador bland äldre", "", R, DOWN, A, True, PER100K, 0, "U20462"),
    ("5.3", "Övervikt och fetma", "i befolkningen", R, DOWN, A, True, PCT, 0, "U01760"),
    ("5.4", "Samtalsbehandling barn", "med depression och ångest", NO_LEVEL, UP, D, False, "", 0, ""),
]


@transaction.atomic
def load():
    sub_goals = {g.number: g for g in SubGoal.objects.all()}
    existing = {i.number: i for i in Indicator.objects.all()}
    for number, title, subtitle, level, direction, status, split, unit, decimals, kolada_id in CATALOGUE:
        indicator = existing.get(number)
        if indicator is None:
            Indicator.objects.create(
                number=number, title=title, subtitle=subtitle, sub_goal=sub_goals[int(number.split(".")[0])],
                level=level, direction=direction, status=status, split_by_sex=split, unit=unit, decimals=decimals,
                kolada_id=kolada_id,
            )
        elif kolada_id and not indicator.kolada_id:
            indicator.kolada_id = kolada_id
            indicator.save(update_fields=["kolada_id"])
