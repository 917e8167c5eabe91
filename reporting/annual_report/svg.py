"""Plotly figures as static SVG for the report's PDF and self-contained HTML.

kaleido drives Debian's chromium (never a downloaded browser). Starting a browser costs
about 2 s, so one sync server is started per process and kept; each figure then takes
about 0,15 s. The SVG is cached in the database by a hash of the figure's JSON, so an
unchanged chart is not drawn again on the next build.
"""

import hashlib
import json
import logging
import os
import threading

from reporting.models import ChartImage

os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")
# kaleido and its browser driver log every tab at INFO; a build should print only its own report.
for _name in ("kaleido", "choreographer", "logistro"):
    logging.getLogger(_name).setLevel(logging.WARNING)

WIDTH = 760  # px at 96 dpi: a little wider than the A4 text column, scaled down in print
_lock = threading.Lock()
_server_started = False


def figure_key(figure):
    """SHA-256 of the figure's canonical JSON (figure is a plotly dict or Figure)."""
    data = figure if isinstance(figure, dict) else json.loads(figure.to_json())
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _draw(figure):
    global _server_started
    import kaleido
    import plotly.graph_objects as go

    fig = go.Figure(figure) if isinstance(figure, dict) else figure
    width, height = fig.layout.width or WIDTH, fig.layout.height or 380
    with _lock:
        if not _server_started:
            kaleido.start_sync_server(silence_warnings=True)
            _server_started = True
        data = kaleido.calc_fig_sync(fig, opts={"format": "svg", "width": width, "height": height})
    return data.decode("utf-8")


def svg_for(figure):
    """The SVG text of a figure, drawn once per distinct figure."""
    key = figure_key(figure)
    cached = ChartImage.objects.filter(key=key).values_list("svg", flat=True).first()
    if cached is not None:
        return cached
    svg = _draw(figure)
    ChartImage.objects.get_or_create(key=key, defaults={"svg": svg})
    return svg
