"""The kommunenkät, the economic report and quotes from two tabs: a save from an outdated page is
refused with both versions and nothing stored changed; drafts are drafts."""

from django.urls import reverse

from gnv_portal import workflow
from gnv_portal.models import ResponseEvent, ResponseStatus
from reporting.models import Answer, EconomicReport, SurveyResponse
from tests.versions import page_data


def _survey(year, municipality, view="survey"):
    return reverse(f"reporting:{view}", args=[year.year, municipality.pk])


def test_a_stale_kommunenkat_tab_is_refused_and_loses_nothing(client_for, avesta_respondent, questionnaire, avesta):
    client = client_for(avesta_respondent)
    url = _survey(questionnaire.year, avesta)
    client.post(url, {"q_viktigaste-insatser": "Mobila team", "q_overgripande-uppfoljning": "ja", "action": "save"})
    tab_a, tab_b = page_data(client.get(url)), page_data(client.get(url))
    client.post(url, {**tab_a, "q_viktigaste-insatser": "Mobila team och hembesök", "q_mobila-team": "Två team",
                      "action": "save"})
    stored = SurveyResponse.objects.get()
    before = (stored.version, stored.snapshot())
    refused = client.post(url, {**tab_b, "q_viktigaste-insatser": "Från flik B", "action": "save"})
    html = refused.content.decode()
    assert refused.status_code == 409 and "Från flik B" in html and "Mobila team och hembesök" in html
    stored.refresh_from_db()
    assert (stored.version, stored.snapshot()) == before
    # Taking over: B's text, and A's answer to the question B had not touched.
    assert client.post(url, {**page_data(refused), "action": "save"}).status_code == 302
    answers = {a.question.key: a.text for a in Answer.objects.select_related("question")}
    assert answers["viktigaste-insatser"] == "Från flik B" and answers["mobila-team"] == "Två team"


def test_review_on_an_untouched_empty_kommunenkat_creates_no_draft(client_for, avesta_respondent, questionnaire,
                                                                  avesta):
    client = client_for(avesta_respondent)
    response = client.post(_survey(questionnaire.year, avesta), {**page_data(client.get(
        _survey(questionnaire.year, avesta))), "action": "submit"})
    assert response.status_code == 200 and "Besvara frågan innan du skickar in." in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_save_that_changes_nothing_adds_no_history_row(client_for, avesta_respondent, questionnaire, avesta):
    client = client_for(avesta_respondent)
    url = _survey(questionnaire.year, avesta)
    client.post(url, {"q_viktigaste-insatser": "Mobila team", "action": "save"})
    client.post(url, {**page_data(client.get(url)), "action": "save"})
    stored = SurveyResponse.objects.get()
    assert stored.version == 1
    assert [e.action for e in workflow.history(stored)] == [ResponseEvent.Action.SAVED]


def test_the_kommunenkat_confirm_page_refuses_after_a_change_elsewhere(client_for, avesta_respondent,
                                                                       questionnaire, avesta):
    client = client_for(avesta_respondent)
    url, confirm = _survey(questionnaire.year, avesta), _survey(questionnaire.year, avesta, "survey_confirm")
    data = {"q_omraden": ["utskrivningsprocessen"], "q_viktigaste-insatser": "Mobila team",
            "q_overgripande-uppfoljning": "ja", "q_fast-omsorgskontakt-antal": "12", "action": "submit"}
    assert client.post(url, data)["Location"] == confirm
    review = page_data(client.get(confirm))
    client.post(url, {**page_data(client.get(url)), "q_viktigaste-insatser": "Ändrat i annan flik", "action": "save"})
    response = client.post(confirm, review, follow=True)
    assert "Svaret har ändrats sedan du granskade det" in response.content.decode()
    assert "Ändrat i annan flik" in response.content.decode()
    assert SurveyResponse.objects.get().status == ResponseStatus.DRAFT


def test_a_stale_economy_tab_is_refused_and_the_draft_needs_no_overspend_confirmation(client_for, avesta_respondent,
                                                                                     year2024, avesta):
    client = client_for(avesta_respondent)
    url = reverse("reporting:economy", args=[2024, avesta.pk])
    tab_a, tab_b = page_data(client.get(url)), page_data(client.get(url))
    assert client.post(url, {**tab_a, "allocated": "1 000", "surplus": "0", "consumed": "1 500",
                             "action": "save"}).status_code == 302
    refused = client.post(url, {**tab_b, "consumed": "900", "action": "save"})
    assert refused.status_code == 409
    assert EconomicReport.objects.get().consumed == 1500
    html = refused.content.decode()
    assert "Förbrukade medel" in html and "1\u00a0500" in html and 'value="900"' in html


def test_review_on_an_untouched_empty_economy_form_creates_no_draft(client_for, avesta_respondent, year2024,
                                                                   avesta):
    client = client_for(avesta_respondent)
    url = reverse("reporting:economy", args=[2024, avesta.pk])
    response = client.post(url, {**page_data(client.get(url)), "action": "submit"})
    assert "Fyll i beloppet innan du skickar in" in response.content.decode()
    assert not EconomicReport.objects.exists()
