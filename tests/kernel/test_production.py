"""Production settings and what every response carries: PostgreSQL required (SQLite only when
allowed), SQLite safe for concurrent writers, the health URL, the security headers, Swedish error
pages, and one log line per request error with the user id and nothing the user typed."""

import logging
import subprocess
import sys
import textwrap

from django.conf import settings
from django.db import DatabaseError, connection
from django.test import Client
from django.urls import reverse

from gnv_portal import hooks
from gnv_portal.logging import OneLineFormatter
from tests.conftest import PASSWORD
from tests.production import ROOT, production_env


def _manage(env, *args):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)


def test_production_with_sqlite_stops_with_a_swedish_message_unless_allowed(tmp_path):
    env = production_env(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "static", 8000)
    env.pop("GNV_ALLOW_SQLITE")
    refused = _manage(env, "check")
    assert refused.returncode != 0
    assert "I drift behöver GNV-portalen PostgreSQL" in refused.stderr and "GNV_ALLOW_SQLITE=true" in refused.stderr
    env.pop("DATABASE_URL")  # unset: the SQLite file in the project folder
    assert "I drift behöver GNV-portalen PostgreSQL" in _manage(env, "check").stderr
    env.update(GNV_ALLOW_SQLITE="true", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert _manage(env, "check").returncode == 0


CONCURRENT_WRITERS = textwrap.dedent("""
    import threading
    import django
    django.setup()
    from django.db import connection, transaction
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    errors, saved = [], []

    def writer(n):
        try:
            for i in range(10):
                # Read, then write in the same transaction: the case that deadlocks without IMMEDIATE.
                with transaction.atomic():
                    Session.objects.filter(session_key__startswith=f"w{n}-").count()
                    Session.objects.create(session_key=f"w{n}-{i}", session_data="x", expire_date=timezone.now())
                saved.append(1)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with connection.cursor() as cursor:
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    print(len(saved), Session.objects.count(), mode, len(errors), errors[:3])
""")


def test_fifty_concurrent_sqlite_writers_get_no_database_is_locked(tmp_path):
    env = production_env(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "static", 8000)
    assert _manage(env, "migrate", "--noinput", "-v0").returncode == 0
    result = subprocess.run([sys.executable, "-c", CONCURRENT_WRITERS], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:4] == ["500", "500", "wal", "0"], result.stdout


def test_sqlite_transactions_take_the_write_lock_at_once():
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if connection.vendor == "sqlite":
        assert options == {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    else:
        assert "transaction_mode" not in options  # PostgreSQL's own locking needs none of this


def test_health_url_answers_ok_with_no_data(client, db):
    response = client.get(reverse("health"))
    assert response.status_code == 200 and response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert client.post(reverse("health")).status_code == 405


def test_health_url_answers_503_when_the_database_does_not(client, db, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise DatabaseError("connection refused")

    monkeypatch.setattr("gnv_portal.views.connection", Unreachable())
    response = client.get(reverse("health"))
    assert response.status_code == 503 and response.content == b"databasen svarar inte\n"


def test_every_page_has_the_csp_and_logged_in_pages_are_not_stored(client_for, client, falun_rep):
    public = client.get(reverse("accessibility"))
    policy = public["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy
    assert "no-store" not in public.get("Cache-Control", "")
    logged_in = client_for(falun_rep).get(reverse("accessibility"))
    assert "private" in logged_in["Cache-Control"] and "no-store" in logged_in["Cache-Control"]


def test_the_report_document_has_its_own_policy_without_scripts():
    from gnv_portal.security import csp_header

    policy = csp_header(settings.CONTENT_SECURITY_POLICY_DOCUMENT)
    assert policy.startswith("default-src 'none';") and "script-src" not in policy


def test_404_is_swedish_in_the_portal_layout(client, db):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Sidan finns inte" in page and "Hoppa till innehållet" in page


def test_csrf_failure_page_is_swedish(db):
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "a@b.se", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Formuläret kunde inte skickas" in page and "CSRF" not in page and "Hoppa till innehållet" in page


def test_a_server_error_gives_the_swedish_page_and_one_log_line_with_the_user_id(client_for, falun_rep,
                                                                                 monkeypatch, caplog):
    def broken(*args):
        raise ValueError("mitt hemliga svar")

    monkeypatch.setattr(hooks, "collect", broken)
    client = client_for(falun_rep)
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.post(reverse("home"), {"password": PASSWORD, "comment": "mitt hemliga svar"})
    assert response.status_code == 500
    page = response.content.decode()
    assert "Något gick fel i portalen" in page and "Server Error" not in page and "Hoppa till innehållet" in page

    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1
    line = OneLineFormatter("%(levelname)s %(name)s %(message)s").format(records[0])
    assert "\n" not in line
    assert line.startswith("ERROR django.request Internal Server Error: / method=POST status=500 ")
    assert f"user={falun_rep.pk}" in line and "builtins.ValueError at " in line and "views.py" in line
    assert "hemliga" not in line and PASSWORD not in line


def test_production_logging_goes_to_stdout_in_one_line_format():
    handler = settings.LOGGING["handlers"]["console"]
    assert handler["stream"] == "ext://sys.stdout" and handler["formatter"] == "line"
