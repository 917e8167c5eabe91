"""Every view, walked as each role that must not reach it: a representative of Falun on
Mora's pages, Avesta's respondent on Falun's, a reader anywhere but the pages meant for
readers. Each gets 403 or 404 (never the page), also when posting; a view added later is
walked the day it is added."""

import pytest

from gnv_portal.models import LocalLeadership, Municipality, ReportingYear
from tests.kernel.test_access_all_urls import PUBLIC
from tests.urlwalk import all_url_paths

# Pages a role may open whatever the arguments (they show only what the role may see).
EVERY_USER = {"home", "selfassessment:index"}
ALLOWED = {
    "falun_rep": EVERY_USER,
    "avesta_respondent": EVERY_USER,
    # Key indicators are public Kolada data and our processing of them.
    # ... and the dashboards for Välfärdsrådet, which show published years only (tests/reporting/dashboards).
    "reader": EVERY_USER | {"infographic:infographic", "infographic:export_values", "reporting:dashboard",
                            "reporting:dashboard_self_assessment", "reporting:dashboard_indicators",
                            "reporting:dashboard_economy"},
}
REFUSED = {403, 404, 405}


def paths_for_outsiders():
    # Filled in at collection time, before the database exists: use names the fixtures resolve.
    return all_url_paths(values={"year": "YEAR", "leadership_id": "LEADERSHIP", "municipality_id": "MUNICIPALITY"})


URLS = [u for u in paths_for_outsiders() if u[0] not in PUBLIC]


@pytest.fixture
def others(reference):
    ReportingYear.objects.get_or_create(year=2024, defaults={"status": ReportingYear.Status.OPEN})
    return {
        "YEAR": "2024",
        # Organisations none of the cast answers for.
        "LEADERSHIP": str(LocalLeadership.objects.get(name="Mora").pk),
        "MUNICIPALITY": str(Municipality.objects.get(name="Falun").pk),
    }


def fill(path, others):
    for key, value in others.items():
        path = path.replace(key, value)
    return path


CASES = [(who, name, path) for who in sorted(ALLOWED) for name, path in URLS if name not in ALLOWED[who]]


def test_the_walk_covers_every_role_and_the_feature_apps():
    names = {name for _, name, _ in CASES}
    assert {"selfassessment:form", "reporting:survey", "reporting:economy", "infographic:import_values"} <= names
    assert {who for who, _, _ in CASES} == set(ALLOWED)


@pytest.mark.parametrize(("who", "name", "path"), CASES)
def test_outsiders_are_refused(client_for, request, others, who, name, path):
    client = client_for(request.getfixturevalue(who))
    url = fill(path, others)
    # Followed, since the admin answers with a detour through the log-in page.
    got = client.get(url, follow=True)
    assert got.status_code in REFUSED, f"{who} GET {name} {url} → {got.status_code} {got.redirect_chain}"
    posted = client.post(url, {}, follow=True)
    assert posted.status_code in REFUSED, f"{who} POST {name} {url} → {posted.status_code} {posted.redirect_chain}"
