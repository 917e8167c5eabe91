"""An anonymous visitor gets the log-in page from every view, never data."""

import pytest
from django.urls import reverse

from tests.urlwalk import all_url_paths

# Views meant for people who are not logged in.
PUBLIC = {
    "login", "logout", "password_reset", "password_reset_done", "password_reset_confirm",
    "password_reset_complete", "invitation_accept", "accessibility", "set_language",
    "health",  # "ok" or 503, no data (tests/kernel/test_production.py)
}
URLS = all_url_paths()


def test_the_walk_finds_the_portal_and_the_admin():
    names = {name for name, _ in URLS}
    assert {"home", "invitations", "admin:index", "login"} <= names
    assert len(URLS) > 30


@pytest.mark.parametrize(("name", "path"), [u for u in URLS if u[0] not in PUBLIC])
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_gets_the_login_page(client, reference, name, path, method):
    response = getattr(client, method)(path, follow=True)
    final = response.redirect_chain[-1][0] if response.redirect_chain else path
    assert final.startswith(reverse("login")), f"{name} {path} → {response.status_code} {final}"
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
