"""Figures of the self-assessment, built once for the web page, the report's PDF and exports.

Each builder returns a `Chart`: the plotly Figure (styled the portal's way) and its
table alternative with the same numbers, formatted the Swedish way."""

from dataclasses import dataclass

import plotly.graph_objects as go
from django.utils.translation import gettext as _

from gnv_portal.charts import COLORS, styled
from gnv_portal.formatting import sv_number
from selfassessment import stats
from selfassessment.models import SCALE


@dataclass
class Chart:
    figure: go.Figure
    title: str
    caption: str
    columns: list
    rows: list


def _goal_label(goal):
    return f"{goal.number}. {goal.name}"


def means_chart(year):
    """Figur 2: the mean rating per delmål, this year beside last year (grouped bars)."""
    return means_chart_of(stats.subgoal_stats(year), stats._year_number(year))


def means_chart_of(summary, number):
    """Figur 2 from subgoal_stats() already computed (the dashboards reuse them for Bilaga 3)."""
    labels = [_goal_label(s) for s in summary]
    fig = go.Figure()
    # Last year first, so this year's bar stands to the right as in the seed's Figur 2.
    for label_year, values, color in [
        (number - 1, [s.previous_mean for s in summary], COLORS[1]),
        (number, [s.mean for s in summary], COLORS[0]),
    ]:
        fig.add_bar(
            name=str(label_year), x=labels, y=values, marker_color=color,
            text=[sv_number(v, 1) if v is not None else "" for v in values], textposition="outside",
            hovertemplate="%{x}: %{y:.1f}<extra>" + str(label_year) + "</extra>",
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(range=[0, 5], dtick=0.5, title_text=_("Medelvärde (1–5)"))
    styled(fig)
    title = _("Medelvärden delmål 1–5, %(prev)s och %(year)s") % {"prev": number - 1, "year": number}
    rows = [[_goal_label(s), sv_number(s.previous_mean, 1), sv_number(s.mean, 1),
             _signed(s.change)] for s in summary]
    return Chart(
        figure=fig, title=title,
        caption=_("Genomsnittliga skattningar för de fem delmålen, avseende %(prev)s respektive %(year)s.")
        % {"prev": number - 1, "year": number},
        columns=[_("Delmål"), str(number - 1), str(number), _("Förändring")], rows=rows,
    )


def _signed(value):
    if value is None:
        return "–"
    text = sv_number(value, 1)
    return ("+" + text) if value > 0.05 else text


def _step_label(step):
    """Whole steps carry the scale label; half steps are their own bar named "2,5"."""
    if step == int(step):
        return f"{int(step)}. {dict(SCALE)[int(step)]}"
    return sv_number(step, 1)


def histogram(subgoal_stats):
    """Bilaga 3: number of leaderships per rating for one delmål. Half steps appear as their
    own bars when a leadership's representatives differed (3 and 4 give a bar at 3,5)."""
    steps = [s for s in stats.HALF_STEPS if s == int(s) or subgoal_stats.bins.get(s)]
    labels = [_step_label(s) for s in steps]
    counts = [subgoal_stats.bins.get(s, 0) for s in steps]
    fig = go.Figure()
    fig.add_bar(x=labels, y=counts, marker_color=COLORS[0], text=counts, textposition="outside",
                hovertemplate="%{x}: %{y}<extra></extra>", showlegend=False)
    fig.update_yaxes(title_text=_("Antal systemledningar"), rangemode="tozero", dtick=1)
    fig.update_xaxes(type="category")
    styled(fig, height=320)
    title = _("Delmål %(n)s – %(name)s") % {"n": subgoal_stats.number, "name": subgoal_stats.name}
    return Chart(
        figure=fig, title=title, caption=subgoal_stats.statement,
        columns=[_("Skattning"), _("Antal systemledningar")],
        rows=[[label, str(count)] for label, count in zip(labels, counts, strict=True)],
    )


def histograms(year):
    """One histogram per delmål (Bilaga 3)."""
    return [histogram(s) for s in stats.subgoal_stats(year)]
