from django.db import connection
from django.test.utils import CaptureQueriesContext

from gnv_portal.models import Municipality, ResponseStatus
from reporting.demo import ECONOMY_2024
from reporting.municipal import figures
from tests.reporting.municipal.helpers import answer_survey, economic_report


def test_swedish_alphabetical_order_puts_a_ring_a_umlaut_o_umlaut_last():
    names = ["Älvdalen", "Avesta", "Säter", "Smedjebacken", "Orsa", "Rättvik", "Åre", "Öckerö", "Vansbro"]
    assert sorted(names, key=figures.swedish_sort_key) == [
        "Avesta", "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro", "Åre", "Älvdalen", "Öckerö"]


def test_bilaga_1_has_one_row_per_municipality_in_swedish_order_and_the_sums_of_the_seed(year2024):
    for name, (allocated, surplus, consumed) in ECONOMY_2024.items():
        economic_report(year2024, name, allocated, surplus, consumed)
    table = figures.economy_table(year2024)
    names = [r["municipality"] for r in table["rows"]]
    assert names[0] == "Avesta" and names[-1] == "Älvdalen"
    assert names.index("Smedjebacken") < names.index("Säter") < names.index("Vansbro")
    assert len(names) == 15
    total = table["sum"]
    assert total["municipality"] == "Summa"
    assert total["allocated"] == 23849655  # as printed in the seed's sum row
    assert total["consumed"] == 24153231  # as printed in the seed's sum row
    assert total["surplus"] == 499999  # the legible rows; the seed prints 500 000 (rounded in the source)
    assert total["available"] == total["allocated"] + total["surplus"]
    assert total["unused"] == total["available"] - total["consumed"]
    avesta = table["rows"][0]
    assert (avesta["available"], avesta["unused"]) == (1933903, 39273)


def test_bilaga_1_sums_count_a_missing_amount_as_nothing(year2024):
    economic_report(year2024, "Orsa", 100, 10, None, status=ResponseStatus.DRAFT)
    economic_report(year2024, "Mora", 200, 20, 220)
    table = figures.economy_table(year2024)
    assert table["sum"]["consumed"] == 220
    rows = {r["municipality"]: r for r in table["rows"]}
    assert rows["Orsa"]["unused"] is None and rows["Orsa"]["available"] == 110
    assert len(rows) == 15 and rows["Avesta"]["allocated"] is None  # a municipality without a report has a row


def test_area_counts_are_municipalities_per_area_most_first_from_submitted_answers_only(questionnaire):
    municipalities = list(Municipality.objects.order_by("name"))
    answer_survey(questionnaire, municipalities[0], omraden=["utskrivningsprocessen", "dialoger", "annat"],
                  omraden_annat="Läkemedelsautomater")
    answer_survey(questionnaire, municipalities[1], omraden=["utskrivningsprocessen"])
    answer_survey(questionnaire, municipalities[2], omraden=["personcentrerat"], status=ResponseStatus.DRAFT)
    counts = figures.area_counts(questionnaire.year)
    assert [(r["key"], r["count"]) for r in counts[:2]] == [("utskrivningsprocessen", 2), ("dialoger", 1)]
    assert {r["key"]: r["count"] for r in counts}["personcentrerat"] == 0
    assert "annat" not in {r["key"] for r in counts}
    assert len(counts) == 13


def test_the_area_chart_is_horizontal_bars_with_a_table_alternative(questionnaire, avesta):
    answer_survey(questionnaire, avesta, omraden=["utskrivningsprocessen"])
    chart = figures.area_chart(questionnaire.year)
    bar = chart["figure"]["data"][0]
    assert bar["type"] == "bar" and bar["orientation"] == "h"
    assert bar["y"][-1] == "Utskrivningsprocessen"  # largest at the top
    assert chart["rows"][0] == ["Utskrivningsprocessen", "1"]
    assert chart["columns"] == ["Område eller arbetssätt", "Antal kommuner"]


def test_free_text_answers_per_question_in_swedish_order(questionnaire):
    answer_survey(questionnaire, Municipality.objects.get(name="Älvdalen"), viktigaste_insatser="Välfärdsbibliotek")
    answer_survey(questionnaire, Municipality.objects.get(name="Borlänge"), viktigaste_insatser="Heltid som norm")
    answer_survey(questionnaire, Municipality.objects.get(name="Avesta"), viktigaste_insatser="Utkast",
                  status=ResponseStatus.DRAFT)
    blocks = {b["question"].key: b["answers"] for b in figures.free_text_answers(questionnaire.year)}
    assert [(a["municipality"], a["text"]) for a in blocks["viktigaste-insatser"]] == [
        ("Borlänge", "Heltid som norm"), ("Älvdalen", "Välfärdsbibliotek")]
    assert blocks["mobila-team"] == []


def test_figures_run_a_constant_number_of_queries(questionnaire):
    for m in Municipality.objects.all()[:3]:
        answer_survey(questionnaire, m, omraden=["utskrivningsprocessen"], viktigaste_insatser="Text")
    with CaptureQueriesContext(connection) as few:
        figures.area_counts(questionnaire.year)
        figures.free_text_answers(questionnaire.year)
        figures.economy_table(questionnaire.year)
    for m in Municipality.objects.all()[3:]:
        answer_survey(questionnaire, m, omraden=["utskrivningsprocessen"], viktigaste_insatser="Text")
    with CaptureQueriesContext(connection) as many:
        figures.area_counts(questionnaire.year)
        figures.free_text_answers(questionnaire.year)
        figures.economy_table(questionnaire.year)
    assert len(few) == len(many) <= 5


def test_yes_count_counts_submitted_ja_answers(questionnaire):
    municipalities = list(Municipality.objects.order_by("name"))
    answer_survey(questionnaire, municipalities[0], overgripande_uppfoljning="ja")
    answer_survey(questionnaire, municipalities[1], overgripande_uppfoljning="nej")
    answer_survey(questionnaire, municipalities[2], overgripande_uppfoljning="ja", status=ResponseStatus.DRAFT)
    assert figures.yes_count(questionnaire.year, "overgripande-uppfoljning") == (1, 2)


def test_answers_per_question_are_display_text_in_swedish_order(questionnaire):
    from decimal import Decimal

    answer_survey(questionnaire, Municipality.objects.get(name="Orsa"), omraden=["dialoger", "annat"],
                  omraden_annat="Robotar", overgripande_uppfoljning="nej", fast_omsorgskontakt_antal=Decimal("1234"))
    answer_survey(questionnaire, Municipality.objects.get(name="Avesta"), overgripande_uppfoljning="ja",
                  fast_omsorgskontakt_antal=Decimal("12.5"))
    answer_survey(questionnaire, Municipality.objects.get(name="Mora"), overgripande_uppfoljning="ja",
                  status=ResponseStatus.DRAFT)
    blocks = {b["question"].key: b["answers"] for b in figures.answers_per_question(questionnaire.year)}
    assert [(a["municipality"], a["value"]) for a in blocks["overgripande-uppfoljning"]] == [
        ("Avesta", "Ja"), ("Orsa", "Nej")]
    assert [a["value"] for a in blocks["fast-omsorgskontakt-antal"]] == ["12,5", "1\u00a0234"]
    assert blocks["omraden"][-1]["value"] == (
        "Patient- eller medborgardialoger t ex möten med brukarorganisationer, Annat, nämligen (Robotar)")
    with_drafts = figures.answers_per_question(questionnaire.year, submitted_only=False)
    assert "Mora" in [a["municipality"] for b in with_drafts for a in b["answers"]]


def test_area_counts_compare_across_years_by_key_even_when_reworded(questionnaire):
    from gnv_portal.models import ReportingYear
    from reporting.models import Option
    from reporting.municipal import questionnaires

    year2025 = ReportingYear.objects.create(year=2025)
    copy = questionnaires.copy_questionnaire(questionnaire, year2025)
    Option.objects.filter(question__section__questionnaire=copy, key="utskrivningsprocessen").update(
        label="Utskrivningsprocessen från sluten vård")
    avesta, orsa = Municipality.objects.get(name="Avesta"), Municipality.objects.get(name="Orsa")
    answer_survey(questionnaire, avesta, omraden=["utskrivningsprocessen"])
    answer_survey(questionnaire, orsa, omraden=["utskrivningsprocessen"])
    answer_survey(copy, avesta, omraden=["utskrivningsprocessen", "dialoger"])
    rows = {r["key"]: r for r in figures.option_counts_compared(year2025, questionnaire.year, figures.AREAS_KEY)}
    assert rows["utskrivningsprocessen"]["label"] == "Utskrivningsprocessen från sluten vård"
    assert (rows["utskrivningsprocessen"]["count"], rows["utskrivningsprocessen"]["previous"]) == (1, 2)
    assert (rows["dialoger"]["count"], rows["dialoger"]["previous"]) == (1, 0)


def test_the_economy_figure_has_available_and_consumed_per_municipality(year2024):
    economic_report(year2024, "Avesta", 1894630, 39273, 1894630)
    fig = figures.economy_figure(figures.economy_table(year2024))
    available, consumed = fig.data
    assert available.y[-1] == "Avesta" and available.x[-1] == 1933903 and consumed.x[-1] == 1894630
    assert len(available.y) == 15
