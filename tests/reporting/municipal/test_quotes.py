import pytest

from reporting.models import Answer, Quote
from reporting.municipal import figures, quotes
from tests.reporting.municipal.helpers import answer_survey


@pytest.mark.parametrize(("text", "what"), [
    ("Kontakta anna.svensson@avesta.se för mer", "e-postadress"),
    ("Ring 070-123 45 67 om du undrar", "telefonnummer"),
    ("Ring 0225 - 12 34 56", "telefonnummer"),
    ("Projektet leddes av Karin Lindberg på äldreomsorgen", "personnamn"),
    ("Vi pratade med enhetschefen Maria om saken", "personnamn"),
])
def test_what_looks_like_personal_data_is_warned_about(text, what):
    assert any(what in w for w in quotes.personal_data_warnings(text))


@pytest.mark.parametrize("text", [
    "Fast daglig avstämning med samordnare kommun och primärvård.",
    "Samverkan med Region Dalarna har förbättrats under 2024.",
    "Vi har 15 kommuner och 1 894 630 kronor.",
])
def test_ordinary_answers_give_no_warning(text):
    assert quotes.personal_data_warnings(text) == []


def test_a_quote_may_be_shortened_and_the_original_is_kept(questionnaire, avesta, rss_user):
    answer_survey(questionnaire, avesta, viktigaste_insatser="Lång text om mobila team. Och mer om Karin Lindberg.")
    answer = Answer.objects.get(question__key="viktigaste-insatser")
    quote = quotes.set_quote(answer, quoted=True, text="Lång text om mobila team.", user=rss_user, seen=0)
    answer.refresh_from_db()
    assert answer.text.endswith("Karin Lindberg.")
    assert figures.quotes(questionnaire.year) == [{"question": answer.question,
                                                   "quotes": ["Lång text om mobila team."]}]
    quotes.set_quote(answer, quoted=False, text="", user=rss_user, seen=quote.version)
    assert not Quote.objects.exists()
    assert Answer.objects.filter(pk=answer.pk).exists()


def test_a_quote_edited_from_an_older_page_is_refused_and_kept(questionnaire, avesta, rss_user):
    from gnv_portal import workflow

    answer_survey(questionnaire, avesta, viktigaste_insatser="Mobila team i hela kommunen.")
    answer = Answer.objects.get(question__key="viktigaste-insatser")
    quote = quotes.set_quote(answer, quoted=True, text="Mobila team.", user=rss_user, seen=0)
    # A second page, shown before the quote existed, tries to quote something else …
    with pytest.raises(workflow.Stale):
        quotes.set_quote(answer, quoted=True, text="Hela kommunen.", user=rss_user, seen=0)
    # … or to stop quoting from an older version.
    quotes.set_quote(answer, quoted=True, text="Mobila team i kommunen.", user=rss_user, seen=quote.version)
    with pytest.raises(workflow.Stale):
        quotes.set_quote(answer, quoted=False, text="", user=rss_user, seen=quote.version)
    assert Quote.objects.get().text == "Mobila team i kommunen."
