"""RSS uploads values (CSV or a saved Kolada response) in the portal."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from infographic.models import IndicatorValue

URL = reverse("infographic:import_values")


def upload(data_dir, name):
    return SimpleUploadedFile(name, (data_dir / name).read_bytes())


def test_rss_imports_a_csv_file(client_for, rss_user, data_dir):
    response = client_for(rss_user).post(URL, {"file": upload(data_dir, "values.csv")}, follow=True)
    assert "Importen är klar. Nya värden: 5" in response.content.decode()
    assert IndicatorValue.objects.count() == 5


def test_rss_imports_a_saved_kolada_response_for_chosen_periods(client_for, rss_user, data_dir):
    client_for(rss_user).post(URL, {"file": upload(data_dir, "kolada_v3_page2.json"), "period": "2023"})
    assert list(IndicatorValue.objects.values_list("period", "sex")) == [(2023, "K")]


def test_a_bad_file_imports_nothing_and_lists_the_rows(client_for, rss_user, data_dir):
    response = client_for(rss_user).post(URL, {"file": upload(data_dir, "values_bad.csv"), "period": "2024"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ingenting importerades" in page and "Rad 3, kolumn indicator" in page
    assert response.context["form"]["period"].value() == "2024"  # what was typed is kept
    assert IndicatorValue.objects.count() == 0


@pytest.mark.parametrize(("name", "message"), [("kolada_broken.json", "inte giltig JSON"),
                                                ("kolada_not_kolada.json", "ser inte ut som ett Kolada-svar")])
def test_a_bad_kolada_file_is_refused(client_for, rss_user, data_dir, name, message):
    page = client_for(rss_user).post(URL, {"file": upload(data_dir, name)}).content.decode()
    assert message in page and IndicatorValue.objects.count() == 0


def test_the_wrong_kind_of_file_and_bad_periods_are_reported_at_the_fields(client_for, rss_user):
    response = client_for(rss_user).post(URL, {"file": SimpleUploadedFile("bild.png", b"x"), "period": "i fjol"})
    form = response.context["form"]
    assert "Välj en CSV-fil" in form.errors["file"][0]
    assert "Skriv årtal" in form.errors["period"][0]


def test_a_reader_may_not_import(client_for, reader, data_dir):
    assert client_for(reader).get(URL).status_code == 403
    assert client_for(reader).post(URL, {"file": upload(data_dir, "values.csv")}).status_code == 403
    assert IndicatorValue.objects.count() == 0


def test_a_respondent_may_not_import(client_for, avesta_respondent, data_dir):
    assert client_for(avesta_respondent).post(URL, {"file": upload(data_dir, "values.csv")}).status_code == 403
    assert IndicatorValue.objects.count() == 0
