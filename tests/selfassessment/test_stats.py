"""The statistics module on hand-computed data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gnv_portal.models import ReportingYear, ResponseStatus
from selfassessment import stats
from selfassessment.models import LeadershipMapping, MemberRole, Polsam
from tests.selfassessment.conftest import leadership

pytestmark = pytest.mark.django_db


def test_two_representatives_3_and_4_give_the_leadership_3_5(year_2024, make_answer):
    make_answer(year_2024, "Södra Dalarna", "a", [3, 3, 3, 2, 2])
    make_answer(year_2024, "Södra Dalarna", "b", [4, 3, 4, 3, 2])
    ratings = stats.leadership_ratings(year_2024)
    assert ratings == {"Södra Dalarna": {1: 3.5, 2: 3.0, 3: 3.5, 4: 2.5, 5: 2.0}}


def test_only_submitted_answers_count(year_2024, make_answer):
    make_answer(year_2024, "Falun", "a", [4, 4, 4, 4, 4])
    make_answer(year_2024, "Falun", "b", [1, 1, 1, 1, 1], status=ResponseStatus.DRAFT)
    make_answer(year_2024, "Mora", "c", [2, 2, 2, 2, 2], status=ResponseStatus.REOPENED)
    assert stats.leadership_ratings(2024) == {"Falun": dict.fromkeys(range(1, 6), 4.0)}
    assert stats.answered_count(2024) == 1


def test_subgoal_stats_on_hand_computed_values(year_2024, make_answer):
    # Delmål 1 over four leaderships: 2, 3, 3.5 (3 and 4), 5 → mean 13.5/4 = 3.375, median 3.25,
    # sample variance ((1.375² + 0.375² + 0.125² + 1.625²) / 3) = 4.6875/3 = 1.5625 → stdev 1.25.
    make_answer(year_2024, "Falun", "f", [2, 1, 1, 1, 1])
    make_answer(year_2024, "Mora", "m", [3, 1, 1, 1, 1])
    make_answer(year_2024, "Södra Dalarna", "s1", [3, 1, 1, 1, 1])
    make_answer(year_2024, "Södra Dalarna", "s2", [4, 1, 1, 1, 1])
    make_answer(year_2024, "Orsa", "o", [5, 1, 1, 1, 1])
    first = stats.subgoal_stats(year_2024)[0]
    assert (first.number, first.name, first.n) == (1, "Nära för mig", 4)
    assert first.mean == pytest.approx(3.375)
    assert first.median == pytest.approx(3.25)
    assert (first.min, first.max, first.spread) == (2, 5, 3)
    assert first.stdev == pytest.approx(1.25)
    assert first.bins == {1.0: 0, 1.5: 0, 2.0: 1, 2.5: 0, 3.0: 1, 3.5: 1, 4.0: 0, 4.5: 0, 5.0: 1}
    assert first.previous_mean is None and first.change is None


def test_half_step_bins_round_a_mean_of_three_representatives_to_the_nearest_half():
    assert stats.nearest_half_step(3.5) == 3.5
    assert stats.nearest_half_step(10 / 3) == 3.5
    assert stats.nearest_half_step(11 / 3) == 3.5
    assert stats.nearest_half_step(3.25) == 3.5
    assert stats.nearest_half_step(3.2) == 3.0


def test_change_since_previous_year(year_2023, year_2024, make_answer):
    make_answer(year_2023, "Falun", "f", [3, 3, 3, 3, 2])
    make_answer(year_2023, "Mora", "m", [4, 3, 3, 3, 2])
    make_answer(year_2024, "Falun", "f", [4, 3, 4, 3, 2])
    make_answer(year_2024, "Mora", "m", [4, 3, 3, 3, 3])
    result = {s.number: s for s in stats.subgoal_stats(2024)}
    assert result[1].previous_mean == pytest.approx(3.5)
    assert result[1].change == pytest.approx(0.5)
    assert result[2].change == pytest.approx(0.0)
    assert result[5].change == pytest.approx(0.5)


def test_year_summary_counts_highest_lowest_spread_and_applied(year_2024, make_answer):
    make_answer(year_2024, "Falun", "f", [5, 3, 1, 3, 2], applied=True)
    make_answer(year_2024, "Mora", "m", [5, 4, 5, 3, 2], applied=False)
    make_answer(year_2024, "Södra Dalarna", "s1", [4, 3, 3, 3, 2], applied=False)
    make_answer(year_2024, "Södra Dalarna", "s2", [4, 3, 4, 3, 2], applied=True)
    summary = stats.year_summary(year_2024)
    assert (summary.answered, summary.leaderships) == (3, 13)
    assert summary.applied == 2  # Falun, and Södra Dalarna where one representative applied it
    assert summary.highest == [1]
    assert summary.lowest == [5]
    assert summary.largest_spread == [3]
    assert summary.max_score == 25


def test_ties_name_every_delmål(year_2024, make_answer):
    make_answer(year_2024, "Falun", "f", [4, 4, 2, 3, 2])
    summary = stats.year_summary(2024)
    assert summary.highest == [1, 2]
    assert summary.lowest == [3, 5]
    assert summary.largest_spread == []  # one leadership: no standard deviation


def test_total_score_per_leadership_and_its_maximum_is_delmål_times_five(year_2024, make_answer):
    make_answer(year_2024, "Falun", "f", [4, 4, 4, 4, 4])
    make_answer(year_2024, "Södra Dalarna", "a", [3, 3, 3, 2, 2])
    make_answer(year_2024, "Södra Dalarna", "b", [4, 3, 4, 3, 2])
    scores = stats.total_scores(2024)
    assert [(s.leadership, s.score, s.max_score) for s in scores] == [("Falun", 20, 25), ("Södra Dalarna", 14.5, 25)]


def test_disagreements_show_both_answers(year_2024, make_answer):
    make_answer(year_2024, "Södra Dalarna", "Anna", [3, 3, 3, 3, 3])
    make_answer(year_2024, "Södra Dalarna", "Bo", [3, 3, 4, 3, 3])
    [found] = stats.disagreements(2024)
    assert (found.leadership, found.subgoal, found.mean) == ("Södra Dalarna", 3, 3.5)
    assert found.answers == {"Anna": 3, "Bo": 4}


def test_means_by_year_for_figure_2(year_2023, year_2024, make_answer):
    make_answer(year_2023, "Falun", "f", [3, 3, 3, 3, 2])
    make_answer(year_2024, "Falun", "f", [4, 3, 3, 3, 2])
    assert stats.means_by_year([2023, 2024]) == {2023: {1: 3, 2: 3, 3: 3, 4: 3, 5: 2},
                                                 2024: {1: 4, 2: 3, 3: 3, 4: 3, 5: 2}}


def test_queries_do_not_grow_with_the_number_of_years(reference, make_answer):
    def queries_for(count):
        years = [ReportingYear.objects.get_or_create(year=2000 + i)[0] for i in range(count)]
        for year in years:
            if not year.selfassessments.exists():
                make_answer(year, "Falun", "f", [3, 3, 3, 3, 3])
        with CaptureQueriesContext(connection) as captured:
            stats.means_by_year(years)
            stats.year_summary(years[-1])
        return len(captured)

    assert queries_for(2) == queries_for(6)


def test_mapping_counts(year_2024):
    def mapping(name, **fields):
        LeadershipMapping.objects.create(year=year_2024, leadership=leadership(name),
                                         status=ResponseStatus.SUBMITTED, **fields)

    mapping("Falun", has_convening_structure=True, has_chair=True, meetings_per_year=4, has_local_plan=True,
            member_roles=[MemberRole.POLITICS, MemberRole.MAS], polsam=Polsam.SYSTEMATIC, user_influence=True,
            has_communication_plan=True)
    mapping("Mora", has_convening_structure=True, has_chair=False, meetings_per_year=4, has_local_plan=True,
            member_roles=[MemberRole.MAS], polsam=Polsam.SOMETIMES, user_influence=False)
    mapping("Orsa", has_convening_structure=False, has_chair=True, meetings_per_year=12, has_local_plan=False,
            member_roles=[MemberRole.BUP], polsam=Polsam.SOMETIMES, user_influence=False)
    LeadershipMapping.objects.create(year=year_2024, leadership=leadership("Gagnef"), has_local_plan=True)  # draft
    counts = stats.mapping_counts(2024)
    assert (counts.answered, counts.leaderships) == (3, 13)
    assert (counts.convening_structure, counts.chair) == (2, 2)
    assert counts.meetings_per_year == {4: 2, 12: 1}
    assert counts.twice_per_term == 2
    assert counts.roles["mas"] == 2 and counts.politics_represented == 1
    assert counts.missing_key_actors == 1  # Mora has none of politik, vuxenpsykiatri, BUP, …
    assert counts.polsam == {"systematisk": 1, "ibland": 2, "nej": 0}
    assert (counts.user_influence, counts.no_user_influence) == (1, 2)
    assert (counts.local_plan, counts.communication_plan) == (2, 1)
