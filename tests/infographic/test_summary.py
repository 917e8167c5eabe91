"""'Resultat i korthet' generated from hand-made results (the seed report's 3.1.1)."""

from infographic.rules import BETTER, MIDDLE, SAME, WORSE, IndicatorResult, SexResult
from infographic.summary import summarise


def result(number, *, direction="higher", development=False, updated=True, **sexes):
    """sexes: T=(comparison, trend) or K=…, M=…"""
    return IndicatorResult(
        number=number, title="", subtitle="", level="R", direction=direction, in_development=development,
        unit="", decimals=0, area="0020", period=None if development else 2024, updated=updated,
        sexes=[SexResult(sex=sex, value=1, comparison=c, trend=t) for sex, (c, t) in sexes.items()],
    )


def seed_results():
    """The 20 indicators as the seed's 'Infografik 2025' judged them (out of order on purpose)."""
    return [
        result("5.4", development=True),
        result("1.1", K=(WORSE, WORSE), M=(WORSE, SAME)),
        result("1.2", updated=False, K=(MIDDLE, SAME), M=(MIDDLE, BETTER)),
        result("1.3", development=True),
        result("1.4", updated=False, K=(MIDDLE, SAME), M=(MIDDLE, SAME)),
        result("2.1", T=(BETTER, BETTER)),
        result("2.2", development=True),
        result("2.3", direction="none", K=(None, None), M=(None, None)),
        result("2.4", direction="none", T=(None, None)),
        result("3.1", updated=False, K=(BETTER, BETTER), M=(MIDDLE, SAME)),
        result("3.2", T=(WORSE, WORSE)),
        result("3.3", K=(MIDDLE, BETTER), M=(MIDDLE, WORSE)),
        result("3.4", direction="none", K=(None, None), M=(None, None)),
        result("4.1", updated=False, K=(MIDDLE, SAME), M=(MIDDLE, SAME)),
        result("4.2", direction="lower", K=(WORSE, BETTER), M=(WORSE, BETTER)),
        result("4.3", updated=False, K=(WORSE, SAME), M=(MIDDLE, SAME)),
        result("4.4", updated=False, K=(MIDDLE, SAME), M=(MIDDLE, SAME)),
        result("5.1", K=(MIDDLE, SAME), M=(BETTER, BETTER)),
        result("5.2", K=(BETTER, WORSE), M=(BETTER, SAME)),
        result("5.3", K=(WORSE, WORSE), M=(MIDDLE, WORSE)),
    ]


SEED_TEXT = """Infografiken omfattar totalt 20 st nyckeltal:
• 3 av 20 är fortfarande ”under utveckling” och saknar värde (1.3, 2.2, 5.4).
• 6 av 20 har inte uppdaterats från föregående år, dvs. mätningarna från 2024 och 2025 är desamma \
(1.2, 1.4, 3.1, 4.1, 4.3, 4.4).
• 11 av 20 återstår och har uppdaterats i årets version av infografiken.
Av de 11 uppdaterade nyckeltalen är Dalarnas värden:
• Bättre i jämförelse med andra för 3 st nyckeltal, för män och/eller kvinnor (2.1, 5.1, 5.2).
• Sämre i jämförelse med andra för 4 st nyckeltal, för män och/eller kvinnor (1.1, 3.2, 4.2, 5.3).
Av de 4 nyckeltal som förbättrats i något avseende sedan föregående år har:
• 2 st förbättrats för både kvinnor och män (2.1, 4.2)
• 1 st förbättrats för enbart männen (5.1)
• 1 st förbättrats för enbart kvinnorna (3.3)
Tre av nyckeltalen är så kallade faktanyckeltal och saknar därmed ”riktning” (2.3, 2.4, 3.4)."""


def test_the_seed_reports_summary_is_reproduced():
    summary = summarise(seed_results(), edition_year=2025, previous_edition_year=2024)
    assert summary.text() == SEED_TEXT


def test_the_counts_are_available_as_plain_lists_in_number_order():
    summary = summarise(seed_results())
    assert summary.in_development == ["1.3", "2.2", "5.4"]
    assert summary.updated == ["1.1", "2.1", "2.3", "2.4", "3.2", "3.3", "3.4", "4.2", "5.1", "5.2", "5.3"]
    assert summary.improved == ["2.1", "4.2", "5.1", "3.3"]
    assert summary.facts == ["2.3", "2.4", "3.4"]


def test_not_updated_indicators_are_left_out_of_better_worse_and_improved():
    summary = summarise(seed_results())
    assert "3.1" not in summary.better and "3.1" not in summary.improved  # better, but an old measurement
    assert "4.3" not in summary.worse


def test_an_indicator_better_for_women_and_worse_for_men_is_counted_in_both():
    summary = summarise([result("1.1", K=(BETTER, SAME), M=(WORSE, SAME))])
    assert summary.better == ["1.1"] and summary.worse == ["1.1"]


def test_without_a_previous_edition_the_years_are_not_named():
    text = summarise(seed_results()).text()
    assert "har inte uppdaterats från föregående år (1.2, 1.4, 3.1, 4.1, 4.3, 4.4)." in text
    assert "dvs." not in text


def test_nothing_improved_and_a_single_fact_indicator():
    results = [result("1.1", T=(MIDDLE, WORSE)), result("2.4", direction="none", T=(None, None)),
               result("1.3", development=True)]
    text = summarise(results, whose="Faluns").text()
    assert "Inget av de uppdaterade nyckeltalen har förbättrats sedan föregående år." in text
    assert "Ett av nyckeltalen är ett så kallat faktanyckeltal och saknar därmed ”riktning” (2.4)." in text
    assert "1 av 3 är fortfarande ”under utveckling” och saknar värde (1.3)." in text
    assert "Faluns" not in text  # no better/worse line, so no "whose" sentence


def test_blocks_give_paragraphs_and_bullets_for_the_report():
    blocks = summarise(seed_results()).blocks()
    assert [len(b["items"]) for b in blocks] == [3, 2, 3, 0]
    assert blocks[0]["text"] == "Infografiken omfattar totalt 20 st nyckeltal:"
