import pytest
from django.urls import reverse

from gnv_portal import workflow
from gnv_portal.models import ResponseStatus, Role
from reporting.models import EconomicReport
from reporting.municipal import economy
from tests.conftest import make_user
from tests.reporting.municipal.helpers import submit_through_confirm
from tests.versions import shown_version

NBSP = "\u00a0"


def _url(year, municipality):
    return reverse("reporting:economy", args=[year.year, municipality.pk])


def test_amounts_typed_the_swedish_way_are_saved_as_whole_kronor(client_for, avesta_respondent, year2024, avesta):
    client = client_for(avesta_respondent)
    data = {"allocated": "1 894 630", "surplus": f"39{NBSP}273", "consumed": "1894630", "action": "save"}
    response = client.post(_url(year2024, avesta), data, follow=True)
    assert "Utkastet är sparat." in response.content.decode()
    report = EconomicReport.objects.get()
    assert (report.allocated, report.surplus, report.consumed) == (1894630, 39273, 1894630)
    page = client.get(_url(year2024, avesta)).content.decode()
    assert f"1{NBSP}933{NBSP}903 kr" in page  # available
    assert f"39{NBSP}273 kr" in page  # unused


def _confirm(year, municipality):
    return reverse("reporting:economy_confirm", args=[year.year, municipality.pk])


def _submit(client, year, municipality, data):
    return submit_through_confirm(client, _url(year, municipality), _confirm(year, municipality), data)


@pytest.mark.parametrize(("typed", "message"), [("-100", "negativt"), ("mycket", "hela kronor")])
def test_a_bad_amount_is_refused_at_the_field_kept_as_typed_and_the_rest_saved(client_for, avesta_respondent,
                                                                               year2024, avesta, typed, message):
    client = client_for(avesta_respondent)
    data = {"allocated": "1 000", "surplus": "0", "consumed": typed, "comment": "Min kommentar", "action": "save"}
    response = client.post(_url(year2024, avesta), data)
    page = response.content.decode()
    assert 'id="id_consumed_error"' in page and message in page
    assert f'value="{typed}"' in page and "Min kommentar" in page
    report = EconomicReport.objects.get()
    assert (report.allocated, report.surplus, report.consumed, report.comment) == (1000, 0, None, "Min kommentar")
    assert report.pending_input["consumed"] == typed
    again = client.get(_url(year2024, avesta)).content.decode()
    assert f'value="{typed}"' in again and message in again


def test_consumed_above_available_asks_for_confirmation_and_comment_on_submit(client_for, avesta_respondent,
                                                                              year2024, avesta):
    client = client_for(avesta_respondent)
    data = {"allocated": "1 000", "surplus": "100", "consumed": "1 200", "action": "save"}
    # A draft is a draft: the over-spend is confirmed when submitting.
    assert client.post(_url(year2024, avesta), data).status_code == 302
    assert EconomicReport.objects.get().consumed == 1200
    data = {**data, "action": "submit", "version": str(EconomicReport.objects.get().version)}
    page = client.post(_url(year2024, avesta), data).content.decode()
    assert "Bekräfta att beloppet stämmer" in page and "Förklara i en kommentar" in page
    assert 'name="overspend_confirmed"' in page
    assert EconomicReport.objects.get().status == ResponseStatus.DRAFT
    data.update({"overspend_confirmed": "on", "comment": "Egen finansiering av resten"})
    _submit(client, year2024, avesta, data)
    report = EconomicReport.objects.get()
    assert report.status == ResponseStatus.SUBMITTED and report.overspend_confirmed
    assert economy.unused(report.allocated, report.surplus, report.consumed) == -100


def test_prefilled_amounts_are_fixed_for_the_municipality(client_for, avesta_respondent, rss_user, year2024, avesta):
    economy.prefill(year2024, {avesta: (1894630, 39273)}, rss_user)
    client = client_for(avesta_respondent)
    page = client.get(_url(year2024, avesta)).content.decode()
    assert "Ifyllt av RSS Dalarna. (Rut Samordnare," in page and "Ej påbörjad" in page
    _submit(client, year2024, avesta, {"allocated": "1", "surplus": "1", "consumed": "1 894 630",
                                       **shown_version(client, _url(year2024, avesta))})
    report = EconomicReport.objects.get()
    assert (report.allocated, report.surplus, report.consumed) == (1894630, 39273, 1894630)
    assert report.status == ResponseStatus.SUBMITTED
    assert [e.action for e in workflow.history(report)] == ["saved", "submitted"]


def test_amounts_the_municipality_typed_stay_correctable(client_for, avesta_respondent, year2024, avesta):
    client = client_for(avesta_respondent)
    client.post(_url(year2024, avesta), {"allocated": "1 000 000", "surplus": "5", "action": "save"})
    page = client.get(_url(year2024, avesta)).content.decode()
    assert "Ifyllt av RSS Dalarna" not in page and "disabled" not in page
    client.post(_url(year2024, avesta), {"allocated": "100 000", "surplus": "5", "action": "save",
                                         **shown_version(client, _url(year2024, avesta))})
    report = EconomicReport.objects.get()
    assert report.allocated == 100000 and report.prefilled_fields == []


def test_submitting_needs_every_amount(client_for, avesta_respondent, year2024, avesta):
    page = client_for(avesta_respondent).post(_url(year2024, avesta), {"allocated": "5", "action": "submit"})
    assert "Fyll i beloppet innan du skickar in" in page.content.decode()
    report = EconomicReport.objects.get()
    assert report.allocated == 5 and report.status == ResponseStatus.DRAFT


def test_a_submitted_report_is_locked_for_the_respondent(client_for, avesta_respondent, year2024, avesta):
    client = client_for(avesta_respondent)
    _submit(client, year2024, avesta, {"allocated": "5", "surplus": "0", "consumed": "5"})
    assert EconomicReport.objects.get().status == ResponseStatus.SUBMITTED
    response = client.post(_url(year2024, avesta), {"allocated": "9", "surplus": "0", "consumed": "9",
                                                    "action": "save"})
    assert response.status_code == 403
    assert EconomicReport.objects.get().consumed == 5


def test_a_respondent_cannot_read_or_post_another_municipalitys_report(client_for, avesta_respondent, year2024,
                                                                       falun):
    EconomicReport.objects.create(year=year2024, municipality=falun, allocated=4970761, surplus=1, consumed=2)
    client = client_for(avesta_respondent)
    response = client.get(_url(year2024, falun))
    assert response.status_code == 404 and "4 970 761" not in response.content.decode()
    response = client.post(_url(year2024, falun), {"allocated": "1", "surplus": "1", "consumed": "1",
                                                   "action": "submit"})
    assert response.status_code == 404
    assert EconomicReport.objects.get().consumed == 2


def test_survey_role_alone_does_not_open_the_economy_form(client_for, year2024, avesta):
    person = make_user("enkat-only@test.invalid", Role.SURVEY_RESPONDENT, municipality=avesta)
    assert client_for(person).get(_url(year2024, avesta)).status_code == 404
