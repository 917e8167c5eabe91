"""Publishing a version and closing the year are two acts (reporting.annual_report.publication):
the confirmation page lists what is open, publishing leaves the year alone unless RSS chooses
to close it, a new publication replaces the old one, and a withdrawal keeps its reason."""

from datetime import timedelta

import pytest
from django.urls import reverse

from gnv_portal import workflow
from gnv_portal.models import LocalLeadership, Municipality, ReportingYear, ResponseEvent, ResponseStatus, Role
from reporting.annual_report import publication
from reporting.models import ReportVersion
from selfassessment.models import SelfAssessment
from tests.conftest import make_user
from tests.reporting.municipal.helpers import answer_survey
from tests.versions import page_data


@pytest.fixture
def answers(open_year, rss_user, falun_rep):
    """Avesta submitted, then reopened for correction; Falun has a draft; Falun's representative has not started."""
    avesta = answer_survey(open_year.questionnaire, Municipality.objects.get(name="Avesta"),
                           viktigaste_insatser="Mobila team")
    workflow.reopen(avesta, rss_user, "Komplettera siffrorna")
    answer_survey(open_year.questionnaire, Municipality.objects.get(name="Falun"), status=ResponseStatus.DRAFT,
                  viktigaste_insatser="Utkast")
    return avesta


def _version(year, **fields):
    return ReportVersion.objects.create(year=year, format="html", status=ReportVersion.Status.READY,
                                        content=b"<html>rapport</html>", checksum="abc", **fields)


def test_the_confirmation_lists_what_is_not_submitted_and_what_is_reopened(answers, open_year):
    missing, reopened = publication.open_answers(open_year)
    assert [i.text for i in reopened] == ["Kommunenkät, Avesta: återöppnad"]
    texts = [i.text for i in missing]
    assert "Kommunenkät, Falun: utkast" in texts and "Kommunenkät, Borlänge: ej påbörjad" in texts
    assert "Självskattning, Falun (Frida Falk): ej påbörjad" in texts
    assert "Kartläggning, Södra Dalarna: ej påbörjad" in texts
    assert "Ekonomisk redovisning, Avesta: ej påbörjad" in texts
    assert not any("Avesta" in t and "Kommunenkät" in t for t in texts)


def test_publishing_an_open_year_leaves_the_year_and_the_answers_as_they_are(answers, open_year, rss_user,
                                                                             avesta_respondent):
    version = _version(open_year)
    assert publication.publish(version, rss_user, year_seen=open_year.version) is True
    version.refresh_from_db()
    open_year.refresh_from_db()
    answers.refresh_from_db()
    assert version.is_current_publication and version.published_by == rss_user
    assert open_year.status == ReportingYear.Status.OPEN and answers.status == ResponseStatus.REOPENED
    assert workflow.lock_reason(open_year, answers, avesta_respondent) == ""
    assert [e.action for e in workflow.history(version)] == [ResponseEvent.Action.PUBLISHED]
    assert not workflow.history(open_year).exists()


def test_rss_may_close_the_year_when_publishing(answers, open_year, rss_user, avesta_respondent):
    publication.publish(_version(open_year), rss_user, year_seen=open_year.version, close=True)
    open_year.refresh_from_db()
    assert open_year.status == ReportingYear.Status.PUBLISHED
    assert "är stängt" in workflow.lock_reason(open_year, answers, avesta_respondent)
    assert [e.action for e in workflow.history(open_year)] == [ResponseEvent.Action.CLOSED]


def test_closing_alone_and_a_later_publication(open_year, rss_user):
    assert publication.close_year(open_year, rss_user, open_year.version) is True
    open_year.refresh_from_db()
    assert open_year.status == ReportingYear.Status.CLOSED
    publication.publish(_version(open_year), rss_user, year_seen=open_year.version)
    open_year.refresh_from_db()
    assert open_year.status == ReportingYear.Status.PUBLISHED


def test_closing_from_an_outdated_page_is_refused(open_year, rss_user):
    shown = open_year.version
    open_year.deadline += timedelta(days=14)  # a colleague moves the deadline meanwhile
    workflow.bump(open_year, rss_user)
    open_year.save()
    with pytest.raises(workflow.Stale):
        publication.close_year(open_year, rss_user, shown)
    assert ReportingYear.objects.get(pk=open_year.pk).status == ReportingYear.Status.OPEN


def test_a_new_publication_replaces_the_old_one_which_stays_readable(open_year, rss_user, client_for, reader):
    first, second = _version(open_year), _version(open_year)
    publication.publish(first, rss_user, year_seen=open_year.version, close=True)
    open_year.refresh_from_db()
    publication.publish(second, rss_user, year_seen=open_year.version)
    first.refresh_from_db()
    assert first.published and first.replaced_by == second and not first.is_current_publication
    assert publication.current_publication(open_year) == second
    client = client_for(reader)
    listing = client.get(reverse("reporting:report", args=[2024])).content.decode()
    assert "publicerad, ersatt av en senare version" in listing
    page = client.get(reverse("reporting:report_version", args=[first.pk])).content.decode()
    assert "Ersatt av en senare publicerad version" in page


def test_a_withdrawal_needs_a_reason_is_logged_and_hides_the_version(open_year, rss_user, client_for, reader):
    version = _version(open_year)
    publication.publish(version, rss_user, year_seen=open_year.version, close=True)
    with pytest.raises(ValueError):
        publication.withdraw(version, rss_user, "  ")
    assert publication.withdraw(version, rss_user, "Fel siffror i Bilaga 1") is True
    version.refresh_from_db()
    assert version.withdrawn_reason == "Fel siffror i Bilaga 1" and version.withdrawn_by == rss_user
    event = list(workflow.history(version))[-1]
    assert (event.action, event.reason, event.user) == (ResponseEvent.Action.WITHDRAWN, "Fel siffror i Bilaga 1",
                                                        rss_user)
    # Still closed (nothing reopens), no longer published.
    assert ReportingYear.objects.get(pk=open_year.pk).status == ReportingYear.Status.CLOSED
    assert client_for(reader).get(reverse("reporting:report_version", args=[version.pk])).status_code == 404
    assert "Fel siffror i Bilaga 1" in client_for(rss_user).get(
        reverse("reporting:report", args=[2024])).content.decode()


def test_the_publish_page_shows_the_deadline_and_the_open_answers_and_publishes_without_closing(
        answers, open_year, client_for, rss_user):
    version = _version(open_year)
    url = reverse("reporting:report_publish", args=[version.pk])
    client = client_for(rss_user)
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and open_year.deadline.strftime("%Y") in html
    assert "Kommunenkät, Avesta: återöppnad" in html and "Kommunenkät, Falun: utkast" in html
    assert "Låt året vara öppet" in html
    # GET changed nothing; the default choice publishes and leaves the year open.
    assert not ReportVersion.objects.get(pk=version.pk).published
    assert client.post(url, page_data(page)).status_code == 302
    assert ReportVersion.objects.get(pk=version.pk).is_current_publication
    assert ReportingYear.objects.get(pk=open_year.pk).status == ReportingYear.Status.OPEN


def test_the_close_page_lists_the_open_answers_and_closes_on_confirmation(answers, open_year, client_for, rss_user):
    url = reverse("reporting:year_close", args=[2024])
    client = client_for(rss_user)
    page = client.get(url)
    assert "Återöppnat för rättelse (1)" in page.content.decode()
    assert ReportingYear.objects.get(pk=open_year.pk).status == ReportingYear.Status.OPEN
    assert client.post(url, page_data(page)).status_code == 302
    assert ReportingYear.objects.get(pk=open_year.pk).status == ReportingYear.Status.CLOSED


def test_a_warning_rss_must_confirm_stops_the_publication_until_ticked(open_year, client_for, rss_user,
                                                                     monkeypatch):
    # The page takes any list of groups; report-build warnings come in through report_checks().
    warning = publication.Group("varningar", "Varningar från rapportbygget",
                                [publication.Item("Platshållare kvar i avsnitt 3.5")],
                                confirm="Jag har läst varningarna och vill publicera ändå.")
    monkeypatch.setattr(publication, "report_checks", lambda version: [warning])
    version = _version(open_year)
    url = reverse("reporting:report_publish", args=[version.pk])
    client = client_for(rss_user)
    page = client.get(url)
    assert "Platshållare kvar i avsnitt 3.5" in page.content.decode()
    refused = client.post(url, page_data(page))
    assert refused.status_code == 400 and "Kryssa i rutan" in refused.content.decode()
    assert not ReportVersion.objects.get(pk=version.pk).published
    assert client.post(url, {**page_data(page), "checked": "varningar"}).status_code == 302
    assert ReportVersion.objects.get(pk=version.pk).published


@pytest.mark.parametrize("who", ["reader", "avesta_respondent"])
def test_only_rss_publishes_closes_or_withdraws(open_year, client_for, request, who):
    version = _version(open_year, published=True)
    client = client_for(request.getfixturevalue(who))
    for url in (reverse("reporting:report_publish", args=[version.pk]), reverse("reporting:year_close", args=[2024]),
                reverse("reporting:report_withdraw", args=[version.pk])):
        assert client.post(url, {"reason": "x", "close": "yes"}).status_code == 403
    assert ReportVersion.objects.get(pk=version.pk).withdrawn_at is None
    assert ReportingYear.objects.get(pk=open_year.pk).status == ReportingYear.Status.OPEN


def test_a_representative_without_an_answer_is_listed_even_when_a_colleague_answered(open_year, falun_rep):
    colleague = make_user("falun2@test.invalid", Role.LEADERSHIP_REP, leadership=LocalLeadership.objects.get(
        name="Falun"), first_name="Kim", last_name="Kollega")
    SelfAssessment.objects.create(year=open_year, leadership=LocalLeadership.objects.get(name="Falun"),
                                  respondent=falun_rep, respondent_label=falun_rep.email,
                                  status=ResponseStatus.SUBMITTED)
    missing, _reopened = publication.open_answers(open_year)
    texts = [i.text for i in missing]
    assert f"Självskattning, Falun ({colleague}): ej påbörjad" in texts
    assert not any(str(falun_rep) in t for t in texts)
