"""What every chart shares: the portal's plotly style, and the context the template
`gnv_portal/_chart.html` needs to show a figure interactively with a table alternative.

Each app builds its figures (plotly Figure objects) in its own `charts.py`; the web
page, the PDF and the exports all use the same figure.
"""

import json

import plotly.graph_objects as go

# Colours with at least 3:1 contrast against white (WCAG 2.1 1.4.11, non-text contrast).
COLORS = ["#0b3d63", "#c8501e", "#2e7d32", "#6a1b9a", "#8d6e00", "#00695c"]
FONT = "DejaVu Sans, Arial, sans-serif"


def styled(fig: go.Figure, *, height=380) -> go.Figure:
    """Apply the portal's look: Swedish separators ("3,5", "1 894 630"), font, colours."""
    fig.update_layout(
        # No plotly theme: everything the look needs is set here, and the default theme
        # would add some 6 kB of JSON to every chart on a page.
        template="none",
        separators=", ",
        font={"family": FONT, "size": 13, "color": "#212529"},
        colorway=COLORS,
        paper_bgcolor="white",
        plot_bgcolor="white",
        height=height,
        margin={"l": 60, "r": 20, "t": 30, "b": 60},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    fig.update_yaxes(gridcolor="#d0d5da", zerolinecolor="#adb5bd")
    return fig


def chart_context(fig, *, chart_id, title, caption, columns, rows, csv_url=None):
    """Context for templates/gnv_portal/_chart.html.

    `columns` and `rows` are the table alternative: the same numbers the chart shows,
    already formatted for display (e.g. with gnv_portal.formatting).
    """
    return {
        "id": chart_id,
        "data_id": f"{chart_id}-data",
        "title": title,
        "caption": caption,
        "figure": json.loads(fig.to_json()),
        "columns": columns,
        "rows": rows,
        "csv_url": csv_url,
    }
