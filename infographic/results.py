"""The infographic of a report year, read from the database in a constant number of queries.

`build_infographic(year, focus)` is what the web page, the annual report (issue 7) and the
dashboards call: the 20 indicators judged by `rules.evaluate`, grouped by delmål, with the
edition they belong to and the summary ('Resultat i korthet').
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from gnv_portal.models import ReportingYear
from infographic.models import Edition, Indicator, IndicatorValue, edition_title
from infographic.rules import evaluate, latest_period
from infographic.summary import summarise

DALARNA = "0020"


def comparison_share():
    """The share counted as top (and bottom): a quarter, unless settings.GNV_COMPARISON_SHARE says otherwise."""
    return Decimal(str(settings.GNV_COMPARISON_SHARE))


@dataclass
class Infographic:
    year: int | None
    title: str
    area: str
    focus: object | None  # a Municipality, or None for Dalarna
    results: list
    groups: list = field(default_factory=list)  # [{"sub_goal": SubGoal, "results": [...]}]
    edition: Edition | None = None  # this year's saved edition, if any
    previous_edition: Edition | None = None
    sources: set = field(default_factory=set)  # "kolada", "csv", "demo"

    @property
    def is_demo(self):
        return "demo" in self.sources

    @property
    def summary(self):
        whose = _("Dalarnas") if self.focus is None else _("%(name)s och Region Dalarnas") % {
            "name": genitive(self.focus.name)}
        return summarise(
            self.results, whose=whose, edition_year=self.year + 1 if self.year else None,
            previous_edition_year=self.previous_edition.year.year + 1 if self.previous_edition else None,
        )


def genitive(name):
    """Swedish genitive: "Falun" → "Faluns"; a name ending in s, x or z takes nothing."""
    return name if name[-1:].lower() in "sxz" else f"{name}s"


def values_by_indicator(indicators):
    table = defaultdict(dict)
    rows = IndicatorValue.objects.filter(indicator__in=indicators).values_list(
        "indicator_id", "area", "period", "sex", "value")
    for indicator_id, area, period, sex, value in rows.iterator(chunk_size=5000):
        table[indicator_id][(area, period, sex)] = value
    return table


def latest_periods(indicators, table, area=DALARNA):
    """indicator number → the latest period with a value for the area (None if none)."""
    return {i.number: (None if i.in_development else latest_period(table.get(i.pk, {}), area, i.sexes))
            for i in indicators}


def build_infographic(year=None, focus=None):
    """The infographic for a report year (default: the latest year), Dalarna's or a municipality's.

    With a saved edition for the year, each indicator shows that edition's period; without
    one, the latest period available. "Updated" compares with the previous edition.
    """
    if year is None:
        year = ReportingYear.objects.order_by("-year").first()
    year_number = year.year if year else None
    editions = list(Edition.objects.select_related("year").filter(year__year__lte=year_number or 9999)
                    .order_by("-year__year")[:2]) if year_number else []
    edition = editions[0] if editions and editions[0].year.year == year_number else None
    previous = next((e for e in editions if e.year.year < year_number), None) if year_number else None

    indicators = list(Indicator.objects.select_related("sub_goal"))
    table = values_by_indicator(indicators)
    share = comparison_share()
    results, groups = [], {}
    for indicator in indicators:
        values = table.get(indicator.pk, {})
        area = focus.code if focus is not None and indicator.level == "K" else DALARNA
        period = None
        if edition is not None and not indicator.in_development:
            frozen = edition.periods.get(indicator.number)
            period = frozen if area == DALARNA else latest_period(values, area, indicator.sexes, until=frozen)
        result = evaluate(indicator, values, area, period=period, share=share,
                          edition_period=previous.periods.get(indicator.number) if previous else None)
        results.append(result)
        groups.setdefault(indicator.sub_goal_id, {"sub_goal": indicator.sub_goal, "results": []})
        groups[indicator.sub_goal_id]["results"].append(result)
    return Infographic(
        year=year_number, title=edition_title(year_number) if year_number else _("Infografik"),
        area=focus.code if focus is not None else DALARNA, focus=focus, results=results,
        groups=sorted(groups.values(), key=lambda g: g["sub_goal"].number), edition=edition,
        previous_edition=previous,
        sources=set(IndicatorValue.objects.order_by().values_list("source", flat=True).distinct()),
    )


class EditionLocked(Exception):
    """The edition of a published year is what the published report showed; it stays."""


@transaction.atomic
def save_edition(year, user=None):
    """Freeze the infographic of a report year: per indicator, the latest period available now.

    Saved by hand by RSS, and automatically when the year is published (signals.py). Saving
    again replaces it, until the year is published: then it is kept (EditionLocked).
    """
    if year.is_published and Edition.objects.filter(year=year).exists():
        raise EditionLocked(_("%(title)s hör till en publicerad rapport och kan inte ändras.")
                            % {"title": edition_title(year.year)})
    indicators = list(Indicator.objects.all())
    periods = latest_periods(indicators, values_by_indicator(indicators))
    edition, _created = Edition.objects.update_or_create(year=year, defaults={"periods": periods,
                                                                              "created_by": user})
    return edition


def indicator_series(number, areas=(DALARNA,)):
    """One indicator over time: [(period, area, sex, value)] in order, for charts (one query)."""
    return list(IndicatorValue.objects.filter(indicator__number=number, area__in=list(areas))
                .order_by("period", "area", "sex").values_list("period", "area", "sex", "value"))
