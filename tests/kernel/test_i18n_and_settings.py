import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from gnv_portal.env import env_bool


def test_swedish_by_default_and_english_on_request(client, reference):
    assert "Logga in" in client.get(reverse("login")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in page
    assert "Log in" in page
    assert "Forgot your password?" in page


def test_env_bool_refuses_typos(monkeypatch):
    monkeypatch.setenv("GNV_X", "ture")
    with pytest.raises(ImproperlyConfigured):
        env_bool("GNV_X")
    monkeypatch.setenv("GNV_X", "true")
    assert env_bool("GNV_X") is True


def production_env():
    """This process's environment less the test settings (and the browser tests' async flag)."""
    skip = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {k: v for k, v in os.environ.items() if not k.startswith("GNV_") and k not in skip}


def test_check_deploy_with_production_settings_prints_no_warnings():
    env = production_env()
    env.update(GNV_SECRET_KEY=secrets.token_urlsafe(50), GNV_ALLOWED_HOSTS="gnv.example.org",
               DATABASE_URL="postgres://gnv@localhost/gnv", DJANGO_SETTINGS_MODULE="gnv_portal.settings")
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=settings.BASE_DIR, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_missing_secret_key_stops_production_start(tmp_path):
    env = production_env()
    env["DJANGO_SETTINGS_MODULE"] = "gnv_portal.settings"
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env,
                            capture_output=True, text=True)
    assert result.returncode != 0
    # One Swedish line saying what to set, not a traceback.
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("GNV-portalen: GNV_SECRET_KEY saknas: sätt GNV_SECRET_KEY i drift")


def test_front_end_assets_are_served_locally(client, reference):
    page = client.get(reverse("login")).content.decode()
    assert "/static/vendor/bootstrap/bootstrap.min.css" in page
    assert "//cdn" not in page and "https://" not in page.split("<body")[0]
    for path in ["/static/vendor/bootstrap/bootstrap.min.css", "/static/vendor/plotly/plotly.min.js"]:
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert len(body) > 10000, path


def test_an_english_browser_still_gets_swedish_until_the_user_chooses(client, reference):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="sv">' in page
    assert "Glömt lösenordet?" in page


def test_the_favicon_every_page_asks_for_is_there(client, reference):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
    page = client.get(reverse("login")).content.decode()
    assert 'rel="icon"' in page and "/static/favicon.svg" in page
    assert client.get("/static/favicon.svg").status_code == 200


def test_the_new_pages_and_counts_have_english(client_for, rss_user):
    from django.utils import translation

    from gnv_portal import progress

    with translation.override("en"):
        assert progress.summary(["submitted", "submitted", "reopened"]) == "2 of 3 submitted, 1 reopened"
    client = client_for(rss_user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("invitations")).content.decode()
    assert "Invite a person to the portal with one or more roles." in page and "Roles" in page
