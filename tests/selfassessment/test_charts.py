"""Figure builders: Figur 2 and the Bilaga 3 histograms, each with a table alternative."""

import pytest

from selfassessment import charts

pytestmark = pytest.mark.django_db


def test_figure_2_groups_last_year_and_this_year(year_2023, year_2024, make_answer):
    make_answer(year_2023, "Falun", "f", [3, 3, 3, 3, 2])
    make_answer(year_2024, "Falun", "f", [4, 3, 3, 3, 2])
    make_answer(year_2024, "Mora", "m", [3, 3, 3, 3, 2])
    chart = charts.means_chart(2024)
    assert [t.name for t in chart.figure.data] == ["2023", "2024"]
    assert list(chart.figure.data[1].y) == [3.5, 3, 3, 3, 2]
    assert chart.figure.layout.barmode == "group" and chart.figure.layout.separators == ", "
    assert chart.columns == ["Delmål", "2023", "2024", "Förändring"]
    assert chart.rows[0] == ["1. Nära för mig", "3,0", "3,5", "+0,5"]


def test_histogram_shows_half_steps_as_their_own_bars_only_when_present(year_2024, make_answer):
    make_answer(year_2024, "Södra Dalarna", "a", [3, 3, 3, 3, 3])
    make_answer(year_2024, "Södra Dalarna", "b", [3, 3, 4, 3, 3])
    make_answer(year_2024, "Falun", "f", [3, 3, 4, 3, 3])
    first, _, third, _, _ = charts.histograms(2024)
    assert list(first.figure.data[0].x) == ["1. Stämmer inte alls", "2. Stämmer ganska dåligt",
                                            "3. Stämmer ganska bra", "4. Stämmer bra", "5. Stämmer mycket bra"]
    assert list(third.figure.data[0].x)[3] == "3,5"
    assert list(third.figure.data[0].y) == [0, 0, 0, 1, 1, 0]
    assert third.title == "Delmål 3 – Nära i hela Dalarna"
    assert third.rows[3] == ["3,5", "1"]


def test_results_page_shows_charts_and_tables_for_rss(client_for, rss_user, year_2024, make_answer):
    from django.urls import reverse

    make_answer(year_2024, "Falun", "f", [4, 3, 3, 3, 2])
    page = client_for(rss_user).get(reverse("selfassessment:results", args=[2024])).content.decode()
    assert page.count('class="plotly-chart"') == 6 and "Visa uppgifterna som tabell" in page
    assert "1 av 13 lokala systemledningar har besvarat självskattningen." in page
    assert "vendor/plotly/plotly.min.js" in page


def test_results_page_is_for_rss_only(client_for, falun_rep, reader, year_2024):
    from django.urls import reverse

    for user in (falun_rep, reader):
        assert client_for(user).get(reverse("selfassessment:results", args=[2024])).status_code == 403
