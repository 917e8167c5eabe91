"""Concurrent posts of one form (a double click, two tabs, two people) never give a 500, on SQLite
and on PostgreSQL: the answer is submitted once, and of several saves from one version one wins
and the others are shown both versions (409)."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from gnv_portal.models import ReportingYear, ResponseEvent, ResponseStatus
from selfassessment.models import SelfAssessment
from tests.selfassessment.conftest import answer, form_data, leadership

THREADS = 5
pytestmark = pytest.mark.django_db(transaction=True)


def _at_once(posts):
    """Run the posts (callables) in threads released together; [(status or exception)]."""
    barrier = threading.Barrier(len(posts))
    results = [None] * len(posts)

    def run(index, post):
        try:
            barrier.wait()
            results[index] = post().status_code
        except Exception as error:  # noqa: BLE001 - a server error in the view is what the test looks for
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, p)) for i, p in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def _errors(results):
    return [r for r in results if not isinstance(r, int) or r >= 500]


def _clients(user, n=THREADS):
    clients = []
    for _ in range(n):
        client = Client(raise_request_exception=True)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        clients.append(client)
    return clients


@pytest.fixture
def complete_draft(reference, falun_rep):
    year = ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN)
    assessment = answer(year, "Falun", falun_rep.email, [4, 3, 3, 4, 2], applied=True, status=ResponseStatus.DRAFT,
                        user=falun_rep)
    assessment.version = 3
    assessment.save()
    return assessment


def test_concurrent_confirm_posts_submit_once_without_an_error(complete_draft, falun_rep):
    url = reverse("selfassessment:confirm", args=[2024, leadership("Falun").pk])
    results = _at_once([lambda c=c: c.post(url, {"version": "3"}) for c in _clients(falun_rep)])
    assert _errors(results) == [] and all(r == 302 for r in results), results
    saved = SelfAssessment.objects.get()
    assert saved.status == ResponseStatus.SUBMITTED and saved.version == 4
    assert ResponseEvent.objects.filter(action=ResponseEvent.Action.SUBMITTED).count() == 1


def test_concurrent_saves_from_one_version_store_one_and_refuse_the_others(complete_draft, falun_rep):
    url = reverse("selfassessment:form", args=[2024, leadership("Falun").pk])
    posts = [lambda c=c, n=n: c.post(url, {**form_data([n, n, n, n, n]), "version": "3"})
             for n, c in enumerate(_clients(falun_rep), start=1)]
    results = _at_once(posts)
    assert _errors(results) == [], results
    assert sorted(results) == [302] + [409] * (THREADS - 1), results
    saved = SelfAssessment.objects.get()
    assert saved.version == 4
    ratings = {r.rating for r in saved.ratings.all()}
    assert len(ratings) == 1 and ratings <= {1, 2, 3, 4, 5}
    assert ResponseEvent.objects.filter(action=ResponseEvent.Action.SAVED).count() == 1


def test_two_representatives_saving_the_shared_mapping_at_once(reference, falun_rep):
    from gnv_portal.models import Role
    from selfassessment.models import LeadershipMapping
    from tests.conftest import make_user

    ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN)
    colleague = make_user("falun2@test.invalid", Role.LEADERSHIP_REP, leadership=leadership("Falun"))
    url = reverse("selfassessment:mapping", args=[2024, leadership("Falun").pk])
    clients = _clients(falun_rep, 3) + _clients(colleague, 3)
    posts = [lambda c=c, n=n: c.post(url, {"action": "save", "meetings_per_year": str(n), "version": "0"})
             for n, c in enumerate(clients, start=1)]
    results = _at_once(posts)
    assert _errors(results) == [], results
    assert sorted(results) == [302] + [409] * (len(clients) - 1), results
    assert LeadershipMapping.objects.get().version == 1
