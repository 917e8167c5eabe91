"""The rules of the infographic, on plain data (no database, no HTTP).

- Trend: the latest value against the previous measurement of the same area and sex:
  bättre / sämre / lika, judged by the indicator's direction; "lika" when the two are
  equal at the indicator's rounding (its number of decimals).
- Comparison with others: bättre / mitten / sämre = top quarter / middle half / bottom
  quarter among all areas of the same level (regions `00LL` or municipalities) that have
  a value for that period and sex, direction-aware. This is our own processing of Kolada
  data ("Egen bearbetning av data från Kolada"), not Kolada's colouring.
- Fact indicators (no direction) and indicators under development get neither.

`evaluate()` turns one indicator and a table of values into an `IndicatorResult`;
`infographic.summary` and the views, the report and the dashboards all read those.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from gnv_portal.formatting import NBSP, sv_number

BETTER, MIDDLE, WORSE, SAME = "better", "middle", "worse", "same"
HIGHER, LOWER, NONE = "higher", "lower", "none"
QUARTER = Decimal("0.25")
COUNTRY = "0000"

TREND_LABELS = {
    BETTER: _("Bättre än föregående mätning"),
    WORSE: _("Sämre än föregående mätning"),
    SAME: _("Lika som föregående mätning"),
}
SEX_LABELS = {"T": _("Totalt"), "K": _("Kvinna"), "M": _("Man")}
LEVEL_LABELS = {"K": _("Kommun"), "R": _("Region")}
COMPARISON_LABELS = {
    BETTER: _("Bättre i jämförelse med andra"),
    MIDDLE: _("Mitten i jämförelse med andra"),
    WORSE: _("Sämre i jämförelse med andra"),
}


def rounded(value, decimals):
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def is_region(area):
    return len(area) == 4 and area.isdigit() and area.startswith("00") and area != COUNTRY


def is_municipality(area):
    return len(area) == 4 and area.isdigit() and not area.startswith("00")


def peers_of(area):
    """Whom an area is compared with: a region with the regions, a municipality with the municipalities.

    For kommun-level indicators Dalarna's value (0020, the county's municipalities together)
    is still compared with the other regions.
    """
    return is_region if is_region(area) else is_municipality


def trend(current, previous, direction, decimals=0):
    """bättre / sämre / lika since the previous measurement; None when it cannot be judged."""
    if direction not in (HIGHER, LOWER) or current is None or previous is None:
        return None
    now, before = rounded(current, decimals), rounded(previous, decimals)
    if now == before:
        return SAME
    return BETTER if (now > before) == (direction == HIGHER) else WORSE


def comparison(value, values, direction, decimals=0, share=QUARTER):
    """bättre / mitten / sämre among `values` (all areas of the level, this one included).

    An area is in the top quarter when fewer than ⌊n·share⌋ areas are strictly better
    (so tied areas share the better place), in the bottom quarter likewise from below.
    With fewer than 1/share areas there are no quarters and everyone is in the middle.
    Missing values (None) take no part.
    """
    if direction not in (HIGHER, LOWER) or value is None:
        return None
    others = [rounded(v, decimals) for v in values if v is not None]
    own = rounded(value, decimals)
    cut = int(len(others) * share)
    if cut == 0:
        return MIDDLE
    higher = sum(1 for v in others if v > own)
    lower = sum(1 for v in others if v < own)
    strictly_better, strictly_worse = (higher, lower) if direction == HIGHER else (lower, higher)
    top, bottom = strictly_better < cut, strictly_worse < cut
    if top and not bottom:
        return BETTER
    if bottom and not top:
        return WORSE
    return MIDDLE


def is_updated(period, edition_period):
    """Updated = a later period than the previous edition showed; no earlier edition counts as updated."""
    if period is None:
        return False
    return edition_period is None or period > edition_period


@dataclass
class SexResult:
    sex: str  # "T", "K" or "M"
    value: Decimal | None
    previous_value: Decimal | None = None
    previous_period: int | None = None
    trend: str | None = None
    comparison: str | None = None
    peer_count: int = 0
    text: str = ""  # the value as shown: "56,2 %", "12 739", "–"

    @property
    def trend_label(self):
        return TREND_LABELS.get(self.trend, "")

    @property
    def comparison_label(self):
        return COMPARISON_LABELS.get(self.comparison, "")

    @property
    def sex_label(self):
        return SEX_LABELS.get(self.sex, self.sex)


@dataclass
class IndicatorResult:
    number: str
    title: str
    subtitle: str
    level: str  # "K", "R" or ""
    direction: str
    in_development: bool
    unit: str
    decimals: int
    area: str
    period: int | None
    sexes: list[SexResult] = field(default_factory=list)
    edition_period: int | None = None
    updated: bool = False

    @property
    def is_fact(self):
        return self.direction == NONE and not self.in_development

    @property
    def level_label(self):
        return LEVEL_LABELS.get(self.level, "")

    @property
    def is_judged(self):
        return not self.in_development and not self.is_fact

    @property
    def has_value(self):
        return any(s.value is not None for s in self.sexes)

    def sexes_with(self, *, trend=None, comparison=None):
        return {s.sex for s in self.sexes if (trend is None or s.trend == trend)
                and (comparison is None or s.comparison == comparison)}


def display(value, unit, decimals):
    """The value the Swedish way, with "%" for shares; "–" when missing."""
    text = sv_number(value, decimals)
    return f"{text}{NBSP}%" if value is not None and "%" in (unit or "") else text


def latest_period(values, area, sexes, until=None):
    """The latest period with a value for the area in any of the sexes (not after `until`)."""
    periods = [p for (a, p, s), v in values.items() if a == area and s in sexes and v is not None
               and (until is None or p <= until)]
    return max(periods, default=None)


def evaluate(indicator, values, area, *, period=None, edition_period=None, share=QUARTER):
    """Judge one indicator for one area.

    `indicator` is anything with number, title, subtitle, level, direction, in_development,
    sexes, unit and decimals (the model, or a plain object in tests); `values` maps
    (area, period, sex) → Decimal or None for this indicator. `period` fixes the period
    shown (an edition's); otherwise the latest with a value. `edition_period` is the
    period the previous edition showed, for "updated".
    """
    sexes = list(indicator.sexes)
    result = IndicatorResult(
        number=indicator.number, title=indicator.title, subtitle=indicator.subtitle, level=indicator.level,
        direction=indicator.direction, in_development=indicator.in_development, unit=indicator.unit,
        decimals=indicator.decimals, area=area, period=None, edition_period=edition_period,
    )
    if indicator.in_development:
        return result
    result.period = period if period is not None else latest_period(values, area, sexes)
    result.updated = is_updated(result.period, edition_period)
    in_level = peers_of(area)
    judged = indicator.direction in (HIGHER, LOWER)
    for sex in sexes:
        value = values.get((area, result.period, sex))
        outcome = SexResult(sex=str(sex), value=value, text=display(value, indicator.unit, indicator.decimals))
        if result.period is not None:
            earlier = [p for (a, p, s), v in values.items()
                       if a == area and s == sex and v is not None and p < result.period]
            if earlier:
                outcome.previous_period = max(earlier)
                outcome.previous_value = values[(area, outcome.previous_period, sex)]
        if judged and value is not None:
            outcome.trend = trend(value, outcome.previous_value, indicator.direction, indicator.decimals)
            peers = [v for (a, p, s), v in values.items()
                     if p == result.period and s == sex and v is not None and in_level(a)]
            outcome.peer_count = len(peers)
            outcome.comparison = comparison(value, peers, indicator.direction, indicator.decimals, share)
        result.sexes.append(outcome)
    return result
