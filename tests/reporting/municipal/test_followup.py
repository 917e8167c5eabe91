from django.core import mail

from gnv_portal import outreach
from gnv_portal.models import EmailLog, Membership, ResponseStatus, Role
from reporting.models import Part
from reporting.municipal import followup
from tests.conftest import make_user
from tests.reporting.municipal.helpers import answer_survey, economic_report


def test_completeness_per_municipality_and_part(questionnaire, avesta_respondent, falun):
    answer_survey(questionnaire, falun, viktigaste_insatser="x")
    economic_report(questionnaire.year, "Avesta", 1, 1, 1, status=ResponseStatus.DRAFT)
    rows = {r["municipality"].name: r for r in followup.completeness(questionnaire.year)}
    assert len(rows) == 15
    assert rows["Falun"][Part.SURVEY]["status"] == ResponseStatus.SUBMITTED
    assert rows["Avesta"][Part.SURVEY]["status"] == ResponseStatus.NOT_STARTED
    assert rows["Avesta"][Part.ECONOMY]["status"] == ResponseStatus.DRAFT
    assert rows["Avesta"][Part.SURVEY]["respondents"] == [avesta_respondent]
    assert followup.totals(list(rows.values()))[Part.SURVEY] == "1 av 15 inskickade"


def test_reminders_go_only_to_those_not_submitted_and_are_logged(questionnaire, avesta_respondent, falun, rss_user):
    falun_person = make_user("falun-kommun@test.invalid", Role.SURVEY_RESPONDENT, municipality=falun)
    answer_survey(questionnaire, falun, viktigaste_insatser="x")
    sent = outreach.send(outreach.get_part(Part.SURVEY), questionnaire.year, outreach.REMINDER, sent_by=rss_user,
                         base_url="http://testserver/")
    assert sent == 1
    assert [m.to for m in mail.outbox] == [["avesta@test.invalid"]]
    assert "Påminnelse" in mail.outbox[0].subject and "Avesta" in mail.outbox[0].subject
    assert f"/rapportering/2024/kommunenkat/{avesta_respondent.memberships.first().municipality_id}/" in \
        mail.outbox[0].body
    log = EmailLog.objects.get()
    assert (log.template_key, log.to, log.sent_by, log.year, log.part) == (
        "reporting-reminder", "avesta@test.invalid", rss_user, questionnaire.year, "kommunenkat")
    assert falun_person.email not in {m.to[0] for m in mail.outbox}


def test_invitations_go_to_every_respondent_of_the_part(questionnaire, avesta_respondent, falun, rss_user):
    make_user("falun-ekonomi@test.invalid", Role.ECONOMY_RESPONDENT, municipality=falun)
    outreach.send(outreach.get_part(Part.ECONOMY), questionnaire.year, outreach.INVITATION, sent_by=rss_user,
                  base_url="http://x/")
    assert sorted(m.to[0] for m in mail.outbox) == ["avesta@test.invalid", "falun-ekonomi@test.invalid"]
    assert all("Ekonomisk redovisning 2024" in m.subject for m in mail.outbox)
    assert EmailLog.objects.filter(template_key="reporting-invitation").count() == 2
    assert Membership.objects.filter(role=Role.ECONOMY_RESPONDENT).count() == 2
