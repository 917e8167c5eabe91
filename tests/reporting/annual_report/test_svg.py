"""reporting.annual_report.svg: an unchanged figure is drawn once (cache keyed by the figure's JSON)."""

import plotly.graph_objects as go

from reporting.annual_report import svg
from reporting.models import ChartImage


def test_an_unchanged_figure_is_drawn_once_and_a_changed_one_again(db, monkeypatch):
    drawn = []
    monkeypatch.setattr(svg, "_draw", lambda figure: drawn.append(1) or f"<svg>{len(drawn)}</svg>")
    figure = go.Figure(go.Bar(x=[1, 2], y=[3, 4]))
    assert svg.svg_for(figure) == "<svg>1</svg>"
    assert svg.svg_for(go.Figure(go.Bar(x=[1, 2], y=[3, 4]))) == "<svg>1</svg>"
    assert svg.svg_for(go.Figure(go.Bar(x=[1, 2], y=[3, 5]))) == "<svg>2</svg>"
    assert len(drawn) == 2 and ChartImage.objects.count() == 2


def test_a_real_figure_becomes_vector_svg(db):
    text = svg.svg_for(go.Figure(go.Bar(x=["a", "b"], y=[3, 4])))
    assert text.startswith("<svg") and "<path" in text
