"""The dashboards for Välfärdsrådet (issue 8): each view's data and figures as plain functions.

Every panel is a `Panel`: the plotly figure, its table alternative and the CSV, all from the
same rows, so the CSV holds exactly what the chart and table show. The figures come from the
same functions the annual report uses (selfassessment.charts, reporting.municipal.figures,
infographic.rules/results) wherever one exists.

Readers see published years only (`visible_years`); only submitted answers count, and no free
text of single organisations is shown. Every function runs a fixed number of queries whatever
the number of years.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import plotly.graph_objects as go
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gnv_portal.charts import COLORS, chart_context, styled
from gnv_portal.formatting import sv_number
from gnv_portal.models import LocalLeadership, Municipality, ReportingYear, ResponseStatus, SubGoal
from infographic import rules
from infographic.areas import area_names
from infographic.models import Edition, Indicator, IndicatorValue, Level
from infographic.results import DALARNA, build_infographic, comparison_share, values_by_indicator
from reporting.models import EconomicReport, SurveyResponse
from reporting.municipal import economy, exports, figures
from selfassessment import charts as sa_charts
from selfassessment import stats as sa_stats
from selfassessment.models import LeadershipMapping, SelfAssessment

DASH = "–"


class FilterError(Exception):
    """A filter value that is unknown or not visible to the user (the view answers 404)."""


@dataclass
class Panel:
    """One chart of a dashboard: figure, table (display text) and CSV (plain values)."""

    id: str
    title: str
    caption: str
    figure: go.Figure
    columns: list
    rows: list  # values for the CSV: numbers stay numbers
    shown: list  # the same rows formatted for the table

    def chart(self, csv_url=None):
        return chart_context(self.figure, chart_id=self.id, title=self.title, caption=self.caption,
                             columns=self.columns, rows=self.shown, csv_url=csv_url)

    def csv(self):
        return exports.csv_text(self.columns, [[_csv_value(v) for v in row] for row in self.rows])


def _csv_value(value):
    """Decimal comma and no trailing zeros (56,2 rather than 56.2000), as in the portal's other CSVs."""
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",")
    return value


def from_chart(panel_id, chart):
    """A Panel of a selfassessment.charts.Chart (its rows are already display text)."""
    return Panel(id=panel_id, title=chart.title, caption=chart.caption, figure=chart.figure,
                 columns=chart.columns, rows=chart.rows, shown=chart.rows)


# --- filters -------------------------------------------------------------------------------


def visible_years(include_unpublished=False):
    """Reporting years the user may see, oldest first: published ones, or all of them for RSS."""
    years = ReportingYear.objects.order_by("year")
    if not include_unpublished:
        years = years.filter(status=ReportingYear.Status.PUBLISHED)
    return list(years)


@dataclass
class Filters:
    """The filters of a dashboard page, read from and written back to the query string."""

    years: list  # visible ReportingYears, oldest first
    year: ReportingYear | None = None
    subgoal: SubGoal | None = None
    municipality: Municipality | None = None
    indicator: Indicator | None = None
    subgoals: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    indicators: list = field(default_factory=list)

    @property
    def year_numbers(self):
        return [y.year for y in self.years]

    @property
    def previous_year(self):
        """Last year, when the user may see it."""
        if self.year is None:
            return None
        return next((y for y in self.years if y.year == self.year.year - 1), None)

    def params(self):
        """The query string parameters of the filters set (for links and the CSV)."""
        params = {}
        if self.year is not None:
            params["ar"] = self.year.year
        if self.subgoal is not None:
            params["delmal"] = self.subgoal.number
        if self.municipality is not None:
            params["kommun"] = self.municipality.code
        if self.indicator is not None:
            params["nyckeltal"] = self.indicator.number
        return params


def _pick(value, choices, key):
    if value in (None, ""):
        return None
    found = next((c for c in choices if str(key(c)) == str(value)), None)
    if found is None:
        raise FilterError(value)
    return found


def parse_filters(params, years, *, subgoals=False, municipalities=False, indicators=False):
    """Filters from the query string. An unknown value, or a year the user may not see, raises
    FilterError; a missing year means the latest visible one."""
    filters = Filters(years=years)
    filters.year = _pick(params.get("ar"), years, lambda y: y.year) or (years[-1] if years else None)
    if subgoals:
        filters.subgoals = list(SubGoal.objects.order_by("number"))
        filters.subgoal = _pick(params.get("delmal"), filters.subgoals, lambda g: g.number)
    if municipalities:
        filters.municipalities = sorted(Municipality.objects.all(), key=lambda m: figures.swedish_sort_key(m.name))
        filters.municipality = _pick(params.get("kommun"), filters.municipalities, lambda m: m.code)
    if indicators:
        filters.indicators = list(Indicator.objects.select_related("sub_goal"))
        filters.indicator = _pick(params.get("nyckeltal"), filters.indicators, lambda i: i.number)
    return filters


def _percent(part, whole):
    return None if not whole or part is None else round(100 * part / whole, 1)


def _pct_text(value):
    return DASH if value is None else f"{sv_number(value, 1)}\u00a0%"


# --- overview ------------------------------------------------------------------------------


def completeness(year):
    """[(part, submitted, total, share %)] for the year's four collections; five queries."""
    leaderships = LocalLeadership.objects.count()
    municipalities = Municipality.objects.count()
    submitted = ResponseStatus.SUBMITTED
    counts = [
        (_("Självskattning (systemledningar)"),
         SelfAssessment.objects.filter(year=year, status=submitted).values("leadership").distinct().count(),
         leaderships),
        (_("Kartläggning (systemledningar)"),
         LeadershipMapping.objects.filter(year=year, status=submitted).count(), leaderships),
        (_("Kommunenkät (kommuner)"),
         SurveyResponse.objects.filter(questionnaire__year=year, status=submitted).count(), municipalities),
        (_("Ekonomisk redovisning (kommuner)"),
         EconomicReport.objects.filter(year=year, status=submitted).count(), municipalities),
    ]
    return [(label, done, total, _percent(done, total)) for label, done, total in counts]


def completeness_panel(year):
    rows = completeness(year)
    ordered = list(reversed(rows))
    fig = go.Figure(go.Bar(
        x=[r[3] or 0 for r in ordered], y=[r[0] for r in ordered], orientation="h",
        text=[f"{r[1]} av {r[2]}" for r in ordered], textposition="auto",
        hovertemplate="%{y}: %{x:.1f} %<extra></extra>",
    ))
    styled(fig, height=300)
    fig.update_layout(margin={"l": 20, "r": 20, "t": 20, "b": 50})
    fig.update_xaxes(title=_("Andel inskickade (%)"), range=[0, 100])
    fig.update_yaxes(automargin=True)
    return Panel(
        id="inskickat", title=_("Inskickade svar %(year)s") % {"year": year.year},
        caption=_("Andel av systemledningarna och kommunerna som skickat in sina svar för %(year)s.")
        % {"year": year.year},
        figure=fig, columns=[_("Del"), _("Inskickade"), _("Totalt"), _("Andel (%)")],
        rows=[list(r) for r in rows],
        shown=[[label, sv_number(done), sv_number(total), _pct_text(share)] for label, done, total, share in rows],
    )


def key_messages(year):
    """The generated summaries of the year: the infographic's 'Resultat i korthet' and the
    self-assessment's highest and lowest delmål (report 3.1.1 and 3.2)."""
    summary = sa_stats.year_summary(year)
    names = {s.number: f"{s.number}. {s.name}" for s in summary.subgoals}
    self_assessment = []
    if summary.answered:
        self_assessment.append(_("%(answered)s av %(total)s lokala systemledningar har svarat på självskattningen.")
                               % {"answered": summary.answered, "total": summary.leaderships})
        if summary.highest:
            self_assessment.append(_("Högst medelvärde: %(goals)s.")
                                   % {"goals": ", ".join(names[n] for n in summary.highest)})
        if summary.lowest:
            self_assessment.append(_("Lägst medelvärde: %(goals)s.")
                                   % {"goals": ", ".join(names[n] for n in summary.lowest)})
    return {"infographic": infographic_summary(year), "self_assessment": self_assessment}


SUMMARY_SECONDS = 600


def infographic_summary(year):
    """The infographic's summary blocks of the year, cached: building it reads every value of the
    20 indicators (half a second at national scale with ten years), while what it depends on
    rarely changes. The key follows the year's edition and the newest value, and the cache
    lives ten minutes at most, so a new import or a saved edition shows soon."""
    edition = Edition.objects.filter(year=year).values_list("created_at", flat=True).first()
    newest = IndicatorValue.objects.order_by("-pk").values_list("pk", flat=True).first()
    key = f"gnv:dashboard-summary:{year.year}:{edition.isoformat() if edition else '-'}:{newest}:{get_language()}"
    blocks = cache.get(key)
    if blocks is None:
        blocks = build_infographic(year).summary.blocks()
        cache.set(key, blocks, SUMMARY_SECONDS)
    return blocks


# --- self-assessment -----------------------------------------------------------------------


def subgoal_trend_panel(filters):
    """Mean per delmål per year over all visible years (lines); only the chosen delmål if one is set."""
    numbers = filters.year_numbers
    means = sa_stats.means_by_year(numbers)
    goals = [g for g in (filters.subgoals or SubGoal.objects.order_by("number"))
             if filters.subgoal is None or g.number == filters.subgoal.number]
    fig = go.Figure()
    for goal in goals:
        values = [means.get(n, {}).get(goal.number) for n in numbers]
        fig.add_scatter(x=[str(n) for n in numbers], y=values, mode="lines+markers", name=f"{goal.number}. {goal.name}",
                        hovertemplate="%{x}: %{y:.1f}<extra>" + f"{goal.number}. {goal.name}" + "</extra>")
    fig.update_yaxes(range=[1, 5], dtick=0.5, title_text=_("Medelvärde (1–5)"))
    fig.update_xaxes(type="category", title_text=_("År"))
    styled(fig)
    columns = [_("År")] + [f"{g.number}. {g.name}" for g in goals]
    rows = [[n] + [_round(means.get(n, {}).get(g.number)) for g in goals] for n in numbers]
    return Panel(
        id="medel-over-ar", title=_("Medelvärde per delmål och år"),
        caption=_("De lokala systemledningarnas genomsnittliga självskattning per delmål och år "
                  "(varje systemlednings skattning väger lika)."),
        figure=fig, columns=columns, rows=rows,
        shown=[[str(r[0])] + [sv_number(v, 1) for v in r[1:]] for r in rows],
    )


def _round(value, decimals=1):
    return None if value is None else round(value, decimals)


def distribution_panel(filters, summary):
    """Bilaga 3's histogram of the chosen delmål (delmål 1 when none is chosen) in the chosen year;
    `summary` is sa_stats.subgoal_stats(filters.year)."""
    number = filters.subgoal.number if filters.subgoal else 1
    found = next((s for s in summary if s.number == number), None)
    if found is None:
        return None
    panel = from_chart("fordelning", sa_charts.histogram(found))
    panel.title = _("Fördelning %(year)s: %(title)s") % {"year": filters.year.year, "title": panel.title}
    return panel


def compare_panel(filters, summary):
    """Figur 2: this year beside last year, only when the user may see last year (the summary
    holds last year's means whether it is published or not)."""
    if filters.previous_year is None:
        return None
    return from_chart("jamforelse", sa_charts.means_chart_of(summary, filters.year.year))


def self_assessment_panels(filters):
    """The three panels of the self-assessment dashboard; a fixed number of queries."""
    summary = sa_stats.subgoal_stats(filters.year)
    return [subgoal_trend_panel(filters), distribution_panel(filters, summary), compare_panel(filters, summary)]


# --- indicator explorer ----------------------------------------------------------------------


def _sex_name(sex):
    return str(rules.SEX_LABELS.get(sex, sex))


def indicator_data(indicator, last_period=None):
    """(area, period, sex) → value of one indicator, periods up to `last_period`; one query."""
    values = values_by_indicator([indicator]).get(indicator.pk, {})
    if last_period is None:
        return values
    return {key: value for key, value in values.items() if key[1] <= last_period}


def indicator_series_panel(indicator, values, area, names):
    """The indicator over the years: the area in focus (Dalarna or a municipality) against the
    country, per sex where the indicator is split."""
    areas = [area, rules.COUNTRY]
    sexes = [str(s) for s in indicator.sexes]
    periods = sorted({p for (a, p, s) in values if a in areas and s in sexes})
    if not periods:
        return None
    series = [(a, s) for a in areas for s in sexes]
    fig = go.Figure()
    for a, s in series:
        label = names.get(a, a) if len(sexes) == 1 else f"{names.get(a, a)} – {_sex_name(s)}"
        fig.add_scatter(x=[str(p) for p in periods], y=[_float(values.get((a, p, s))) for p in periods],
                        mode="lines+markers", name=label, line={"dash": "dot" if a == rules.COUNTRY else "solid"},
                        hovertemplate="%{x}: %{y}<extra>" + label + "</extra>")
    fig.update_xaxes(type="category", title_text=_("Period"))
    fig.update_yaxes(title_text=indicator.unit or _("Värde"), rangemode="tozero")
    styled(fig)
    columns = [_("Period")] + [
        names.get(a, a) if len(sexes) == 1 else f"{names.get(a, a)} – {_sex_name(s)}" for a, s in series]
    rows = [[p] + [values.get((a, p, s)) for a, s in series] for p in periods]
    return Panel(
        id="nyckeltal-over-tid", title=f"{indicator.number} {indicator.title}",
        caption=_("%(area)s jämfört med riket över tid. Källa: Kolada.") % {"area": names.get(area, area)},
        figure=fig, columns=columns, rows=rows,
        shown=[[str(r[0])] + [rules.display(v, indicator.unit, indicator.decimals) for v in r[1:]] for r in rows],
    )


def _float(value):
    return None if value is None else float(value)


def municipalities_panel(indicator, values, municipalities, focus=None):
    """Kommun-level indicators: all Dalarna municipalities side by side in the latest period."""
    codes = {m.code for m in municipalities}
    sexes = [str(s) for s in indicator.sexes]
    periods = [p for (a, p, s), v in values.items() if a in codes and s in sexes and v is not None]
    if not periods:
        return None
    period = max(periods)
    ordered = list(reversed(municipalities))
    fig = go.Figure()
    for s in sexes:
        fig.add_bar(y=[m.name for m in ordered], x=[_float(values.get((m.code, period, s))) for m in ordered],
                    orientation="h", name=_sex_name(s), showlegend=len(sexes) > 1,
                    hovertemplate="%{y}: %{x}<extra>" + _sex_name(s) + "</extra>")
    styled(fig, height=max(360, 26 * len(municipalities) * len(sexes) + 120))
    fig.update_layout(barmode="group", margin={"l": 20, "r": 20, "t": 30, "b": 50})
    fig.update_xaxes(title_text=indicator.unit or _("Värde"), rangemode="tozero")
    fig.update_yaxes(automargin=True)
    columns = [_("Kommun")] + [_sex_name(s) for s in sexes]
    rows = [[m.name] + [values.get((m.code, period, s)) for s in sexes] for m in municipalities]
    caption = _("Dalarnas kommuner, %(period)s.") % {"period": period}
    if focus is not None:
        caption += " " + _("Kommun i fokus: %(name)s.") % {"name": focus.name}
    return Panel(
        id="kommuner", title=_("%(title)s per kommun %(period)s") % {"title": indicator.title, "period": period},
        caption=caption, figure=fig, columns=columns, rows=rows,
        shown=[[r[0]] + [rules.display(v, indicator.unit, indicator.decimals) for v in r[1:]] for r in rows],
    )


def classification(indicator, values, area):
    """rules.evaluate for the area's latest period: per sex the value, trend and comparison."""
    return rules.evaluate(indicator, values, area, share=comparison_share())


def focus_area(indicator, municipality):
    """A municipality in focus only for kommun-level indicators; Dalarna otherwise."""
    return municipality.code if municipality is not None and indicator.level == Level.MUNICIPALITY else DALARNA


def names_for(municipalities):
    names = area_names(municipalities)
    names[DALARNA] = _("Dalarna")
    return names


# --- economy ---------------------------------------------------------------------------------


def economy_rows(years, municipality=None):
    """Submitted economic reports of the years: [{"year", "municipality", "allocated", "surplus",
    "available", "consumed", "unused", "share"}] by year, then Swedish alphabetical order. One query."""
    reports = EconomicReport.objects.filter(year__in=years, status=ResponseStatus.SUBMITTED).select_related(
        "year", "municipality")
    if municipality is not None:
        reports = reports.filter(municipality=municipality)
    rows = []
    for r in reports:
        available = economy.available(r.allocated, r.surplus)
        rows.append({
            "year": r.year.year, "municipality": r.municipality.name, "code": r.municipality.code,
            "allocated": r.allocated, "surplus": r.surplus, "available": available, "consumed": r.consumed,
            "unused": economy.unused(r.allocated, r.surplus, r.consumed),
            "share": _percent(r.consumed, available),
        })
    rows.sort(key=lambda r: (r["year"], figures.swedish_sort_key(r["municipality"])))
    return rows


ECONOMY_COLUMNS = ["year", "municipality", "allocated", "surplus", "available", "consumed", "unused", "share"]


def _economy_columns():
    return [_("År"), _("Kommun"), _("Belopp per kommun"), _("Överskjutande medel"), _("Tillgängliga medel"),
            _("Förbrukade medel"), _("Outnyttjade medel"), _("Andel förbrukad (%)")]


def _economy_shown(row):
    return [str(row["year"]), row["municipality"]] + [sv_number(row[k]) for k in ECONOMY_COLUMNS[2:7]] + [
        _pct_text(row["share"])]


SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star"]
DASHES = ["solid", "dash", "dot"]


def economy_amounts_panel(rows, year_numbers, municipality=None):
    """Allocated, consumed and unused over the years: the sum over the municipalities shown."""
    if not rows:
        return None
    totals = {n: {"allocated": 0, "available": 0, "consumed": 0, "unused": 0} for n in year_numbers}
    for r in rows:
        for key in totals[r["year"]]:
            totals[r["year"]][key] += r[key] or 0
    keys = [("allocated", _("Belopp per kommun")), ("consumed", _("Förbrukade medel")),
            ("unused", _("Outnyttjade medel"))]
    fig = go.Figure([go.Bar(name=label, x=[str(n) for n in year_numbers], y=[totals[n][key] for n in year_numbers],
                            hovertemplate="%{x}: %{y:,d} kr<extra>" + label + "</extra>") for key, label in keys])
    styled(fig)
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category", title_text=_("År"))
    fig.update_yaxes(title_text=_("Kronor"), tickformat=",d")
    table = [[n, totals[n]["allocated"], totals[n]["available"], totals[n]["consumed"], totals[n]["unused"],
              _percent(totals[n]["consumed"], totals[n]["available"])] for n in year_numbers]
    whose = municipality.name if municipality is not None else _("alla kommuner med inskickad redovisning")
    return Panel(
        id="belopp-over-ar", title=_("Tilldelade, förbrukade och outnyttjade medel per år"),
        caption=_("Summa för %(whose)s (kronor).") % {"whose": whose}, figure=fig,
        columns=[_("År"), _("Belopp per kommun"), _("Tillgängliga medel"), _("Förbrukade medel"),
                 _("Outnyttjade medel"), _("Andel förbrukad (%)")],
        rows=table,
        shown=[[str(r[0])] + [sv_number(v) for v in r[1:5]] + [_pct_text(r[5])] for r in table],
    )


def economy_share_panel(rows, year_numbers):
    """Share of the available funds consumed, per municipality over the years (lines)."""
    if not rows:
        return None
    by_municipality = defaultdict(dict)
    for r in rows:
        by_municipality[r["municipality"]][r["year"]] = r["share"]
    fig = go.Figure()
    for index, name in enumerate(sorted(by_municipality, key=figures.swedish_sort_key)):
        # Six colours for fifteen lines: the marker and the dash tell the rest apart.
        fig.add_scatter(x=[str(n) for n in year_numbers], y=[by_municipality[name].get(n) for n in year_numbers],
                        mode="lines+markers", name=name, hovertemplate="%{x}: %{y:.1f} %<extra>" + name + "</extra>",
                        marker={"symbol": SYMBOLS[index % len(SYMBOLS)], "size": 8},
                        line={"dash": DASHES[(index // len(COLORS)) % len(DASHES)]})
    fig.update_xaxes(type="category", title_text=_("År"))
    fig.update_yaxes(title_text=_("Andel förbrukad (%)"), rangemode="tozero")
    styled(fig, height=420)
    return Panel(
        id="andel-forbrukad", title=_("Andel förbrukade medel per kommun och år"),
        caption=_("Förbrukade medel som andel av tillgängliga medel (belopp per kommun + överskjutande medel), "
                  "insatsområde 1. Bara inskickade redovisningar."),
        figure=fig, columns=_economy_columns(), rows=[[r[k] for k in ECONOMY_COLUMNS] for r in rows],
        shown=[_economy_shown(r) for r in rows],
    )


def economy_year_panel(rows, year):
    """Bilaga 1's figure for the chosen year: available and consumed per municipality."""
    chosen = sorted((r for r in rows if r["year"] == year.year), key=lambda r: figures.swedish_sort_key(
        r["municipality"]))
    if not chosen:
        return None
    fig = figures.economy_figure({"rows": chosen})
    return Panel(
        id="ekonomi-ar", title=_("Tillgängliga och förbrukade medel %(year)s") % {"year": year.year},
        caption=_("Tillgängliga och förbrukade medel per kommun %(year)s (kronor).") % {"year": year.year},
        figure=fig, columns=_economy_columns(), rows=[[r[k] for k in ECONOMY_COLUMNS] for r in chosen],
        shown=[_economy_shown(r) for r in chosen],
    )
