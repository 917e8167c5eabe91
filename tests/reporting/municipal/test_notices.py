"""Receipts and reopen notices for the kommunenkät and the economic report."""

from django.core import mail
from django.urls import reverse

from gnv_portal.models import EmailLog, Role
from reporting.models import EconomicReport, SurveyResponse
from tests.conftest import make_user
from tests.reporting.municipal.test_survey_view import COMPLETE

NBSP = "\u00a0"


def test_submitting_the_survey_sends_a_receipt_to_its_respondents(client_for, avesta_respondent, questionnaire,
                                                                  avesta, django_capture_on_commit_callbacks):
    economy_only = make_user("ekonomi@test.invalid", Role.ECONOMY_RESPONDENT, municipality=avesta)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(avesta_respondent).post(reverse("reporting:survey", args=[2024, avesta.pk]),
                                           {**COMPLETE, "action": "submit"})
    assert SurveyResponse.objects.get().status == "submitted"
    [message] = mail.outbox
    assert message.to == ["avesta@test.invalid"] and economy_only.email not in message.to
    assert message.subject == "Kvitto: Kommunenkät 2024 – Avesta är inskickad"
    assert "Mobila team" in message.body
    assert "Utskrivningsprocessen" in message.body and "Läkemedelsautomater" in message.body
    assert f"1{NBSP}234" in message.body
    assert f"/rapportering/2024/kommunenkat/{avesta.pk}/" in message.body
    assert EmailLog.objects.get().template_key == "response-receipt"


def test_submitting_the_economic_report_sends_the_amounts(client_for, avesta_respondent, year2024, avesta,
                                                          django_capture_on_commit_callbacks):
    data = {"allocated": "1 894 630", "surplus": "39 273", "consumed": "1 000 000", "action": "submit"}
    with django_capture_on_commit_callbacks(execute=True):
        client_for(avesta_respondent).post(reverse("reporting:economy", args=[2024, avesta.pk]), data)
    assert EconomicReport.objects.get().status == "submitted"
    [message] = mail.outbox
    assert message.subject == "Kvitto: Ekonomisk redovisning 2024 – Avesta är inskickad"
    assert f"Belopp per kommun: 1{NBSP}894{NBSP}630 kr" in message.body
    assert f"Tillgängliga medel: 1{NBSP}933{NBSP}903 kr" in message.body
    assert f"Outnyttjade medel: 933{NBSP}903 kr" in message.body


def test_reopening_the_survey_sends_the_reason_and_shows_it_on_the_form(
        client_for, rss_user, avesta_respondent, questionnaire, avesta, django_capture_on_commit_callbacks):
    client_for(avesta_respondent).post(reverse("reporting:survey", args=[2024, avesta.pk]),
                                       {**COMPLETE, "action": "submit"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(rss_user).post(reverse("reporting:reopen", args=[2024, "kommunenkat", avesta.pk]),
                                  {"reason": "Komplettera svaret om mobila team"})
    [message] = mail.outbox
    assert message.to == ["avesta@test.invalid"]
    assert message.subject == "Kommunenkät 2024 – Avesta är öppnad igen"
    assert "RSS Dalarna har öppnat kommunenkäten 2024 för Avesta igen" in message.body
    assert "Skäl: Komplettera svaret om mobila team" in message.body
    html = client_for(avesta_respondent).get(reverse("reporting:survey", args=[2024, avesta.pk])).content.decode()
    assert html.index('id="ateroppnad"') < html.index('<form method="post"')
    assert "Skäl: Komplettera svaret om mobila team" in html


def test_no_receipt_to_a_deactivated_respondent(client_for, rss_user, avesta_respondent, year2024, avesta,
                                                django_capture_on_commit_callbacks):
    client = client_for(avesta_respondent)
    avesta_respondent.is_active = False
    avesta_respondent.save()
    data = {"allocated": "1", "surplus": "0", "consumed": "1", "action": "submit"}
    with django_capture_on_commit_callbacks(execute=True):
        client_for(rss_user).post(reverse("reporting:economy", args=[2024, avesta.pk]), data)
    assert EconomicReport.objects.get().status == "submitted"
    assert not mail.outbox and client
