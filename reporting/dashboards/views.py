"""The dashboards for Välfärdsrådet: readers and RSS. Each view checks access, reads the filters
from the query string, calls reporting.dashboards.panels and renders; `?csv=<panel>` answers with the
CSV of exactly that panel under the same filters."""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from gnv_portal import access
from reporting.dashboards import panels
from reporting.models import ReportVersion


def _filters(request, **choices):
    years = panels.visible_years(include_unpublished=access.is_rss(request.user))
    try:
        return panels.parse_filters(request.GET, years, **choices)
    except panels.FilterError:
        # An unknown value and a year the reader may not see look the same.
        raise Http404 from None


def _url(request, filters, **extra):
    return request.path + "?" + urlencode({**filters.params(), **extra})


def _page(request, template, filters, shown, **context):
    context["page_title"] = TITLES[template]
    shown = [p for p in shown if p is not None]
    wanted = request.GET.get("csv")
    if wanted is not None:
        panel = next((p for p in shown if p.id == wanted), None)
        if panel is None:
            raise Http404
        suffix = "-".join(str(v) for v in filters.params().values()).replace(".", "_")
        response = HttpResponse("\ufeff" + panel.csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{panel.id}{"-" + suffix if suffix else ""}.csv"'
        return response
    charts = [p.chart(csv_url=_url(request, filters, csv=p.id)) for p in shown]
    return render(request, template, {"filters": filters, "charts": charts, **context})


TITLES = {
    "reporting/dashboard/overview.html": gettext_lazy("Översikt per år"),
    "reporting/dashboard/self_assessment.html": gettext_lazy("Självskattning över åren"),
    "reporting/dashboard/indicators.html": gettext_lazy("Nyckeltal över åren"),
    "reporting/dashboard/economy.html": gettext_lazy("Ekonomi över åren"),
}


def report_url(year):
    """The year's report page, when a version of it is published (readers see only those)."""
    if ReportVersion.objects.filter(year=year, published=True, withdrawn_at__isnull=True).exists():
        return reverse("reporting:report", args=[year.year])
    return None


@access.reader_required
@require_GET
def overview(request):
    filters = _filters(request)
    if filters.year is None:
        return _page(request, "reporting/dashboard/overview.html", filters, [])
    return _page(
        request, "reporting/dashboard/overview.html", filters, [panels.completeness_panel(filters.year)],
        key_messages=panels.key_messages(filters.year), report_url=report_url(filters.year),
    )


@access.reader_required
@require_GET
def self_assessment(request):
    filters = _filters(request, subgoals=True)
    shown = []
    if filters.year is not None:
        shown = panels.self_assessment_panels(filters)
    return _page(request, "reporting/dashboard/self_assessment.html", filters, shown)


@access.reader_required
@require_GET
def indicators(request):
    filters = _filters(request, municipalities=True, indicators=True)
    if filters.year is None or not filters.indicators:
        return _page(request, "reporting/dashboard/indicators.html", filters, [])
    indicator = filters.indicator or next((i for i in filters.indicators if not i.in_development),
                                          filters.indicators[0])
    # Periods after the chosen (published) year belong to reports not yet published.
    values = panels.indicator_data(indicator, last_period=filters.year.year)
    area = panels.focus_area(indicator, filters.municipality)
    names = panels.names_for(filters.municipalities)
    shown = [panels.indicator_series_panel(indicator, values, area, names)]
    if indicator.level == panels.Level.MUNICIPALITY:
        shown.append(panels.municipalities_panel(indicator, values, filters.municipalities,
                                                      filters.municipality))
    return _page(
        request, "reporting/dashboard/indicators.html", filters, shown, indicator=indicator,
        result=panels.classification(indicator, values, area), area_name=names.get(area, area),
        focus_ignored=filters.municipality is not None and area == panels.DALARNA,
    )


@access.reader_required
@require_GET
def economy(request):
    filters = _filters(request, municipalities=True)
    shown = []
    if filters.year is not None:
        rows = panels.economy_rows(filters.years, filters.municipality)
        shown = [panels.economy_year_panel(rows, filters.year),
                  panels.economy_amounts_panel(rows, filters.year_numbers, filters.municipality),
                  panels.economy_share_panel(rows, filters.year_numbers)]
    return _page(request, "reporting/dashboard/economy.html", filters, shown)


def nav_links(user):
    """"Översikter" in the main menu for readers and RSS."""
    return [(_("Översikter"), reverse("reporting:dashboard"))] if access.is_reader(user) else []
