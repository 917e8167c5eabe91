"""RSS overview: status per leadership, representatives side by side, e-mails."""

import pytest
from django.core import mail
from django.urls import reverse

from gnv_portal.models import EmailLog, EmailTemplate, Role
from tests.conftest import make_user
from tests.selfassessment.conftest import leadership

pytestmark = pytest.mark.django_db


def url(year=2024):
    return reverse("selfassessment:overview", args=[year])


def test_rss_sees_every_leadership_with_status_who_and_mean(client_for, rss_user, falun_rep, year_2024,
                                                            make_answer):
    make_answer(year_2024, "Falun", falun_rep.email, [4, 3, 3, 4, 2], user=falun_rep)
    make_answer(year_2024, "Mora", "mora@x.invalid", [4, 3, 3, 4, 2], status="draft")
    page = " ".join(client_for(rss_user).get(url()).content.decode().split())
    assert page.count('<tr id="ledning-') == 13
    assert "1 av 13 lokala systemledningar har skickat in självskattningen." in page
    assert "Frida Falk</a>: inskickad" in page
    assert "mora@x.invalid</a>: utkast" in page and "ej påbörjad" in page


def test_disagreeing_representatives_are_shown_side_by_side(client_for, rss_user, year_2024, make_answer):
    make_answer(year_2024, "Södra Dalarna", "Anna", [3, 3, 3, 3, 3])
    make_answer(year_2024, "Södra Dalarna", "Bo", [3, 3, 4, 3, 3])
    page = client_for(rss_user).get(url()).content.decode()
    assert "Representanterna skattar olika:" in page
    assert "delmål 3: Anna 3, Bo 4 → 3,5" in page
    assert "<td>3,5</td>" in page


@pytest.mark.parametrize("who", ["falun_rep", "reader", "avesta_respondent"])
def test_only_rss_sees_the_overview(client_for, year_2024, who, request):
    assert client_for(request.getfixturevalue(who)).get(url()).status_code == 403


def test_invitations_go_to_every_representative_and_are_logged(client_for, rss_user, falun_rep, mora_rep,
                                                               year_2024):
    response = client_for(rss_user).post(reverse("selfassessment:send_emails", args=[2024]), {"kind": "invitations"})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["falun@test.invalid", "mora@test.invalid"]
    assert "Självskattning God och nära vård 2024 – Falun" in [m.subject for m in mail.outbox]
    assert f"/sjalvskattning/2024/{leadership('Falun').pk}/" in mail.outbox[0].body + mail.outbox[1].body
    assert EmailLog.objects.filter(template_key="selfassessment-invitation", year=year_2024).count() == 2


def test_reminders_only_to_those_who_have_not_submitted(client_for, rss_user, falun_rep, mora_rep, year_2024,
                                                        make_answer):
    colleague = make_user("falun2@test.invalid", Role.LEADERSHIP_REP, leadership=leadership("Falun"))
    make_answer(year_2024, "Falun", falun_rep.email, [4, 3, 3, 4, 2], user=falun_rep)
    make_answer(year_2024, "Mora", mora_rep.email, [4, 3, 3, 4, 2], user=mora_rep, status="draft")
    client_for(rss_user).post(reverse("selfassessment:send_emails", args=[2024]), {"kind": "reminders"})
    assert sorted(m.to[0] for m in mail.outbox) == [colleague.email, "mora@test.invalid"]
    assert EmailLog.objects.filter(template_key="selfassessment-reminder").count() == 2


def test_the_reminder_text_is_the_template_rss_edited(client_for, rss_user, mora_rep, year_2024):
    EmailTemplate.objects.filter(key="selfassessment-reminder").update(subject="Glöm inte {leadership}!")
    client_for(rss_user).post(reverse("selfassessment:send_emails", args=[2024]), {"kind": "reminders"})
    assert [m.subject for m in mail.outbox] == ["Glöm inte Mora!"]


def test_a_representative_cannot_send_emails(client_for, falun_rep, year_2024):
    response = client_for(falun_rep).post(reverse("selfassessment:send_emails", args=[2024]), {"kind": "invitations"})
    assert response.status_code == 403 and not mail.outbox
