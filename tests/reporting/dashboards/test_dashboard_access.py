"""Who reaches the dashboards, and that a reader never reaches unpublished years, drafts or free
text through any filter or CSV (all four dashboard views)."""

import pytest

from tests.reporting.dashboards.conftest import DASH

pytestmark = pytest.mark.django_db

PAGES = ["", "sjalvskattning/", "nyckeltal/", "ekonomi/"]
CSVS = [
    ("", "inskickat"), ("sjalvskattning/", "medel-over-ar"), ("sjalvskattning/", "fordelning"),
    ("sjalvskattning/", "jamforelse"), ("nyckeltal/", "nyckeltal-over-tid"), ("nyckeltal/", "kommuner"),
    ("ekonomi/", "ekonomi-ar"), ("ekonomi/", "belopp-over-ar"), ("ekonomi/", "andel-forbrukad"),
]
SECRETS = ["7654321", "7\u00a0654\u00a0321", "876,5", "876.5", "87654", "87\u00a0654", "4321987",
           "4\u00a0321\u00a0987", "Hemlig", 'value="2025"']


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitor_is_sent_to_log_in(client, dash, page):
    response = client.get(DASH + page)
    assert response.status_code == 302
    assert "/konto/logga-in/" in response["Location"]


@pytest.mark.parametrize("page", PAGES)
def test_respondent_without_reader_role_is_refused(client_for, falun_rep, avesta_respondent, dash, page):
    assert client_for(falun_rep).get(DASH + page).status_code == 403
    assert client_for(avesta_respondent).get(DASH + page + "?csv=medel-over-ar").status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_reader_sees_each_dashboard_without_unpublished_figures_or_free_text(reader_client, page):
    response = reader_client.get(DASH + page)
    assert response.status_code == 200
    html = response.content.decode()
    for secret in SECRETS:
        assert secret not in html, secret


@pytest.mark.parametrize("page", PAGES)
def test_reader_asking_for_an_unpublished_year_gets_404(reader_client, page):
    assert reader_client.get(DASH + page + "?ar=2025").status_code == 404


@pytest.mark.parametrize(("page", "panel"), CSVS)
def test_reader_csv_of_an_unpublished_year_is_404(reader_client, page, panel):
    assert reader_client.get(DASH + page + f"?ar=2025&csv={panel}").status_code == 404


@pytest.mark.parametrize(("page", "panel"), CSVS)
def test_reader_csv_holds_no_unpublished_figures(reader_client, page, panel):
    params = {"nyckeltal/": "?nyckeltal=2.1&kommun=2080&", "ekonomi/": "?kommun=2080&"}.get(page, "?")
    response = reader_client.get(DASH + page + params + f"csv={panel}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert len(text.strip().split("\r\n")) > 1
    for secret in SECRETS:
        assert secret not in text, (panel, secret)


def test_an_unknown_panel_in_the_csv_parameter_is_404(reader_client):
    assert reader_client.get(DASH + "?csv=hemligt").status_code == 404


def test_posting_to_a_dashboard_is_not_allowed(reader_client):
    assert reader_client.post(DASH + "ekonomi/").status_code == 405


def test_rss_sees_the_open_year(rss_client):
    response = rss_client.get(DASH + "ekonomi/?ar=2025&csv=ekonomi-ar")
    assert response.status_code == 200
    assert "7654321" in response.content.decode("utf-8-sig")


def test_reader_without_published_years_is_told_so(reader, client_for, reference):
    response = client_for(reader).get(DASH + "nyckeltal/")
    assert response.status_code == 200
    assert "inga publicerade år" in response.content.decode()


def test_rss_is_told_which_years_are_unpublished(rss_client):
    html = rss_client.get(DASH + "?ar=2025").content.decode()
    assert '<option value="2025" selected>2025 – ej publicerat</option>' in html
    assert "Läsare ser bara publicerade år." in html
