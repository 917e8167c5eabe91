from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from gnv_portal import workflow
from gnv_portal.models import ResponseStatus
from reporting.models import Answer, SurveyResponse
from tests.reporting.municipal.helpers import answer_survey

COMPLETE = {
    "q_omraden": ["utskrivningsprocessen", "annat"], "q_omraden_annat": "Läkemedelsautomater",
    "q_viktigaste-insatser": "Mobila team", "q_overgripande-uppfoljning": "ja",
    "q_fast-omsorgskontakt-antal": "1 234",
}


def _url(year, municipality):
    return reverse("reporting:survey", args=[year.year, municipality.pk])


def test_the_respondent_sees_the_questions_of_the_year(client_for, avesta_respondent, questionnaire, avesta):
    page = client_for(avesta_respondent).get(_url(questionnaire.year, avesta)).content.decode()
    assert "Kommunenkät 2024 – Avesta" in page
    assert "Utskrivningsprocessen" in page and "Annat, nämligen" in page
    assert "<legend" in page and "Ej påbörjad" in page


def test_saving_a_draft_keeps_the_answers_and_logs_it(client_for, avesta_respondent, questionnaire, avesta):
    client = client_for(avesta_respondent)
    response = client.post(_url(questionnaire.year, avesta), {**COMPLETE, "action": "save"}, follow=True)
    assert "Utkastet är sparat." in response.content.decode()
    saved = SurveyResponse.objects.get(municipality=avesta)
    assert saved.status == ResponseStatus.DRAFT
    assert Answer.objects.get(response=saved, question__key="fast-omsorgskontakt-antal").number == 1234
    assert [e.action for e in workflow.history(saved)] == ["saved"]
    page = client.get(_url(questionnaire.year, avesta)).content.decode()
    assert "Läkemedelsautomater" in page and 'value="1234"' in page


def test_submitting_needs_the_required_answers_and_nothing_typed_is_lost(client_for, avesta_respondent,
                                                                         questionnaire, avesta):
    data = {"q_mobila-team": "Text som inte får försvinna", "q_fast-omsorgskontakt-antal": "tolv", "action": "submit"}
    response = client_for(avesta_respondent).post(_url(questionnaire.year, avesta), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("Besvara frågan innan du skickar in.") == 3
    assert "inte ett tal" in page
    assert "Text som inte får försvinna" in page and 'value="tolv"' in page
    assert not SurveyResponse.objects.exists()


def test_annat_needs_its_text_on_submit(client_for, avesta_respondent, questionnaire, avesta):
    data = {**COMPLETE, "q_omraden_annat": "", "action": "submit"}
    page = client_for(avesta_respondent).post(_url(questionnaire.year, avesta), data).content.decode()
    assert "Skriv vad ”Annat” är." in page


def test_submit_locks_the_form_for_the_respondent(client_for, avesta_respondent, questionnaire, avesta):
    client = client_for(avesta_respondent)
    client.post(_url(questionnaire.year, avesta), {**COMPLETE, "action": "submit"})
    saved = SurveyResponse.objects.get(municipality=avesta)
    assert saved.status == ResponseStatus.SUBMITTED and saved.submitted_by == avesta_respondent
    response = client.post(_url(questionnaire.year, avesta), {**COMPLETE, "q_viktigaste-insatser": "Ändrat",
                                                             "action": "save"})
    assert response.status_code == 403
    assert "Ändrat" in response.content.decode() and "har inte sparats" in response.content.decode()
    assert Answer.objects.get(question__key="viktigaste-insatser").text == "Mobila team"
    page = client.get(_url(questionnaire.year, avesta)).content.decode()
    assert "Svaret är inskickat" in page and "Skicka in</button>" not in page


def test_a_reopened_form_can_be_changed_and_submitted_again(client_for, avesta_respondent, rss_user,
                                                           questionnaire, avesta):
    response = answer_survey(questionnaire, avesta, viktigaste_insatser="Första")
    workflow.reopen(response, rss_user, "Komplettera")
    client = client_for(avesta_respondent)
    client.post(_url(questionnaire.year, avesta), {**COMPLETE, "q_viktigaste-insatser": "Andra", "action": "submit"})
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    assert Answer.objects.get(question__key="viktigaste-insatser").text == "Andra"
    assert [e.action for e in workflow.history(response)] == ["reopened", "submitted"]


def test_after_the_deadline_the_respondent_cannot_save(client_for, avesta_respondent, questionnaire, avesta):
    year = questionnaire.year
    year.deadline = timezone.localdate() - timedelta(days=1)
    year.save()
    response = client_for(avesta_respondent).post(_url(year, avesta), {**COMPLETE, "action": "save"})
    assert response.status_code == 403
    assert "Sista svarsdag var" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_rss_may_correct_a_submitted_answer_and_it_is_logged_as_a_change(client_for, rss_user, questionnaire,
                                                                         avesta):
    response = answer_survey(questionnaire, avesta, viktigaste_insatser="Första")
    client_for(rss_user).post(_url(questionnaire.year, avesta), {**COMPLETE, "action": "save"})
    assert [e.action for e in workflow.history(response)] == ["changed"]
    assert Answer.objects.get(question__key="viktigaste-insatser").text == "Mobila team"


def test_a_respondent_cannot_read_another_municipalitys_form(client_for, avesta_respondent, questionnaire, falun):
    answer_survey(questionnaire, falun, viktigaste_insatser="Falu hemlighet")
    response = client_for(avesta_respondent).get(_url(questionnaire.year, falun))
    assert response.status_code == 404
    assert "Falu hemlighet" not in response.content.decode()


def test_a_respondent_cannot_post_another_municipalitys_form(client_for, avesta_respondent, questionnaire, falun):
    answer_survey(questionnaire, falun, status=ResponseStatus.DRAFT, viktigaste_insatser="Falu text")
    response = client_for(avesta_respondent).post(_url(questionnaire.year, falun), {**COMPLETE, "action": "submit"})
    assert response.status_code == 404
    saved = SurveyResponse.objects.get(municipality=falun)
    assert saved.status == ResponseStatus.DRAFT
    assert Answer.objects.get(response=saved, question__key="viktigaste-insatser").text == "Falu text"


@pytest.mark.parametrize("who", ["reader", "falun_rep"])
def test_people_without_the_survey_role_get_404(client_for, request, who, questionnaire, avesta):
    client = client_for(request.getfixturevalue(who))
    assert client.get(_url(questionnaire.year, avesta)).status_code == 404
    assert client.post(_url(questionnaire.year, avesta), {**COMPLETE, "action": "save"}).status_code == 404
    assert not SurveyResponse.objects.exists()


def test_a_year_without_questionnaire_says_so(client_for, avesta_respondent, questionnaire, avesta):
    questionnaire.delete()
    page = client_for(avesta_respondent).get(_url(questionnaire.year, avesta)).content.decode()
    assert "är inte klar ännu" in page


def test_a_submit_missing_required_answers_keeps_the_answers_as_a_draft(client_for, avesta_respondent,
                                                                       questionnaire, avesta):
    data = {"q_mobila-team": "Hembesök av läkare", "action": "submit"}
    response = client_for(avesta_respondent).post(_url(questionnaire.year, avesta), data)
    page = response.content.decode()
    assert "sparade som utkast men kunde inte skickas in" in page
    assert "Besvara frågan innan du skickar in." in page
    saved = SurveyResponse.objects.get(municipality=avesta)
    assert saved.status == ResponseStatus.DRAFT
    assert Answer.objects.get(response=saved, question__key="mobila-team").text == "Hembesök av läkare"
    assert [e.action for e in workflow.history(saved)] == ["saved"]
