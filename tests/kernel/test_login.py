import re

from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD


def login(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_login_with_email_and_password_shows_swedish_start_page(client, falun_rep):
    response = login(client, "Falun@test.invalid", PASSWORD)
    assert response.status_code == 302
    page = client.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="sv">' in text
    assert "Välkommen, Frida" in text
    assert "lokal systemledning Falun" in text


def test_wrong_password_gives_swedish_message_and_keeps_email(client, falun_rep):
    response = login(client, "falun@test.invalid", "fel")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Fel e-postadress eller lösenord" in text
    assert 'value="falun@test.invalid"' in text


def test_lockout_after_repeated_failures(client, falun_rep, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "falun@test.invalid", "fel-lösenord")
    # Even the right password is refused while locked out.
    response = login(client, "falun@test.invalid", PASSWORD)
    assert response.status_code == 429
    assert "tillfälligt spärrad" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_failure_below_the_limit_does_not_lock(client, falun_rep, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "falun@test.invalid", "fel-lösenord")
    assert login(client, "falun@test.invalid", PASSWORD).status_code == 302


def test_password_reset_by_email(client, falun_rep):
    response = client.post(reverse("password_reset"), {"email": "falun@test.invalid"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/konto/losenord/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert "Välj nytt lösenord" in form.content.decode()
    new = {"new_password1": "Nytt-lösen-123!", "new_password2": "Nytt-lösen-123!"}
    done = client.post(form.redirect_chain[-1][0], new)
    assert done.status_code == 302
    client.logout()
    assert login(client, "falun@test.invalid", "Nytt-lösen-123!").status_code == 302


def test_logout_is_a_post(client_for, falun_rep):
    client = client_for(falun_rep)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("home")).status_code == 302
