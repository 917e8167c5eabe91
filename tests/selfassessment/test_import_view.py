"""RSS uploads the same CSV in the portal."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from selfassessment.models import SelfAssessment
from tests.selfassessment.test_imports import GOOD

pytestmark = pytest.mark.django_db
URL = reverse("selfassessment:import")


def upload(text):
    return {"file": SimpleUploadedFile("s.csv", text.encode(), content_type="text/csv")}


def test_rss_uploads_a_file(client_for, rss_user):
    response = client_for(rss_user).post(URL, upload(GOOD))
    assert response.status_code == 200
    assert "3 svar nya" in response.content.decode()
    assert SelfAssessment.objects.count() == 3


def test_errors_are_listed_row_by_row_and_nothing_is_stored(client_for, rss_user):
    page = client_for(rss_user).post(URL, upload(GOOD + "2022,Falun,x,1,tre,,\n")).content.decode()
    assert "Inget lästes in" in page and "<td>6</td><td>rating</td>" in page
    assert not SelfAssessment.objects.exists()


def test_representative_and_reader_cannot_import(client_for, falun_rep, reader):
    for user in (falun_rep, reader):
        assert client_for(user).post(URL, upload(GOOD)).status_code == 403
    assert not SelfAssessment.objects.exists()
