"""Demo values for the infographic (`manage.py load_demo_data`), all with source "demo".

Made up, but shaped like the seed report's "Infografik 2025": the same indicators under
development, not updated and fact indicators, and Dalarna (0020) better or worse than the
other regions and improving for the same indicators as in the seed's 3.1.1. Values exist
for all 21 regions, Dalarna's 15 municipalities and some others, for several periods.
Idempotent: the demo values are replaced, other values are left alone.
"""

import hashlib
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from gnv_portal.models import Municipality, ReportingYear
from infographic.areas import REGIONS
from infographic.models import Edition, Indicator, IndicatorValue
from infographic.rules import BETTER, MIDDLE, SAME, WORSE

SOURCE = "demo"
DALARNA = "0020"
OTHER_MUNICIPALITIES = [
    "0180", "0380", "0480", "0580", "0680", "0780", "0880", "0980", "1080", "1280", "1380", "1480", "1780",
    "1880", "1980", "2180", "2281", "2380", "2480", "2580", "1761", "2182", "1981", "0684", "1490",
]

# number: (centre, spread, periods, period in the previous edition, {sex: (comparison, trend)} for Dalarna)
SPECS = {
    "1.1": (86, 6, [2021, 2022, 2023, 2024], 2023, {"K": (WORSE, WORSE), "M": (WORSE, SAME)}),
    "1.2": (80, 4, [2021, 2023], 2023, {"K": (MIDDLE, SAME), "M": (MIDDLE, BETTER)}),
    "1.4": (77, 4, [2021, 2023], 2023, {"K": (MIDDLE, WORSE), "M": (MIDDLE, SAME)}),
    "2.1": (55, 12, [2022, 2023, 2024], 2023, {"T": (BETTER, BETTER)}),
    "2.3": (13000, 1500, [2021, 2022, 2023], 2022, {"K": (MIDDLE, SAME), "M": (MIDDLE, SAME)}),
    "2.4": (17, 2, [2021, 2022, 2023], 2022, {"T": (MIDDLE, SAME)}),
    "3.1": (70, 5, [2021, 2023], 2023, {"K": (MIDDLE, SAME), "M": (MIDDLE, WORSE)}),
    "3.2": (60, 10, [2022, 2023, 2024], 2023, {"T": (WORSE, WORSE)}),
    "3.3": (700, 120, [2020, 2021, 2022], 2021, {"K": (MIDDLE, BETTER), "M": (MIDDLE, WORSE)}),
    "3.4": (10, 3, [2021, 2022, 2023], 2022, {"K": (MIDDLE, SAME), "M": (MIDDLE, SAME)}),
    "4.1": (60, 6, [2021, 2023], 2023, {"K": (BETTER, SAME), "M": (MIDDLE, SAME)}),
    "4.2": (16, 1.5, [2021, 2022, 2023], 2022, {"K": (WORSE, BETTER), "M": (WORSE, BETTER)}),
    "4.3": (6, 1.5, [2021, 2022, 2023], 2023, {"K": (MIDDLE, BETTER), "M": (WORSE, SAME)}),
    "4.4": (600, 80, [2019, 2020, 2021], 2021, {"K": (MIDDLE, SAME), "M": (MIDDLE, WORSE)}),
    "5.1": (70, 4, [2020, 2022, 2024], 2022, {"K": (MIDDLE, SAME), "M": (BETTER, BETTER)}),
    "5.2": (2800, 300, [2022, 2023, 2024], 2023, {"K": (BETTER, WORSE), "M": (BETTER, SAME)}),
    "5.3": (52, 4, [2020, 2022, 2024], 2022, {"K": (WORSE, WORSE), "M": (MIDDLE, WORSE)}),
}
SEX_SHIFT = {"T": 0.0, "K": 0.03, "M": -0.03}


def _unit(*parts):
    """A fixed pseudo-random number in [0, 1) for the parts, so every load gives the same values."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()
    return int(digest[:8], 16) / 2 ** 32


def _dec(x, decimals):
    return Decimal(str(round(x, decimals)))


def _values_for(indicator, spec, municipality_codes):
    centre, spread, periods, _edition, targets = spec
    good = 1 if indicator.direction != "lower" else -1
    step = max(spread * 0.08, 3 * 10 ** -indicator.decimals)
    others = [code for code in REGIONS if code != DALARNA]
    latest = periods[-1]
    rows = {}
    for sex in indicator.sexes:
        comparison_target, trend_target = targets.get(sex, (MIDDLE, SAME))
        mid = centre * (1 + SEX_SHIFT[sex])
        for p_index, period in enumerate(periods):
            drift = (p_index - len(periods) + 1) * spread * 0.02 * good
            order = sorted(others, key=lambda code, p=period: _unit(indicator.number, p, sex, code))
            for rank, code in enumerate(order):
                rows[(code, period, sex)] = mid + drift + spread * (2 * rank / (len(order) - 1) - 1)
            for code in municipality_codes:
                rows[(code, period, sex)] = mid + drift + 1.2 * spread * (2 * _unit(indicator.number, period,
                                                                                     sex, code) - 1)
        position = {BETTER: 0.85, MIDDLE: 0.01, WORSE: -0.85}[comparison_target]
        now = mid + good * position * spread
        before = now - good * step if trend_target == BETTER else now + good * step if trend_target == WORSE else now
        rows[(DALARNA, latest, sex)] = now
        if len(periods) > 1:
            rows[(DALARNA, periods[-2], sex)] = before
        for period in periods[:-2]:
            rows[(DALARNA, period, sex)] = before + spread * 0.1 * (_unit(indicator.number, period, sex) - 0.5)
    return {key: _dec(v, indicator.decimals) for key, v in rows.items()}


@transaction.atomic
def load_demo():
    now = timezone.now()
    dalarna = list(Municipality.objects.values_list("code", flat=True))
    indicators = {i.number: i for i in Indicator.objects.all()}
    IndicatorValue.objects.filter(source=SOURCE).delete()
    new = []
    for number, spec in SPECS.items():
        indicator = indicators.get(number)
        if indicator is None or indicator.in_development:
            continue
        codes = dalarna + OTHER_MUNICIPALITIES if indicator.level == "K" else []
        for (area, period, sex), value in _values_for(indicator, spec, codes).items():
            new.append(IndicatorValue(indicator=indicator, area=area, period=period, sex=sex, value=value,
                                      source=SOURCE, fetched_at=now))
    IndicatorValue.objects.bulk_create(new, batch_size=2000, ignore_conflicts=True)
    previous_year = ReportingYear.objects.filter(year=2023).first()
    if previous_year is not None and not Edition.objects.filter(year=previous_year).exists():
        periods = {number: spec[3] for number, spec in SPECS.items()}
        periods.update({number: None for number, i in indicators.items() if i.in_development})
        Edition.objects.create(year=previous_year, periods=periods)
