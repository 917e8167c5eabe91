"""The values as CSV, for readers and RSS."""

from django.urls import reverse

from infographic.imports import import_csv

URL = reverse("infographic:export_values")


def test_a_reader_downloads_the_values_as_csv(client_for, reader, data_dir):
    import_csv((data_dir / "values.csv").read_bytes())
    response = client_for(reader).get(URL)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = response.content.decode().splitlines()
    assert lines[0] == "indicator,area,period,sex,value" and len(lines) == 6


def test_a_respondent_may_not_download(client_for, mora_rep):
    assert client_for(mora_rep).get(URL).status_code == 403
