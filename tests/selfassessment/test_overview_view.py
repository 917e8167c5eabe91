"""RSS overview: status per leadership, representatives side by side, e-mails."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from gnv_portal.models import EmailLog, EmailTemplate, Role
from selfassessment.models import LeadershipMapping
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
    assert "Lokala systemledningar: 1 av 13 inskickade." in page
    assert "Representanternas egna svar: 1 av 1 inskickade." in page
    assert "Frida Falk</a>: Inskickad" in page
    assert "mora@x.invalid</a>: Utkast" in page and "Ej påbörjad" in page


def test_a_reopened_answer_is_counted_apart(client_for, rss_user, falun_rep, mora_rep, year_2024, make_answer):
    make_answer(year_2024, "Falun", falun_rep.email, [4, 3, 3, 4, 2], user=falun_rep)
    make_answer(year_2024, "Mora", mora_rep.email, [4, 3, 3, 4, 2], user=mora_rep, status="reopened")
    page = " ".join(client_for(rss_user).get(url()).content.decode().split())
    assert "Lokala systemledningar: 1 av 13 inskickade, 1 återöppnad." in page
    assert "Representanternas egna svar: 1 av 2 inskickade, 1 återöppnad." in page


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


def send(client, kind, part="sjalvskattning", **data):
    """Open the preview, then confirm it for everyone it lists (as RSS does)."""
    preview = reverse("outreach_preview", args=[2024, part, kind])
    page = client.get(preview).content.decode()
    keys = re.findall(r'name="to" value="([^"]+)"', page)
    return client.post(preview, {"to": keys, **data}, follow=True)


def test_invitations_go_to_every_representative_and_are_logged(client_for, rss_user, falun_rep, mora_rep,
                                                               year_2024):
    response = send(client_for(rss_user), "invitation")
    assert "2 inbjudningar skickades." in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["falun@test.invalid", "mora@test.invalid"]
    assert "Självskattning God och nära vård 2024 – Falun" in [m.subject for m in mail.outbox]
    assert f"/sjalvskattning/2024/{leadership('Falun').pk}/" in mail.outbox[0].body + mail.outbox[1].body
    assert EmailLog.objects.filter(template_key="selfassessment-invitation", year=year_2024,
                                   part="sjalvskattning").count() == 2


def test_reminders_only_to_those_who_have_not_submitted(client_for, rss_user, falun_rep, mora_rep, year_2024,
                                                        make_answer):
    colleague = make_user("falun2@test.invalid", Role.LEADERSHIP_REP, leadership=leadership("Falun"))
    make_answer(year_2024, "Falun", falun_rep.email, [4, 3, 3, 4, 2], user=falun_rep)
    make_answer(year_2024, "Mora", mora_rep.email, [4, 3, 3, 4, 2], user=mora_rep, status="draft")
    response = send(client_for(rss_user), "reminder")
    assert "2 påminnelser skickades." in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == [colleague.email, "mora@test.invalid"]
    assert EmailLog.objects.filter(template_key="selfassessment-reminder").count() == 2


def test_mapping_reminders_go_to_the_leaderships_without_a_submitted_mapping(client_for, rss_user, falun_rep,
                                                                            mora_rep, year_2024):
    LeadershipMapping.objects.create(year=year_2024, leadership=leadership("Falun"), status="submitted")
    response = send(client_for(rss_user), "reminder", part="kartlaggning")
    assert "1 påminnelse skickades." in response.content.decode()
    assert [m.to[0] for m in mail.outbox] == ["mora@test.invalid"]
    assert mail.outbox[0].subject == "Påminnelse: kartläggning 2024 – Mora"
    assert f"/sjalvskattning/2024/{leadership('Mora').pk}/kartlaggning/" in mail.outbox[0].body


def test_the_reminder_text_is_the_template_rss_edited(client_for, rss_user, mora_rep, year_2024):
    EmailTemplate.objects.filter(key="selfassessment-reminder").update(subject="Glöm inte {leadership}!")
    send(client_for(rss_user), "reminder")
    assert [m.subject for m in mail.outbox] == ["Glöm inte Mora!"]


def test_the_overview_links_to_the_previews_instead_of_sending(client_for, rss_user, mora_rep, year_2024):
    page = client_for(rss_user).get(url()).content.decode()
    assert reverse("outreach_preview", args=[2024, "sjalvskattning", "reminder"]) in page
    assert reverse("outreach_preview", args=[2024, "kartlaggning", "reminder"]) in page
    assert reverse("reminder_schedules", args=[2024]) in page
    assert 'method="post"' not in page.split('id="rubrik-utskick"')[1].split("</section>")[0]
