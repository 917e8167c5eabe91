"""The cast every test can use (STYLE.md): RSS staff, a representative of Falun, one
of Mora (who must never see Falun's answers), a kommunrespondent of Avesta, a reader,
and the anonymous visitor (Django's client without log-in)."""

import os

import pytest

from gnv_portal.models import LocalLeadership, Membership, Municipality, Role, User
from gnv_portal.reference import load_reference_data

PASSWORD = "Test-lösenord-2025"


@pytest.fixture
def reference(db):
    load_reference_data()


def make_user(email, role=None, municipality=None, leadership=None, first_name="", last_name=""):
    user = User.objects.create_user(email=email, password=PASSWORD, first_name=first_name, last_name=last_name)
    if role:
        Membership.objects.create(user=user, role=role, municipality=municipality, leadership=leadership)
    return user


@pytest.fixture
def rss_user(reference):
    return make_user("rss@test.invalid", Role.RSS, first_name="Rut", last_name="Samordnare")


@pytest.fixture
def falun_rep(reference):
    return make_user("falun@test.invalid", Role.LEADERSHIP_REP, leadership=LocalLeadership.objects.get(name="Falun"),
                     first_name="Frida", last_name="Falk")


@pytest.fixture
def mora_rep(reference):
    return make_user("mora@test.invalid", Role.LEADERSHIP_REP, leadership=LocalLeadership.objects.get(name="Mora"),
                     first_name="Maja", last_name="Mård")


@pytest.fixture
def avesta_respondent(reference):
    avesta = Municipality.objects.get(name="Avesta")
    user = make_user("avesta@test.invalid", Role.SURVEY_RESPONDENT, municipality=avesta, first_name="Alva",
                     last_name="Ek")
    Membership.objects.create(user=user, role=Role.ECONOMY_RESPONDENT, municipality=avesta)
    return user


@pytest.fixture
def reader(reference):
    return make_user("lasare@test.invalid", Role.READER, first_name="Rolf", last_name="Rådsledamot")


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as that user."""

    def login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    # Playwright's sync API keeps an event loop in this thread from here on; Django
    # would take every later ORM call for async code. They are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _browser_context(chromium, live_server):
    """A fresh browser context on the live server; every visited page must pass axe."""
    from tests.browser import Browser

    context = chromium.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    wrapped = Browser(page, live_server.url)
    yield wrapped
    unchecked = wrapped.unchecked()
    context.close()
    assert not unchecked, f"pages visited without an accessibility check: {unchecked}"


@pytest.fixture
def browser(chromium, live_server):
    yield from _browser_context(chromium, live_server)


@pytest.fixture
def other_browser(chromium, live_server):
    """A second browser context (its own cookies and session): a second person, or a second tab's session."""
    yield from _browser_context(chromium, live_server)


@pytest.fixture(scope="session", autouse=True)
def _close_orphaned_connections(django_db_setup, django_db_blocker):
    """Let the test database be dropped on PostgreSQL after browser tests.

    Once Playwright's sync API has run, one main-thread connection opened by a later
    test's set-up is left behind by Django's connection handling (an idle session whose
    last statement was ROLLBACK), and PostgreSQL refuses to drop a database in use.
    It holds nothing: end it before the test database is destroyed.
    """
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
