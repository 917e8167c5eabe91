import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from gnv_portal.models import EmailLog, Invitation, LocalLeadership, Membership, Role, User


def invite(client, **overrides):
    data = {"first_name": "Ines", "last_name": "Inbjuden", "email": "ines@test.invalid",
            "role": Role.LEADERSHIP_REP, "leadership": LocalLeadership.objects.get(name="Orsa").pk}
    data.update(overrides)
    return client.post(reverse("invitations"), data)


def link_from_mail():
    return re.search(r"http://testserver(/inbjudan/\S+/)", mail.outbox[-1].body).group(1)


def test_rss_invites_and_link_sets_password_once(client_for, rss_user, client):
    response = invite(client_for(rss_user))
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "Orsa" in mail.outbox[0].body
    assert EmailLog.objects.get().to == "ines@test.invalid"
    link = link_from_mail()
    client.logout()

    page = client.get(link)
    assert page.status_code == 200
    assert "ines@test.invalid" in page.content.decode()
    accepted = client.post(link, {"password1": "Mitt-eget-lösen-9", "password2": "Mitt-eget-lösen-9"})
    assert accepted.status_code == 302
    user = User.objects.get(email="ines@test.invalid")
    assert user.check_password("Mitt-eget-lösen-9")
    assert Membership.objects.get(user=user).leadership.name == "Orsa"
    assert client.session["_auth_user_id"] == str(user.pk)

    client.logout()
    again = client.post(link, {"password1": "Annat-lösen-777", "password2": "Annat-lösen-777"})
    assert again.status_code == 410
    assert "redan använts" in again.content.decode()
    user.refresh_from_db()
    assert user.check_password("Mitt-eget-lösen-9")


def test_expired_link_is_refused(client_for, rss_user, client):
    invite(client_for(rss_user))
    link = link_from_mail()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.logout()
    response = client.post(link, {"password1": "Mitt-eget-lösen-9", "password2": "Mitt-eget-lösen-9"})
    assert response.status_code == 410
    assert "gått ut" in response.content.decode()
    assert not User.objects.filter(email="ines@test.invalid").exists()


def test_unknown_token_is_404(client, reference):
    assert client.get("/inbjudan/finns-inte/").status_code == 404


def test_weak_password_is_refused_at_the_field(client_for, rss_user, client):
    invite(client_for(rss_user))
    link = link_from_mail()
    client.logout()
    response = client.post(link, {"password1": "12345678901", "password2": "12345678901"})
    assert response.status_code == 200
    assert "helt numeriskt" in response.content.decode() or "numerisk" in response.content.decode()
    assert Invitation.objects.get().accepted_at is None


def test_role_needs_the_right_organisation(client_for, rss_user):
    response = invite(client_for(rss_user), role=Role.SURVEY_RESPONDENT)
    assert response.status_code == 200
    assert "Rollen kräver en kommun" in response.content.decode()
    assert 'value="ines@test.invalid"' in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("who", ["reader", "falun_rep", "avesta_respondent"])
def test_only_rss_may_invite(client_for, request, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("invitations")).status_code == 403
    assert invite(client).status_code == 403
    assert not Invitation.objects.exists()
