"""The annual report's portal pages: text with preview, versions built in the background,
publishing, and who may see what."""

import pytest
from django.urls import reverse

from gnv_portal.models import ReportingYear
from reporting.annual_report import build, report
from reporting.models import EconomicReport, ReportText, ReportVersion
from tests.versions import shown_version


@pytest.fixture
def ready_version(demo, demo_rss):
    return ReportVersion.objects.create(year=demo, format="html", status=ReportVersion.Status.READY,
                                        content=b"<html>rapport</html>", checksum="abc", created_by=demo_rss)


def test_anonymous_visitors_are_sent_to_log_in(client, demo, ready_version):
    for url in [reverse("reporting:report", args=[2024]), reverse("reporting:report_download",
                                                                  args=[ready_version.pk])]:
        response = client.get(url)
        assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]


def test_rss_clicks_skapa_rapport_and_gets_a_ready_pdf_with_checksum(client_for, demo, demo_rss,
                                                                    django_capture_on_commit_callbacks):
    client = client_for(demo_rss)
    with django_capture_on_commit_callbacks(execute=True):  # the task is queued once the version is saved
        response = client.post(reverse("reporting:report_create", args=[2024]), {"format": "pdf"})
    version = ReportVersion.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reporting:report_version",
                                                                            args=[version.pk])
    assert version.status == ReportVersion.Status.READY, version.error
    assert bytes(version.content).startswith(b"%PDF") and len(version.checksum) == 64
    assert version.snapshot["values"]["sjalvskattning_svarat_av"] == "13 av 13"
    page = client.get(response["Location"])
    assert "Ladda ner (PDF)" in page.content.decode() and version.checksum in page.content.decode()
    download = client.get(reverse("reporting:report_download", args=[version.pk]))
    assert download["Content-Type"] == "application/pdf" and download.content == bytes(version.content)


def test_a_reader_cannot_see_or_download_an_unpublished_version(client_for, demo_reader, ready_version):
    client = client_for(demo_reader)
    assert client.get(reverse("reporting:report_download", args=[ready_version.pk])).status_code == 404
    assert client.get(reverse("reporting:report_version", args=[ready_version.pk])).status_code == 404
    # Nothing published yet: for a reader the year has no report page.
    assert client.get(reverse("reporting:report", args=[2024])).status_code == 404


def test_a_reader_downloads_a_published_version_but_cannot_publish(client_for, demo_reader, ready_version):
    client = client_for(demo_reader)
    assert client.post(reverse("reporting:report_publish", args=[ready_version.pk])).status_code == 403
    ready_version.refresh_from_db()
    assert not ready_version.published
    ready_version.published = True
    ready_version.save()
    response = client.get(reverse("reporting:report_download", args=[ready_version.pk]))
    assert response.status_code == 200 and response.content == b"<html>rapport</html>"
    unpublished = ReportVersion.objects.create(year=ready_version.year, format="pdf", content=b"%PDF-",
                                               status=ReportVersion.Status.READY)
    listing = client.get(reverse("reporting:report", args=[2024])).content.decode()
    assert reverse("reporting:report_download", args=[ready_version.pk]) in listing
    assert reverse("reporting:report_download", args=[unpublished.pk]) not in listing


def test_respondents_may_not_see_the_report_pages(client_for, demo, ready_version):
    from gnv_portal.models import User

    client = client_for(User.objects.get(email="sl-falun@demo.invalid"))
    assert client.get(reverse("reporting:report", args=[2024])).status_code == 403
    assert client.get(reverse("reporting:report_text", args=[2024])).status_code == 403


def test_publishing_freezes_text_and_data_so_the_report_rebuilds_identically(client_for, demo, demo_rss,
                                                                             django_capture_on_commit_callbacks):
    client = client_for(demo_rss)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reporting:report_create", args=[2024]), {"format": "html"})
    version = ReportVersion.objects.get()
    url = reverse("reporting:report_publish", args=[version.pk])
    client.post(url, {**shown_version(client, url), "close": "yes"})
    version.refresh_from_db()
    assert version.published and ReportingYear.objects.get(year=2024).status == ReportingYear.Status.PUBLISHED
    # The data and the text change after publishing …
    EconomicReport.objects.filter(year=demo).update(consumed=1)
    ReportText.objects.create(year=demo, body="# 1 Ny text")
    assert "24\u00a0153\u00a0231" not in report.collect(demo)["values"]["ekonomi_forbrukat_summa"]
    # … but the published version rebuilds from what it kept.
    rebuilt = build.build(demo, "html", text=version.text, snapshot=version.snapshot)
    assert rebuilt.content == bytes(version.content)
    assert "24\u00a0153\u00a0231" in rebuilt.html


def test_rss_saves_the_text_and_an_unknown_block_is_shown_and_nothing_typed_is_lost(client_for, demo, demo_rss):
    client = client_for(demo_rss)
    url = reverse("reporting:report_text", args=[2024])
    page = client.get(url).content.decode()
    assert "[[figur_medelvarden]]" in page and "13 av 13" in page
    typed = "# 1 Bakgrund\n\nMin text <script>x()</script>\n\n[[figur_som_inte_finns]]\n"
    response = client.post(url, {"body": typed, "action": "save"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Rad 5: okänt block ”figur_som_inte_finns”." in html
    assert "Min text &lt;script&gt;x()&lt;/script&gt;" in html
    assert not ReportText.objects.exists()
    response = client.post(url, {"body": "# 1 Bakgrund\n\nHar svarat: {{ sjalvskattning_svarat_av }}.",
                                 "action": "save"})
    assert response.status_code == 302
    assert ReportText.objects.get(year=demo).body.endswith("{{ sjalvskattning_svarat_av }}.")


def test_preview_expands_values_and_escapes_html(client_for, demo, demo_rss):
    response = client_for(demo_rss).post(reverse("reporting:report_text", args=[2024]), {
        "body": "# 1 Bakgrund\n\n{{ sjalvskattning_svarat_av }} <b>fet</b>\n\n[[figur_medelvarden]]",
        "action": "preview"})
    html = response.content.decode()
    assert "13 av 13 &lt;b&gt;fet&lt;/b&gt;" in html
    assert 'id="figur-figur-medelvarden"' in html
    assert not ReportText.objects.exists()


def test_generated_drafts_are_inserted_as_editable_text(client_for, demo, demo_rss):
    response = client_for(demo_rss).post(reverse("reporting:report_text", args=[2024]), {
        "body": "### 3.2.1 Genomsnittliga skattningar\n\n[[utkast_medelvarden]]\n", "action": "insert_drafts"})
    html = response.content.decode()
    assert "[[utkast_medelvarden]]\n" not in html.split("</textarea>")[0]
    assert "Skattningarna som avser 2024 är för samtliga delmål utom ett i genomsnitt högre" in html


def test_the_full_preview_renders_the_default_text_for_rss(client_for, demo, demo_rss):
    response = client_for(demo_rss).get(reverse("reporting:report_preview", args=[2024]))
    html = response.content.decode()
    assert response.status_code == 200 and "Bilaga 1 – Ekonomisk redovisning" in html
    assert "24\u00a0153\u00a0231" in html


def test_a_reader_reads_a_published_pdf_version_as_html_but_not_an_unpublished_one(client_for, demo, demo_reader,
                                                                                   demo_rss):
    built = build.build(demo, "html")
    version = ReportVersion.objects.create(year=demo, format="pdf", status=ReportVersion.Status.READY,
                                           content=b"%PDF-", text=built.text, snapshot=built.snapshot)
    client = client_for(demo_reader)
    url = reverse("reporting:report_read", args=[version.pk])
    assert client.get(url).status_code == 404
    version.published = True
    version.save()
    response = client.get(url)
    assert response.status_code == 200 and response.content.decode() == built.html


def test_skapa_rapport_with_an_unknown_block_in_the_text_says_so_and_builds_nothing(client_for, demo, demo_rss):
    ReportText.objects.create(year=demo, body="# 1 Bakgrund\n\n[[finns_inte]]\n")
    client = client_for(demo_rss)
    response = client.post(reverse("reporting:report_create", args=[2024]), {"format": "pdf"}, follow=True)
    assert "Rad 3: okänt block ”finns_inte”." in response.content.decode()
    assert not ReportVersion.objects.exists()
