"""The annual report text from two tabs (situation 3): the stale tab's save is refused with the
differing lines of both texts, nothing stored changes, and saving again takes over its text."""

from django.urls import reverse

from gnv_portal.models import ReportingYear
from reporting.models import ReportText
from tests.versions import page_data


def test_a_stale_tab_does_not_overwrite_the_report_text(client_for, rss_user, reference):
    year = ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN)
    ReportText.objects.create(year=year, body="# 1 Bakgrund\n\nFörsta texten.\n", version=1)
    url = reverse("reporting:report_text", args=[2024])
    client = client_for(rss_user)
    tab_a, tab_b = page_data(client.get(url)), page_data(client.get(url))
    assert client.post(url, {**tab_a, "body": "# 1 Bakgrund\n\nText från flik A.\n", "action": "save"}).status_code \
        == 302
    # Tab B previews first (nothing saved, the version it started from is kept), then saves.
    preview = client.post(url, {**tab_b, "body": "# 1 Bakgrund\n\nText från flik B.\n", "action": "preview"})
    refused = client.post(url, {**page_data(preview), "action": "save"})
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "Text från flik A." in html and "Text från flik B." in html and "Rut Samordnare" in html
    assert ReportText.objects.get().body == "# 1 Bakgrund\n\nText från flik A.\n"
    assert client.post(url, {**page_data(refused), "action": "save"}).status_code == 302
    assert ReportText.objects.get().body == "# 1 Bakgrund\n\nText från flik B.\n"
