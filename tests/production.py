"""The portal as it runs in production, for the smoke test and `tools/loadtest.py`.

A database of its own (a SQLite file, or a new database on the PostgreSQL server that
DATABASE_URL points at, e.g. the throw-away one), production settings (GNV_DEBUG off, a secret
key), `migrate`, demo data and `collectstatic` into a temporary folder, then gunicorn (with
gunicorn.conf.py) on a free loopback port. Requests say they came over HTTPS through the proxy
(X-Forwarded-Proto), as nginx does in deploy/.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def is_postgres(url):
    return url.startswith(("postgres://", "postgresql://"))


@contextmanager
def own_database(folder):
    """A DATABASE_URL for an empty database that is removed afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not is_postgres(url):
        yield f"sqlite:///{Path(folder) / 'db.sqlite3'}"
        return
    import psycopg

    name = "gnv_prod_" + secrets.token_hex(4)
    with psycopg.connect(_libpq(url), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        parts = urlsplit(url)
        yield urlunsplit(parts._replace(path="/" + name))
    finally:
        with psycopg.connect(_libpq(url), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _libpq(url):
    import dj_database_url

    db = dj_database_url.parse(url)
    return " ".join(f"{key}='{value}'" for key, value in [
        ("dbname", db["NAME"]), ("user", db["USER"]), ("password", db["PASSWORD"]), ("host", db["HOST"]),
        ("port", db["PORT"])] if value)


def production_env(database_url, static_root, port):
    """This process's environment less any test or developer settings, plus production settings."""
    skip = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("GNV_") and k not in skip}
    env.update(
        DJANGO_SETTINGS_MODULE="gnv_portal.settings",
        GNV_DEBUG="false",  # said outright, whatever a developer's .env says
        DATABASE_URL=database_url,
        GNV_SECRET_KEY=secrets.token_urlsafe(50),
        GNV_ALLOWED_HOSTS="127.0.0.1",
        # The browser's Origin is http://127.0.0.1:port while the proxy header says https.
        GNV_CSRF_TRUSTED_ORIGINS=f"http://127.0.0.1:{port}",
        GNV_STATIC_ROOT=str(static_root),
        GNV_DB_CONN_MAX_AGE="60",  # as deploy/gnv-portalen.env.example: a connection per worker, kept
        GNV_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    if not is_postgres(database_url):
        env["GNV_ALLOW_SQLITE"] = "true"
    return env


def manage(env, *args):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def prepare(env):
    """What the README's Drift section does before the first start (plus the demo data)."""
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_data")
    manage(env, "collectstatic", "--noinput")


def get(url, headers=None):
    """(status, headers, body) without following redirects."""
    request = urllib.request.Request(url, headers={**PROXY_HEADERS, **(headers or {})})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Gunicorn:
    def __init__(self, process, url, log):
        self.process, self.url, self.log = process, url, log

    def output(self):
        return Path(self.log).read_text(encoding="utf-8", errors="replace")


@contextmanager
def gunicorn(env, port, log, workers=2):
    """gunicorn gnv_portal.wsgi (reading gunicorn.conf.py) on 127.0.0.1:port until the block ends."""
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "gnv_portal.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Gunicorn(process, f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped at start:\n{server.output()}")
            try:
                if get(server.url + "/halsa/")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer within 60 s:\n{server.output()}")
            time.sleep(0.3)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
