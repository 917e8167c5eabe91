"""reporting.annual_report.prose: the generated draft of 3.2.1 and 3.2.2."""

from reporting.annual_report import prose
from selfassessment.stats import SubGoalStats, YearSummary


def _goal(number, name, mean, previous, stdev=0.5):
    return SubGoalStats(number=number, name=name, statement="", n=13, mean=mean, median=mean, min=1, max=5,
                        stdev=stdev, previous_mean=previous, change=None if previous is None else mean - previous)


def _summary(goals, highest, lowest, spread):
    return YearSummary(year=2024, previous_year=2023, answered=13, leaderships=13, applied=7, subgoals=goals,
                       highest=highest, lowest=lowest, largest_spread=spread, max_score=25)


def test_all_but_one_rose_and_one_stayed_the_same_as_in_the_seed():
    goals = [_goal(1, "Nära för mig", 3.8, 3.6), _goal(2, "Nära för alla", 3.5, 3.5),
             _goal(3, "Nära i hela Dalarna", 3.3, 3.1), _goal(4, "Nära mellan oss", 3.4, 3.2),
             _goal(5, "Nära till hälsa", 3.0, 2.8)]
    first, second = prose.means_draft(_summary(goals, [1], [5], [3]))
    assert first.startswith("Skattningarna som avser 2024 är för samtliga delmål utom ett i genomsnitt högre än "
                            "motsvarande resultat avseende 2023")
    assert "För delmål 2, ”Nära för alla” är det genomsnittliga resultatet detsamma för både 2023 och 2024." in first
    assert second == ("Delmål med lägst genomsnittlig skattning var 5, ”Nära till hälsa”, medan delmål 1, "
                      "”Nära för mig” skattades högst.")


def test_a_fall_is_named_and_a_year_without_last_year_has_no_comparison():
    goals = [_goal(1, "Nära för mig", 3.0, 3.6), _goal(2, "Nära för alla", 3.5, 3.1)]
    text = prose.means_draft(_summary(goals, [2], [1], [1]))[0]
    assert "För delmål 1, ”Nära för mig” är det genomsnittliga resultatet lägre än 2023." in text
    fresh = [_goal(1, "Nära för mig", 3.0, None), _goal(2, "Nära för alla", 3.5, None)]
    assert prose.means_draft(_summary(fresh, [2], [1], [1]))[0].startswith("Delmål med lägst")


def test_the_largest_spread_is_named():
    goals = [_goal(3, "Nära i hela Dalarna", 3.3, 3.1, stdev=1.2)]
    assert prose.spread_draft(_summary(goals, [3], [3], [3]))[0].startswith(
        "Spridningen mellan systemledningarnas skattningar är allra störst för delmål 3, ”Nära i hela Dalarna”.")
    assert prose.spread_draft(_summary([], [], [], [])) == []
