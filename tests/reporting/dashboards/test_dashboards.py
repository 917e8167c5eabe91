"""reporting.dashboards.panels: the data behind each dashboard, without HTTP."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gnv_portal.models import Municipality, ReportingYear
from infographic.models import Indicator
from reporting.dashboards import panels
from selfassessment import stats as sa_stats

pytestmark = pytest.mark.django_db


def _filters(params=None, include_unpublished=False, **choices):
    years = panels.visible_years(include_unpublished=include_unpublished)
    return panels.parse_filters(params or {}, years, **choices)


def test_readers_see_only_published_years(dash):
    assert [y.year for y in panels.visible_years()] == [2023, 2024]
    assert [y.year for y in panels.visible_years(include_unpublished=True)] == [2023, 2024, 2025]


def test_filters_default_to_the_latest_visible_year(dash):
    assert _filters().year.year == 2024
    assert _filters(include_unpublished=True).year.year == 2025


def test_an_unpublished_year_in_the_filter_is_refused(dash):
    with pytest.raises(panels.FilterError):
        _filters({"ar": "2025"})


@pytest.mark.parametrize("params", [{"ar": "1999"}, {"ar": "x"}, {"delmal": "9"}, {"kommun": "9999"},
                                    {"nyckeltal": "7.7"}])
def test_unknown_filter_values_are_refused(dash, params):
    with pytest.raises(panels.FilterError):
        _filters(params, subgoals=True, municipalities=True, indicators=True)


def test_filters_give_back_their_query_parameters(dash):
    filters = _filters({"ar": "2023", "delmal": "3", "kommun": "2080", "nyckeltal": "2.1"},
                       subgoals=True, municipalities=True, indicators=True)
    assert filters.params() == {"ar": 2023, "delmal": 3, "kommun": "2080", "nyckeltal": "2.1"}


def test_completeness_counts_submitted_answers_only(dash):
    rows = panels.completeness(dash[2024])
    by_part = {label: (done, total) for label, done, total, _share in rows}
    assert by_part["Självskattning (systemledningar)"] == (2, 13)  # Borlänge's draft does not count
    assert by_part["Kommunenkät (kommuner)"] == (1, 15)
    assert by_part["Ekonomisk redovisning (kommuner)"] == (2, 15)  # Mora's draft does not count


def test_subgoal_trend_has_one_row_per_visible_year_with_the_mean_of_leaderships(dash):
    panel = panels.subgoal_trend_panel(_filters(subgoals=True))
    assert [row[0] for row in panel.rows] == [2023, 2024]
    assert panel.rows[0][1] == 2.5  # delmål 1 in 2023: Falun 3, Mora 2
    assert panel.rows[1][1] == 4.0
    assert panel.shown[0][1] == "2,5"
    assert len(panel.figure.data) == 5


def test_subgoal_trend_shows_only_the_chosen_subgoal(dash):
    panel = panels.subgoal_trend_panel(_filters({"delmal": "2"}, subgoals=True))
    assert panel.columns == ["År", "2. " + panel.columns[1].split(". ", 1)[1]]
    assert [row[1] for row in panel.rows] == [3.0, 3.5]
    assert len(panel.figure.data) == 1


def test_distribution_counts_leaderships_of_the_chosen_year_and_subgoal(dash):
    filters = _filters({"ar": "2023", "delmal": "1"}, subgoals=True)
    panel = panels.distribution_panel(filters, sa_stats.subgoal_stats(filters.year))
    counts = {row[0][:1]: row[1] for row in panel.rows}
    assert counts["2"] == "1" and counts["3"] == "1" and counts["5"] == "0"


def test_comparison_with_last_year_needs_last_year_visible(dash):
    assert [p.id for p in panels.self_assessment_panels(_filters({"ar": "2023"}, subgoals=True)) if p] == [
        "medel-over-ar", "fordelning"]
    panel = panels.self_assessment_panels(_filters({"ar": "2024"}, subgoals=True))[2]
    assert panel.columns[1:3] == ["2023", "2024"]
    assert [row[1:3] for row in panel.rows][0] == ["2,5", "4,0"]


def test_economy_rows_hold_submitted_reports_with_the_share_consumed(dash):
    years = panels.visible_years()
    rows = panels.economy_rows(years)
    assert [(r["year"], r["municipality"]) for r in rows] == [
        (2023, "Avesta"), (2023, "Falun"), (2024, "Avesta"), (2024, "Falun")]
    avesta_2024 = rows[2]
    assert avesta_2024["available"] == 1100000 and avesta_2024["unused"] == 0 and avesta_2024["share"] == 100.0
    assert rows[3]["share"] == 75.0


def test_economy_rows_of_one_municipality(dash):
    rows = panels.economy_rows(panels.visible_years(), Municipality.objects.get(name="Falun"))
    assert {r["municipality"] for r in rows} == {"Falun"}


def test_economy_csv_has_plain_numbers_with_decimal_comma(dash):
    rows = panels.economy_rows(panels.visible_years())
    csv = panels.economy_year_panel(rows, dash[2024]).csv()
    lines = csv.strip().split("\r\n")
    assert lines[0].startswith("År;Kommun;Belopp per kommun")
    assert lines[2] == "2024;Falun;2000000;0;2000000;1500000;500000;75"


def test_indicator_values_stop_at_the_chosen_year(dash):
    indicator = Indicator.objects.get(number="2.1")
    values = panels.indicator_data(indicator, last_period=2024)
    assert max(period for _area, period, _sex in values) == 2024


def test_indicator_series_compares_the_area_with_the_country_per_sex(dash):
    indicator = Indicator.objects.get(number="2.1")
    values = panels.indicator_data(indicator, last_period=2024)
    names = panels.names_for(list(Municipality.objects.all()))
    panel = panels.indicator_series_panel(indicator, values, "2080", names)
    assert panel.columns == ["Period", "Falun – Kvinna", "Falun – Man", "Riket – Kvinna", "Riket – Man"]
    assert [float(v) for v in panel.rows[-1][1:]] == [48.5, 49.5, 50.5, 51.5]
    assert panel.shown[-1][1] == "48,5\u00a0%"


def test_municipalities_panel_lists_dalarnas_municipalities_in_the_latest_period(dash):
    indicator = Indicator.objects.get(number="2.1")
    municipalities = panels.parse_filters({}, [], municipalities=True).municipalities
    values = panels.indicator_data(indicator, last_period=2023)
    panel = panels.municipalities_panel(indicator, values, municipalities)
    assert "2023" in panel.title
    rows = {row[0]: row[1:] for row in panel.rows}
    assert float(rows["Falun"][0]) == 45.0
    assert rows["Gagnef"] == [None, None]
    assert len(panel.rows) == 15


def test_classification_judges_trend_and_comparison(dash):
    indicator = Indicator.objects.get(number="1.1")
    values = panels.indicator_data(indicator, last_period=2024)
    result = panels.classification(indicator, values, "0020")
    assert result.period == 2024
    assert result.sexes[0].trend == "better"  # 12 → 10 days, lower is better


def test_focus_is_dalarna_for_region_level_indicators(dash):
    falun = Municipality.objects.get(name="Falun")
    assert panels.focus_area(Indicator.objects.get(number="1.1"), falun) == "0020"
    assert panels.focus_area(Indicator.objects.get(number="2.1"), falun) == "2080"


def _queries(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def test_queries_do_not_grow_with_the_number_of_years(dash):
    ReportingYear.objects.filter(year=2023).update(status=ReportingYear.Status.DRAFT)
    one = _filters(subgoals=True, municipalities=True)
    ReportingYear.objects.filter(year=2023).update(status=ReportingYear.Status.PUBLISHED)
    two = _filters(subgoals=True, municipalities=True)
    assert len(one.years) == 1 and len(two.years) == 2
    def trend(f):
        return panels.subgoal_trend_panel(f)

    def shares(f):
        return panels.economy_share_panel(panels.economy_rows(f.years), f.year_numbers)

    assert _queries(lambda: trend(one)) == _queries(lambda: trend(two))
    assert _queries(lambda: shares(one)) == _queries(lambda: shares(two))


def test_infographic_summary_is_cached_until_new_values_arrive(dash, monkeypatch):
    from django.core.cache import cache

    from infographic.models import IndicatorValue
    from tests.reporting.dashboards.conftest import FETCHED

    cache.clear()
    calls = []
    real = panels.build_infographic

    def counting(year):
        calls.append(year.year)
        return real(year)

    monkeypatch.setattr(panels, "build_infographic", counting)
    first = panels.infographic_summary(dash[2024])
    assert panels.infographic_summary(dash[2024]) == first
    assert calls == [2024]
    IndicatorValue.objects.create(indicator=Indicator.objects.get(number="1.1"), area="0003", period=2024,
                                  value=1, fetched_at=FETCHED)
    panels.infographic_summary(dash[2024])
    assert calls == [2024, 2024]
