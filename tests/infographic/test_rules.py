"""Trend, comparison with others and the judgement of one indicator, on hand-made data."""

from decimal import Decimal

import pytest

from infographic import rules
from infographic.rules import BETTER, MIDDLE, SAME, WORSE
from tests.infographic.conftest import D, Spec

# --- trend -----------------------------------------------------------------------


def test_trend_higher_is_better():
    assert rules.trend(D("61.2"), D("58.0"), "higher", 1) == BETTER
    assert rules.trend(D("58.0"), D("61.2"), "higher", 1) == WORSE


def test_trend_lower_is_better_turns_the_judgement_around():
    assert rules.trend(D("14.1"), D("15.0"), "lower", 1) == BETTER
    assert rules.trend(D("15.0"), D("14.1"), "lower", 1) == WORSE


def test_trend_is_the_same_within_the_indicators_rounding():
    assert rules.trend(D("61.24"), D("61.16"), "higher", 1) == SAME
    assert rules.trend(D("61.26"), D("61.14"), "higher", 1) == BETTER
    assert rules.trend(D("84.4"), D("83.6"), "higher", 0) == SAME


def test_trend_rounds_half_up_like_the_displayed_value():
    # 2.25 is shown as 2,3 and 2.34 too: the reader sees no change.
    assert rules.trend(D("2.25"), D("2.34"), "higher", 1) == SAME


@pytest.mark.parametrize(("current", "previous", "direction"), [
    (None, D(1), "higher"), (D(1), None, "higher"), (D(2), D(1), "none"),
])
def test_no_trend_without_two_values_or_without_direction(current, previous, direction):
    assert rules.trend(current, previous, direction, 1) is None


# --- comparison with others ------------------------------------------------------------

EIGHT = [D(v) for v in range(1, 9)]  # quarters of 8 areas: 2 top, 4 middle, 2 bottom


@pytest.mark.parametrize(("value", "expected"), [
    (8, BETTER), (7, BETTER), (6, MIDDLE), (3, MIDDLE), (2, WORSE), (1, WORSE),
])
def test_comparison_quartile_edges_higher_is_better(value, expected):
    assert rules.comparison(D(value), EIGHT, "higher", 0) == expected


@pytest.mark.parametrize(("value", "expected"), [(1, BETTER), (2, BETTER), (3, MIDDLE), (7, WORSE), (8, WORSE)])
def test_comparison_lower_is_better(value, expected):
    assert rules.comparison(D(value), EIGHT, "lower", 0) == expected


def test_comparison_with_21_regions_gives_five_top_and_five_bottom():
    values = [D(v) for v in range(1, 22)]
    outcome = [rules.comparison(v, values, "higher", 0) for v in values]
    assert outcome.count(BETTER) == 5 and outcome.count(WORSE) == 5 and outcome.count(MIDDLE) == 11
    assert outcome[16] == BETTER and outcome[15] == MIDDLE


def test_tied_areas_share_the_better_place():
    values = [D(v) for v in [1, 2, 3, 4, 5, 6, 7, 7]]
    assert rules.comparison(D(7), values, "higher", 0) == BETTER
    tied_at_edge = [D(v) for v in [1, 2, 3, 4, 5, 6, 6, 8]]
    # Two areas share second place: both are in the top quarter.
    assert rules.comparison(D(6), tied_at_edge, "higher", 0) == BETTER


def test_ties_are_judged_at_the_indicators_rounding():
    values = [D(v) for v in ["1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.02", "8.0"]]
    assert rules.comparison(D("7.04"), values, "higher", 1) == BETTER
    assert rules.comparison(D("6.96"), values, "higher", 1) == BETTER  # 7,0 ties with 7,02 → second place


def test_everyone_equal_is_the_middle():
    values = [D(5)] * 8
    assert rules.comparison(D(5), values, "higher", 0) == MIDDLE


def test_missing_values_take_no_part_in_the_comparison():
    values = EIGHT + [None, None, None, None]
    assert rules.comparison(D(7), values, "higher", 0) == BETTER
    assert rules.comparison(None, values, "higher", 0) is None


def test_too_few_areas_for_quarters_is_the_middle():
    assert rules.comparison(D(3), [D(1), D(2), D(3)], "higher", 0) == MIDDLE


def test_fact_indicators_get_no_comparison():
    assert rules.comparison(D(8), EIGHT, "none", 0) is None


def test_the_share_can_be_configured():
    values = [D(v) for v in range(1, 11)]
    assert rules.comparison(D(8), values, "higher", 0, share=Decimal("0.3")) == BETTER
    assert rules.comparison(D(8), values, "higher", 0) == MIDDLE


# --- areas ---------------------------------------------------------------------------


def test_regions_municipalities_and_the_country_are_told_apart():
    assert rules.is_region("0020") and not rules.is_region("0000") and not rules.is_region("2080")
    assert rules.is_municipality("2080") and not rules.is_municipality("0020")
    assert not rules.is_municipality("G12345")


# --- one indicator ----------------------------------------------------------------------


def regions(period, values, sex="T"):
    codes = ["0001", "0003", "0004", "0005", "0006", "0007", "0008", "0009"]
    return {(code, period, sex): D(v) for code, v in zip(codes, values, strict=False)}


def test_evaluate_uses_the_latest_period_and_the_previous_measurement():
    values = {**regions(2024, [1, 2, 3, 4, 5, 6, 7]), ("0020", 2024, "T"): D(8),
              ("0020", 2022, "T"): D(6), ("0020", 2020, "T"): D(9)}
    result = rules.evaluate(Spec(decimals=0), values, "0020")
    (total,) = result.sexes
    assert result.period == 2024
    assert (total.previous_period, total.previous_value) == (2022, D(6))
    assert total.trend == BETTER and total.comparison == BETTER and total.peer_count == 8
    assert total.text == "8\u00a0%"


def test_evaluate_per_sex():
    values = {**regions(2024, [1, 2, 3, 4, 5, 6, 7], "K"), **regions(2024, [1, 2, 3, 4, 5, 6, 7], "M"),
              ("0020", 2024, "K"): D(1), ("0020", 2024, "M"): D(7),
              ("0020", 2023, "K"): D(1), ("0020", 2023, "M"): D(9)}
    result = rules.evaluate(Spec(sexes=["K", "M"], direction="lower", decimals=0), values, "0020")
    women, men = result.sexes
    assert (women.sex, women.comparison, women.trend) == ("K", BETTER, SAME)
    assert (men.sex, men.comparison, men.trend) == ("M", WORSE, BETTER)


def test_a_municipality_is_compared_with_municipalities_only():
    values = {("2080", 2024, "T"): D(5), ("2062", 2024, "T"): D(1), ("0180", 2024, "T"): D(2),
              ("1480", 2024, "T"): D(3), ("0020", 2024, "T"): D(100), ("0001", 2024, "T"): D(200)}
    result = rules.evaluate(Spec(level="K", decimals=0), values, "2080")
    assert result.sexes[0].peer_count == 4
    assert result.sexes[0].comparison == BETTER


def test_fact_indicator_shows_its_value_without_arrow_or_colour():
    values = {**regions(2024, [1, 2, 3, 4, 5, 6, 7]), ("0020", 2024, "T"): D(8), ("0020", 2023, "T"): D(1)}
    result = rules.evaluate(Spec(direction="none", decimals=0), values, "0020")
    assert result.is_fact and not result.is_judged
    assert result.sexes[0].value == D(8)
    assert result.sexes[0].trend is None and result.sexes[0].comparison is None


def test_indicator_under_development_gets_no_value():
    values = {("0020", 2024, "T"): D(8)}
    result = rules.evaluate(Spec(in_development=True), values, "0020")
    assert result.in_development and result.sexes == [] and result.period is None and not result.updated


def test_a_missing_latest_value_is_shown_as_missing_not_zero():
    values = {("0020", 2024, "K"): D(50), ("0020", 2024, "M"): None, ("0020", 2023, "M"): D(40)}
    result = rules.evaluate(Spec(sexes=["K", "M"]), values, "0020")
    men = result.sexes[1]
    assert men.value is None and men.text == "–" and men.trend is None and men.comparison is None


def test_a_fixed_period_is_shown_even_when_later_values_exist():
    values = {("0020", 2024, "T"): D(8), ("0020", 2023, "T"): D(6), ("0020", 2022, "T"): D(7)}
    result = rules.evaluate(Spec(decimals=0), values, "0020", period=2023)
    assert result.period == 2023 and result.sexes[0].value == D(6) and result.sexes[0].trend == WORSE


@pytest.mark.parametrize(("period", "edition_period", "updated"), [
    (2024, 2023, True), (2023, 2023, False), (2024, None, True), (None, None, False),
])
def test_updated_means_a_later_period_than_the_previous_edition(period, edition_period, updated):
    assert rules.is_updated(period, edition_period) is updated
