"""Demo answers show the seed report's patterns."""

import pytest

from gnv_portal.demo import load_demo_users_and_years
from selfassessment import stats
from selfassessment.demo import load_demo
from selfassessment.models import LeadershipMapping, SelfAssessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_demo_users_and_years()
    load_demo()


def test_demo_shows_the_seeds_patterns(demo):
    summary = stats.year_summary(2024)
    assert (summary.answered, summary.leaderships, summary.applied) == (13, 13, 7)
    assert summary.highest == [1] and summary.lowest == [5] and summary.largest_spread == [3]
    changes = {s.number: s.change for s in summary.subgoals}
    assert changes[2] == pytest.approx(0)
    assert all(changes[n] > 0 for n in (1, 3, 4, 5))
    previous = stats.year_summary(2023)
    assert previous.highest == [1] and previous.lowest == [5]
    assert {(d.subgoal, d.mean) for d in stats.disagreements(2024)} == {(3, 3.5), (4, 2.5), (5, 2.5)}


def test_demo_mapping_matches_report_section_3_3(demo):
    counts = stats.mapping_counts(2024)
    assert counts.twice_per_term == 9 and counts.local_plan == 10 and counts.politics_represented == 1
    assert counts.missing_key_actors == 10 and counts.no_user_influence == 10 and counts.user_representative == 0


def test_loading_the_demo_twice_changes_nothing(demo):
    before = (SelfAssessment.objects.count(), LeadershipMapping.objects.count())
    load_demo()
    assert (SelfAssessment.objects.count(), LeadershipMapping.objects.count()) == before == (27, 13)
