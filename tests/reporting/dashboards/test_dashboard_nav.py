"""The "Översikter" link in the main menu (reporting.home.nav_links)."""

import pytest

from reporting.home import nav_links

pytestmark = pytest.mark.django_db


def test_readers_and_rss_get_the_dashboards_link(reader, rss_user):
    assert ("Översikter", "/rapportering/valfardsradet/") in nav_links(reader)
    assert ("Översikter", "/rapportering/valfardsradet/") in nav_links(rss_user)


def test_respondents_do_not(avesta_respondent, falun_rep):
    assert all(label != "Översikter" for label, _url in nav_links(avesta_respondent) + nav_links(falun_rep))
