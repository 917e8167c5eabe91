"""Receipts and reopen notices for the self-assessment and the mapping (gnv_portal.notices):
sent once the change is committed, with the answers or RSS's reason, and logged."""

import pytest
from django.core import mail
from django.urls import reverse

from gnv_portal.models import EmailLog, EmailTemplate, Role
from selfassessment.models import LeadershipMapping, SelfAssessment
from tests.conftest import make_user
from tests.selfassessment.conftest import form_data, leadership
from tests.selfassessment.test_mapping_view import complete

pytestmark = pytest.mark.django_db


def submit_assessment(client):
    form = reverse("selfassessment:form", args=[2024, leadership("Falun").pk])
    client.post(form, form_data(comments={1: "Vi har god dialog\nmed regionen"}, comment="Bra år", action="submit"))
    return client.post(reverse("selfassessment:confirm", args=[2024, leadership("Falun").pk]))


def test_submitting_the_self_assessment_sends_a_receipt_with_the_answers(
        client_for, falun_rep, mora_rep, year_2024, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit_assessment(client_for(falun_rep))
    assert SelfAssessment.objects.get().status == "submitted"
    [message] = mail.outbox
    assert message.to == ["falun@test.invalid"]
    assert message.subject == "Kvitto: Självskattning 2024 – Falun är inskickad"
    assert message.body.startswith("Hej Frida Falk!")
    assert "av Frida Falk" in message.body and " kl. " in message.body
    assert "Delmål 1. Nära för mig: 4 – Stämmer bra\n  Kommentar: Vi har god dialog\n  med regionen" in message.body
    assert "Delmål 5. Nära till hälsa: 2 – Stämmer ganska dåligt" in message.body
    assert "Har självskattningstabellen tillämpats i det egna omställningsarbetet? Ja" in message.body
    assert "Övergripande kommentar: Bra år" in message.body
    assert f"/sjalvskattning/2024/{leadership('Falun').pk}/" in message.body
    log = EmailLog.objects.get()
    assert (log.template_key, log.to, log.year, log.sent_by) == ("response-receipt", "falun@test.invalid",
                                                                 year_2024, falun_rep)


def test_no_receipt_before_the_submit_is_committed_and_none_for_a_second_submit(
        client_for, falun_rep, year_2024, django_capture_on_commit_callbacks):
    client = client_for(falun_rep)
    with django_capture_on_commit_callbacks() as callbacks:
        submit_assessment(client)
    assert not mail.outbox  # queued until the transaction commits
    assert len(callbacks) == 1
    with django_capture_on_commit_callbacks(execute=True) as again:
        client.post(reverse("selfassessment:confirm", args=[2024, leadership("Falun").pk]))
    assert again == [] and not mail.outbox


def test_the_receipt_is_the_template_rss_edited(client_for, falun_rep, year_2024, django_capture_on_commit_callbacks):
    EmailTemplate.objects.filter(key="response-receipt").update(subject="Tack, {organisation}! ({form})")
    with django_capture_on_commit_callbacks(execute=True):
        submit_assessment(client_for(falun_rep))
    assert [m.subject for m in mail.outbox] == ["Tack, Falun! (Självskattning)"]


def test_the_mapping_receipt_goes_to_every_representative_of_the_leadership(
        client_for, falun_rep, mora_rep, year_2024, django_capture_on_commit_callbacks):
    colleague = make_user("falun2@test.invalid", Role.LEADERSHIP_REP, leadership=leadership("Falun"),
                          first_name="Fia", last_name="Fors")
    client = client_for(falun_rep)
    client.post(reverse("selfassessment:mapping", args=[2024, leadership("Falun").pk]), complete(action="submit"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("selfassessment:mapping_confirm", args=[2024, leadership("Falun").pk]))
    assert LeadershipMapping.objects.get().status == "submitted"
    assert sorted(m.to[0] for m in mail.outbox) == [colleague.email, falun_rep.email]
    body = mail.outbox[0].body
    assert mail.outbox[0].subject == "Kvitto: Kartläggning 2024 – Falun är inskickad"
    assert "Vilka roller ingår i systemledningen?: MAS, BUP" in body
    assert "Vilka utmaningar ser ni?: Tid" in body


def test_reopening_tells_the_representative_why_and_the_form_shows_it_at_the_top(
        client_for, rss_user, falun_rep, year_2024, make_answer, django_capture_on_commit_callbacks):
    assessment = make_answer(year_2024, "Falun", falun_rep.email, [4, 3, 3, 4, 2], user=falun_rep, applied=True)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(rss_user).post(reverse("selfassessment:assessment_detail", args=[assessment.pk]),
                                  {"reason": "Delmål 3 saknar kommentar"})
    [message] = mail.outbox
    assert message.to == ["falun@test.invalid"]
    assert message.subject == "Självskattning 2024 – Falun är öppnad igen"
    assert "RSS Dalarna har öppnat självskattningen 2024 för Falun igen" in message.body
    assert "Skäl: Delmål 3 saknar kommentar" in message.body
    assert EmailLog.objects.get().template_key == "response-reopened"

    page = client_for(falun_rep).get(reverse("selfassessment:form", args=[2024, leadership("Falun").pk]))
    html = page.content.decode()
    notice = html.index('id="ateroppnad"')
    assert notice < html.index("<form method=\"post\"")
    assert "Skäl: Delmål 3 saknar kommentar" in html[notice:]
    assert "av Rut Samordnare" in html[notice:]


def test_a_reopened_mapping_shows_the_reason_too(client_for, rss_user, falun_rep, year_2024,
                                                 django_capture_on_commit_callbacks):
    mapping = LeadershipMapping.objects.create(year=year_2024, leadership=leadership("Falun"), status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(rss_user).post(reverse("selfassessment:mapping_detail", args=[mapping.pk]),
                                  {"reason": "Fyll i antal möten"})
    assert mail.outbox[0].subject == "Kartläggning 2024 – Falun är öppnad igen"
    page = client_for(falun_rep).get(reverse("selfassessment:mapping", args=[2024, leadership("Falun").pk]))
    assert "Skäl: Fyll i antal möten" in page.content.decode()
