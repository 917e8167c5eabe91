import pytest
from django.urls import reverse


def test_rss_reaches_the_admin_for_reference_data(client_for, rss_user):
    client = client_for(rss_user)
    assert client.get(reverse("admin:index")).status_code == 200
    response = client.get(reverse("admin:gnv_portal_municipality_changelist"))
    assert response.status_code == 200
    assert "Älvdalen" in response.content.decode()


@pytest.mark.parametrize("who", ["reader", "falun_rep", "avesta_respondent"])
def test_others_are_refused_the_admin(client_for, request, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("admin:index"), follow=True).status_code == 403
    response = client.get(reverse("admin:gnv_portal_municipality_changelist"), follow=True)
    assert response.status_code == 403
    assert "Älvdalen" not in response.content.decode()


def test_anonymous_is_sent_to_the_portal_login(client, reference):
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
