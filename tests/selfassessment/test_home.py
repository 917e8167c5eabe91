"""Start-page tasks and the menu link."""

import pytest
from django.urls import reverse

from tests.selfassessment.conftest import form_data, leadership

pytestmark = pytest.mark.django_db


def test_representative_sees_her_tasks_with_status(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    page = client.get(reverse("home")).content.decode()
    assert "Självskattning 2024 – Falun" in page and "Kartläggning 2024 – Falun" in page
    assert "Ej påbörjad" in page
    client.post(reverse("selfassessment:form", args=[2024, leadership("Falun").pk]), form_data())
    page = client.get(reverse("home")).content.decode()
    assert "Utkast" in page


def test_rss_gets_the_menu_link_and_no_tasks(client_for, rss_user, year_2024):
    page = client_for(rss_user).get(reverse("home")).content.decode()
    assert f'href="{reverse("selfassessment:index")}"' in page
    assert "Självskattning 2024 – Falun" not in page


def test_index_sends_rss_to_the_open_years_overview(client_for, rss_user, year_2024):
    response = client_for(rss_user).get(reverse("selfassessment:index"))
    assert response["Location"] == reverse("selfassessment:overview", args=[2024])


def test_index_lists_a_representatives_forms(client_for, mora_rep, year_2024):
    page = client_for(mora_rep).get(reverse("selfassessment:index")).content.decode()
    assert "Självskattning 2024 – Mora" in page and "Falun" not in page
