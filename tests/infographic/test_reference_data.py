"""The catalogue of 20 indicators, loaded with the reference data."""

from gnv_portal.reference import load_reference_data
from infographic.models import Indicator


def test_twenty_indicators_in_five_sub_goals(reference):
    indicators = list(Indicator.objects.select_related("sub_goal"))
    assert [i.number for i in indicators][:5] == ["1.1", "1.2", "1.3", "1.4", "2.1"]
    assert len(indicators) == 20
    assert {i.sub_goal.number for i in indicators} == {1, 2, 3, 4, 5}
    assert sorted(i.number for i in indicators if i.in_development) == ["1.3", "2.2", "5.4"]
    assert sorted(i.number for i in indicators if i.is_fact) == ["2.3", "2.4", "3.4"]
    assert sorted(i.number for i in indicators if i.direction == "lower") == ["3.3", "4.2", "4.3", "4.4", "5.2", "5.3"]
    assert Indicator.objects.get(number="2.1").kolada_id == "N79173"
    assert Indicator.objects.get(number="3.2").level == "K"


def test_loading_again_keeps_what_rss_edited_and_fills_in_missing_kolada_ids(reference):
    edited = Indicator.objects.get(number="1.1")
    edited.title, edited.kolada_id = "Trygghet i äldreomsorgen", "U21468"
    edited.save()
    emptied = Indicator.objects.get(number="2.1")
    emptied.kolada_id = ""
    emptied.save()
    load_reference_data()
    assert Indicator.objects.count() == 20
    edited.refresh_from_db()
    emptied.refresh_from_db()
    assert (edited.title, edited.kolada_id) == ("Trygghet i äldreomsorgen", "U21468")
    assert emptied.kolada_id == "N79173"


def test_numbers_sort_as_numbers(reference):
    Indicator.objects.create(number="2.10", title="Tio", sub_goal_id=Indicator.objects.get(number="2.1").sub_goal_id)
    numbers = list(Indicator.objects.filter(number__startswith="2.").values_list("number", flat=True))
    assert numbers == ["2.1", "2.2", "2.3", "2.4", "2.10"]


def test_a_kolada_id_must_look_like_one(reference):
    import pytest
    from django.core.exceptions import ValidationError

    indicator = Indicator.objects.get(number="1.1")
    indicator.kolada_id = "n79173 "
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert "stor bokstav och fem siffror" in str(error.value)
