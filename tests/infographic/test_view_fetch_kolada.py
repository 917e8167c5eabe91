"""RSS starts a fetch from Kolada in the portal; it runs as a task and its outcome is listed."""

import json

import pytest
import requests
from django.urls import reverse

from infographic.models import IndicatorValue, KoladaImport
from tests.infographic.test_kolada import FakeResponse

URL = reverse("infographic:fetch_kolada")


def test_without_network_the_fetch_fails_with_a_clear_message(client_for, rss_user, monkeypatch):
    def no_network(self, *args, **kwargs):
        raise requests.ConnectionError("no route to host")

    monkeypatch.setattr(requests.Session, "get", no_network)
    response = client_for(rss_user).post(URL, {"periods": "2024"}, follow=True)
    run = KoladaImport.objects.get()
    assert run.status == "failed" and run.periods == [2024] and run.created_by == rss_user
    page = response.content.decode()
    assert "Kunde inte nå Kolada" in page and "Misslyckades" in page
    # RSS works in the portal: no command lines on its pages.
    assert "--from-file" not in page and "manage.py" not in page and "ladda upp ett sparat svar" in page
    assert IndicatorValue.objects.count() == 0


def test_a_fetch_imports_the_values(client_for, rss_user, monkeypatch, data_dir):
    meta = json.loads((data_dir / "kolada_kpi_meta.json").read_text())
    page = json.loads((data_dir / "kolada_v3_page2.json").read_text())

    def fake_get(self, url, params=None, timeout=None):
        return FakeResponse(200, page if "/data/" in url else meta)

    monkeypatch.setattr(requests.Session, "get", fake_get)
    response = client_for(rss_user).post(URL, {"periods": "2023, 2024"}, follow=True)
    assert KoladaImport.objects.get().status == "done"
    assert "Hämtningen från Kolada är klar." in response.content.decode()
    assert IndicatorValue.objects.filter(indicator__number="4.2").count() == 4


def test_bad_periods_are_reported_at_the_field_and_nothing_starts(client_for, rss_user):
    response = client_for(rss_user).post(URL, {"periods": "i år"})
    assert "Skriv årtal" in response.context["fetch_form"].errors["periods"][0]
    assert response.context["fetch_form"]["periods"].value() == "i år"
    assert not KoladaImport.objects.exists()


@pytest.mark.parametrize("user", ["reader", "falun_rep"])
def test_others_may_not_start_a_fetch(client_for, request, user):
    assert client_for(request.getfixturevalue(user)).post(URL, {"periods": "2024"}).status_code == 403
    assert not KoladaImport.objects.exists()
