"""The demo values make the demo infographic read like the seed's 'Infografik 2025'."""

from gnv_portal.demo import load_demo_users_and_years
from infographic.demo import load_demo
from infographic.models import IndicatorValue
from infographic.results import build_infographic
from tests.infographic.test_summary import SEED_TEXT


def test_the_demo_summary_is_the_seeds(db):
    load_demo_users_and_years()
    load_demo()
    info = build_infographic()
    assert info.summary.text() == SEED_TEXT
    assert info.is_demo
    areas = set(IndicatorValue.objects.values_list("area", flat=True))
    assert len({a for a in areas if a.startswith("00")}) == 21
    assert {"2080", "2062", "0180"} <= areas
    assert set(IndicatorValue.objects.values_list("source", flat=True)) == {"demo"}


def test_loading_the_demo_twice_changes_nothing(db):
    load_demo_users_and_years()
    load_demo()
    before = sorted(IndicatorValue.objects.values_list("indicator__number", "area", "period", "sex", "value"))
    load_demo()
    after = sorted(IndicatorValue.objects.values_list("indicator__number", "area", "period", "sex", "value"))
    assert before == after
