"""The menu link and the start-page task."""

from django.urls import reverse

from infographic.home import nav_links, tasks_for


def test_readers_and_rss_get_the_menu_link(reader, rss_user, falun_rep):
    url = reverse("infographic:infographic")
    assert nav_links(reader) == [("Nyckeltal", url)]
    assert nav_links(rss_user) == [("Nyckeltal", url)]
    assert nav_links(falun_rep) == []


def test_rss_gets_an_import_task(rss_user, reader):
    (task,) = tasks_for(rss_user)
    assert task["url"] == reverse("infographic:import_values") and task["status"] == "Inga värden ännu"
    assert tasks_for(reader) == []
