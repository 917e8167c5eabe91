from django.urls import reverse

from reporting.models import Question


def test_rss_edits_questions_and_options_in_the_admin(client_for, rss_user, questionnaire):
    client = client_for(rss_user)
    question = Question.objects.get(section__questionnaire=questionnaire, key="omraden")
    response = client.get(reverse("admin:reporting_question_change", args=[question.pk]))
    assert response.status_code == 200
    assert "Utskrivningsprocessen" in response.content.decode()
    assert client.get(reverse("admin:reporting_questionnaire_changelist")).status_code == 200


def test_a_respondent_cannot_reach_the_questionnaire_admin(client_for, avesta_respondent, questionnaire):
    response = client_for(avesta_respondent).get(reverse("admin:reporting_question_changelist"), follow=True)
    assert response.status_code == 403
