import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from gnv_portal.models import EmailLog, Invitation, LocalLeadership, Membership, Municipality, Role, User


def invite(client, **overrides):
    data = {"first_name": "Ines", "last_name": "Inbjuden", "email": "ines@test.invalid",
            "roles": [Role.LEADERSHIP_REP], "leadership": LocalLeadership.objects.get(name="Orsa").pk}
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
    response = invite(client_for(rss_user), roles=[Role.SURVEY_RESPONDENT])
    assert response.status_code == 200
    assert "Rollen kommunrespondent kräver en kommun." in response.content.decode()
    assert 'value="ines@test.invalid"' in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("who", ["reader", "falun_rep", "avesta_respondent"])
def test_only_rss_may_invite(client_for, request, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("invitations")).status_code == 403
    assert invite(client).status_code == 403
    assert not Invitation.objects.exists()


def test_one_invitation_gives_a_municipal_contact_both_roles(client_for, rss_user, client):
    avesta = Municipality.objects.get(name="Avesta")
    response = invite(client_for(rss_user), roles=[Role.SURVEY_RESPONDENT, Role.ECONOMY_RESPONDENT],
                      leadership="", municipality=avesta.pk)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert ("kommunrespondent, kommunenkät för Avesta och kommunrespondent, ekonomisk redovisning för Avesta"
            in mail.outbox[0].body)
    link = link_from_mail()
    client.logout()
    client.post(link, {"password1": "Mitt-eget-lösen-9", "password2": "Mitt-eget-lösen-9"})
    user = User.objects.get(email="ines@test.invalid")
    assert sorted(Membership.objects.filter(user=user).values_list("role", "municipality__name")) == [
        ("kommun_ekonomi", "Avesta"), ("kommun_enkat", "Avesta")]


def test_roles_of_a_leadership_and_a_municipality_in_one_invitation(client_for, rss_user):
    orsa_leadership = LocalLeadership.objects.get(name="Orsa")
    orsa = Municipality.objects.get(name="Orsa")
    invite(client_for(rss_user), roles=[Role.LEADERSHIP_REP, Role.SURVEY_RESPONDENT],
           leadership=orsa_leadership.pk, municipality=orsa.pk)
    assert Invitation.objects.get().memberships() == [(Role.LEADERSHIP_REP, None, orsa_leadership),
                                                     (Role.SURVEY_RESPONDENT, orsa, None)]
    # A municipality given for roles that need none is refused, not silently dropped.
    response = invite(client_for(rss_user), email="other@test.invalid", roles=[Role.LEADERSHIP_REP],
                      municipality=orsa.pk)
    assert "Ingen av rollerna gäller en kommun" in response.content.decode()


def test_inviting_an_existing_account_adds_the_roles_after_rss_confirms(client_for, rss_user, falun_rep):
    falun_rep.set_password("Fridas-eget-lösen-1")
    falun_rep.save()
    client = client_for(rss_user)
    avesta = Municipality.objects.get(name="Avesta")
    data = {"email": "FALUN@test.invalid", "first_name": "Ny", "last_name": "Person", "leadership": "",
            "roles": [Role.SURVEY_RESPONDENT], "municipality": avesta.pk}
    page = invite(client, **data).content.decode()
    # First RSS sees whose account it is; nothing has changed yet.
    assert "falun@test.invalid har redan ett konto (Frida Falk)." in page
    assert "Kontot är i dag systemledningsrepresentant för Falun." in page
    assert "Nu läggs till: kommunrespondent, kommunenkät för Avesta." in page
    assert not mail.outbox and Membership.objects.filter(user=falun_rep).count() == 1

    assert invite(client, confirm_existing="1", **data).status_code == 302
    falun_rep.refresh_from_db()
    assert set(Membership.objects.filter(user=falun_rep).values_list("role", flat=True)) == {
        Role.LEADERSHIP_REP, Role.SURVEY_RESPONDENT}
    assert falun_rep.check_password("Fridas-eget-lösen-1")
    assert (falun_rep.first_name, falun_rep.last_name) == ("Frida", "Falk")
    message = mail.outbox[0]
    assert message.to == ["falun@test.invalid"]
    assert message.body.startswith("Hej Frida Falk!")
    assert "kommunrespondent, kommunenkät för Avesta" in message.body
    assert "/inbjudan/" not in message.body and "http://testserver/konto/logga-in/" in message.body
    invitation = Invitation.objects.get()
    assert invitation.to_existing_account and invitation.user == falun_rep and invitation.accepted_at
    assert EmailLog.objects.get().template_key == "account-roles-added"


def test_an_inactive_account_is_not_reactivated_by_an_invitation(client_for, rss_user, falun_rep):
    falun_rep.is_active = False
    falun_rep.save()
    response = invite(client_for(rss_user), email="falun@test.invalid", confirm_existing="1")
    assert "inaktiverat konto" in response.content.decode()
    falun_rep.refresh_from_db()
    assert not falun_rep.is_active
    assert not mail.outbox and not Invitation.objects.exists()


def test_roles_the_account_already_has_are_not_invited_again(client_for, rss_user, falun_rep):
    response = invite(client_for(rss_user), email="falun@test.invalid", leadership=falun_rep.memberships.get()
                      .leadership.pk, confirm_existing="1")
    assert "Frida Falk har redan de här rollerna." in response.content.decode()
    assert not mail.outbox


def test_a_link_for_a_new_account_sets_no_password_once_the_account_exists(client_for, rss_user, client):
    invite(client_for(rss_user))
    link = link_from_mail()
    # Meanwhile the address got an account (another invitation, or the admin).
    user = User.objects.create_user(email="ines@test.invalid", password="Ines-eget-lösen-5", first_name="Ines",
                                    last_name="Original")
    client.logout()
    page = client.get(link).content.decode()
    assert "Du har redan ett konto" in page and 'name="password1"' not in page
    client.post(link, {"password1": "Kapat-lösen-99", "password2": "Kapat-lösen-99"})
    user.refresh_from_db()
    assert user.check_password("Ines-eget-lösen-5") and user.last_name == "Original"
    assert Membership.objects.get(user=user).leadership.name == "Orsa"
    assert "_auth_user_id" not in client.session
    assert client.post(link).status_code == 410


@pytest.mark.parametrize("who", ["reader", "falun_rep", "avesta_respondent"])
def test_only_rss_may_add_roles_to_an_existing_account(client_for, request, who, mora_rep):
    client = client_for(request.getfixturevalue(who))
    response = invite(client, email=mora_rep.email, confirm_existing="1", roles=[Role.RSS], leadership="")
    assert response.status_code == 403
    assert not Membership.objects.filter(user=mora_rep, role=Role.RSS).exists()
    assert not mail.outbox


def test_anonymous_cannot_invite(client, reference):
    response = invite(client, confirm_existing="1")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not Invitation.objects.exists()
