from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from gnv_portal import workflow
from gnv_portal.models import ResponseStatus
from reporting.models import Answer, SurveyResponse
from tests.reporting.municipal.helpers import answer_survey, submit_through_confirm
from tests.versions import shown_version, version_in

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


def _confirm(year, municipality):
    return reverse("reporting:survey_confirm", args=[year.year, municipality.pk])


def _submit(client, year, municipality, data):
    return submit_through_confirm(client, _url(year, municipality), _confirm(year, municipality), data)


def test_submitting_needs_the_required_answers_and_nothing_typed_is_lost(client_for, avesta_respondent,
                                                                         questionnaire, avesta):
    data = {"q_mobila-team": "Text som inte får försvinna", "q_fast-omsorgskontakt-antal": "tolv", "action": "submit"}
    response = client_for(avesta_respondent).post(_url(questionnaire.year, avesta), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("Besvara frågan innan du skickar in.") == 3
    assert "inte ett tal" in page
    assert "Text som inte får försvinna" in page and 'value="tolv"' in page
    # Kept as a draft: the valid answer stored, the bad number as typed.
    saved = SurveyResponse.objects.get(municipality=avesta)
    assert saved.status == ResponseStatus.DRAFT
    assert Answer.objects.get(response=saved, question__key="mobila-team").text == "Text som inte får försvinna"
    assert saved.pending_input["q_fast-omsorgskontakt-antal"] == "tolv"


def test_a_draft_with_one_bad_number_stores_every_other_answer(client_for, avesta_respondent, questionnaire,
                                                               avesta):
    client = client_for(avesta_respondent)
    data = {**COMPLETE, "q_fast-omsorgskontakt-antal": "ca 350 st", "action": "save"}
    response = client.post(_url(questionnaire.year, avesta), data)
    assert response.status_code == 200
    assert 'id="id_q_fast-omsorgskontakt-antal_error"' in response.content.decode()
    saved = SurveyResponse.objects.get(municipality=avesta)
    answers = {a.question.key: a for a in Answer.objects.filter(response=saved).select_related("question")}
    assert answers["viktigaste-insatser"].text == "Mobila team" and answers["overgripande-uppfoljning"].yes_no
    assert "fast-omsorgskontakt-antal" not in answers
    page = client.get(_url(questionnaire.year, avesta)).content.decode()
    assert 'value="ca 350 st"' in page and "Mobila team" in page and "Läkemedelsautomater" in page
    assert "Inget är sparat" not in page


def test_annat_needs_its_text_on_submit(client_for, avesta_respondent, questionnaire, avesta):
    data = {**COMPLETE, "q_omraden_annat": "", "action": "submit"}
    page = client_for(avesta_respondent).post(_url(questionnaire.year, avesta), data).content.decode()
    assert "Skriv vad ”Annat” är." in page


def test_submit_goes_through_a_confirm_page_and_locks_the_form(client_for, avesta_respondent, questionnaire, avesta):
    client = client_for(avesta_respondent)
    client.post(_url(questionnaire.year, avesta), {**COMPLETE, "action": "submit"})
    summary = client.get(_confirm(questionnaire.year, avesta)).content.decode()
    assert "Läkemedelsautomater" in summary and "Mobila team" in summary and "Skicka in</button>" in summary
    assert SurveyResponse.objects.get(municipality=avesta).status == ResponseStatus.DRAFT
    client.post(_confirm(questionnaire.year, avesta), {"version": version_in(summary)})
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
    _submit(client, questionnaire.year, avesta, {**COMPLETE, "q_viktigaste-insatser": "Andra",
                                                 **shown_version(client, _url(questionnaire.year, avesta))})
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    assert Answer.objects.get(question__key="viktigaste-insatser").text == "Andra"
    assert [e.action for e in workflow.history(response)] == ["reopened", "saved", "submitted"]


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
    rss = client_for(rss_user)
    rss.post(_url(questionnaire.year, avesta), {**COMPLETE, "action": "save",
                                                **shown_version(rss, _url(questionnaire.year, avesta))})
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
    assert "kan inte skickas in ännu" in page and "sparat som utkast" in page
    assert "Besvara frågan innan du skickar in." in page
    saved = SurveyResponse.objects.get(municipality=avesta)
    assert saved.status == ResponseStatus.DRAFT
    assert Answer.objects.get(response=saved, question__key="mobila-team").text == "Hembesök av läkare"
    assert [e.action for e in workflow.history(saved)] == ["saved"]
