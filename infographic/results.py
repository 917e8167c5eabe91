"""The infographic of a report year, read from the database in a constant number of queries.

`build_infographic(year, focus)` is what the web page, the annual report (issue 7) and the
dashboards call: the 20 indicators judged by `rules.evaluate`, grouped by delmål, with the
edition they belong to and the summary ('Resultat i korthet').
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from gnv_portal.models import ReportingYear
from infographic.models import Edition, Indicator, IndicatorValue, edition_title
from infographic.rules import HIGHER, LOWER, evaluate, is_region, latest_period
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
    """indicator pk → {(area, period, sex): value}: every value of the indicators (the dashboards' explorer)."""
    table = defaultdict(dict)
    rows = IndicatorValue.objects.filter(indicator__in=indicators).values_list(
        "indicator_id", "area", "period", "sex", "value")
    for indicator_id, area, period, sex, value in rows.iterator(chunk_size=5000):
        table[indicator_id][(area, period, sex)] = value
    return table


def latest_periods(indicators, area=DALARNA):
    """indicator number → the latest period with a value for the area (None if none), in one aggregate query."""
    latest = defaultdict(dict)
    rows = (IndicatorValue.objects.filter(indicator__in=indicators, area=area, value__isnull=False).order_by()
            .values("indicator_id", "sex").annotate(last=Max("period")).values_list("indicator_id", "sex", "last"))
    for indicator_id, sex, last in rows:
        latest[indicator_id][sex] = last
    return {i.number: (None if i.in_development else
                       max((p for s, p in latest[i.pk].items() if s in i.sexes), default=None))
            for i in indicators}


def sources():
    """The distinct sources of all values ("kolada", "csv", "demo").

    A loose index scan (a recursive query hopping from one source to the next along the index
    on source) instead of DISTINCT, which reads every value: a few index look-ups whatever the size.
    """
    table, column = (connection.ops.quote_name(name) for name in (IndicatorValue._meta.db_table, "source"))
    sql = (f"WITH RECURSIVE found(source) AS ("
           f"SELECT * FROM (SELECT {column} FROM {table} ORDER BY {column} LIMIT 1) AS lowest "
           f"UNION ALL SELECT (SELECT v.{column} FROM {table} v WHERE v.{column} > found.source "
           f"ORDER BY v.{column} LIMIT 1) FROM found WHERE found.source IS NOT NULL) "
           f"SELECT source FROM found WHERE source IS NOT NULL")
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {row[0] for row in cursor.fetchall()}


def years_and_editions(year):
    """(the year, its saved edition, the latest edition of an earlier year), in one query.

    Without a year, the latest reporting year. Each year comes with its edition (a reverse
    one-to-one join), so an edition's `.year` needs no query of its own.
    """
    years = ReportingYear.objects.select_related("infographic_edition").order_by("-year")
    rows = list(years if year is None else years.filter(year__lte=year.year))
    if year is None and rows:
        year = rows[0]
    editions = [y.infographic_edition for y in rows if hasattr(y, "infographic_edition")]
    edition = next((e for e in editions if e.year.year == year.year), None) if year else None
    previous = next((e for e in editions if e.year.year < year.year), None) if year else None
    return year, edition, previous


def _group(conditions, key, indicator_id):
    conditions.setdefault(key, []).append(indicator_id)


def _rows(conditions, make_q):
    """The values matching any of the grouped conditions, as (indicator_id, area, period, sex, value)."""
    if not conditions:
        return []
    where = Q()
    for key, indicator_ids in conditions.items():
        where |= make_q(key) & Q(indicator_id__in=indicator_ids)
    return IndicatorValue.objects.filter(where).order_by().values_list("indicator_id", "area", "period", "sex", "value")


def _peer_q(key):
    period, sexes, regions = key
    # A superset of the peers (rules.peers_of decides exactly): `evaluate` filters again.
    level = Q(area__startswith="00") if regions else ~Q(area__startswith="00")
    return Q(period=period, sex__in=sexes) & level


def shown_values(indicators, areas, edition):
    """What the cards need, and nothing more: (table, periods).

    `table` maps indicator pk → {(area, period, sex): value} holding every period of the area
    each card shows (for the period and the previous measurement) and, at the period shown,
    the values of its peers (for the comparison). `periods` maps indicator pk → the period to
    show when an edition fixes it (else None: `evaluate` takes the latest). At most two
    queries (none when nothing is shown), whatever the number of periods or areas.
    """
    table = defaultdict(dict)
    own = {}
    active = [i for i in indicators if not i.in_development]
    for indicator in active:
        _group(own, areas[indicator.pk], indicator.pk)
    for indicator_id, area, period, sex, value in _rows(own, lambda area: Q(area=area)):
        table[indicator_id][(area, period, sex)] = value

    periods, peers = {}, {}
    for indicator in active:
        values, area = table[indicator.pk], areas[indicator.pk]
        period = None
        if edition is not None:
            frozen = edition.periods.get(indicator.number)
            period = frozen if area == DALARNA else latest_period(values, area, indicator.sexes, until=frozen)
        periods[indicator.pk] = period
        shown = period if period is not None else latest_period(values, area, indicator.sexes)
        if indicator.direction not in (HIGHER, LOWER) or shown is None:
            continue
        sexes = tuple(str(s) for s in indicator.sexes if values.get((area, shown, s)) is not None)
        if sexes:
            _group(peers, (shown, sexes, is_region(area)), indicator.pk)
    for indicator_id, area, period, sex, value in _rows(peers, _peer_q):
        table[indicator_id][(area, period, sex)] = value
    return table, periods


def build_infographic(year=None, focus=None):
    """The infographic for a report year (default: the latest year), Dalarna's or a municipality's.

    With a saved edition for the year, each indicator shows that edition's period; without
    one, the latest period available. "Updated" compares with the previous edition.
    A constant number of queries, and only the values the cards show are read.
    """
    year, edition, previous = years_and_editions(year)
    year_number = year.year if year else None
    indicators = list(Indicator.objects.select_related("sub_goal"))
    areas = {i.pk: focus.code if focus is not None and i.level == "K" else DALARNA for i in indicators}
    table, periods = shown_values(indicators, areas, edition)
    share = comparison_share()
    results, groups = [], {}
    for indicator in indicators:
        result = evaluate(indicator, table.get(indicator.pk, {}), areas[indicator.pk],
                          period=periods.get(indicator.pk), share=share,
                          edition_period=previous.periods.get(indicator.number) if previous else None)
        results.append(result)
        groups.setdefault(indicator.sub_goal_id, {"sub_goal": indicator.sub_goal, "results": []})
        groups[indicator.sub_goal_id]["results"].append(result)
    return Infographic(
        year=year_number, title=edition_title(year_number) if year_number else _("Infografik"),
        area=focus.code if focus is not None else DALARNA, focus=focus, results=results,
        groups=sorted(groups.values(), key=lambda g: g["sub_goal"].number), edition=edition,
        previous_edition=previous, sources=sources(),
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
    periods = latest_periods(indicators)
    edition, _created = Edition.objects.update_or_create(year=year, defaults={"periods": periods,
                                                                              "created_by": user})
    return edition


def indicator_series(number, areas=(DALARNA,)):
    """One indicator over time: [(period, area, sex, value)] in order, for charts (one query)."""
    return list(IndicatorValue.objects.filter(indicator__number=number, area__in=list(areas))
                .order_by("period", "area", "sex").values_list("period", "area", "sex", "value"))
