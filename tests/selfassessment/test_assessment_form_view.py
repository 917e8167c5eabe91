"""The representative's self-assessment form: drafts, bad input, submit, locks, access."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from gnv_portal.models import ResponseEvent, ResponseStatus, SubGoal
from gnv_portal.workflow import history
from selfassessment.models import SelfAssessment
from tests.selfassessment.conftest import form_data, leadership
from tests.versions import shown_version, version_in

pytestmark = pytest.mark.django_db


def url(year=2024, name="Falun", view="form"):
    return reverse(f"selfassessment:{view}", args=[year, leadership(name).pk])


def ratings_of(assessment):
    """The stored rating of each delmål (None where there is none)."""
    stored = {r.subgoal.number: r.rating for r in assessment.ratings.select_related("subgoal")}
    return {goal.number: stored.get(goal.number) for goal in SubGoal.objects.all()}


def test_form_shows_each_delmål_in_a_fieldset_with_scale_labels_and_last_year(
        client_for, falun_rep, year_2023, year_2024, make_answer):
    make_answer(year_2023, "Falun", "x", [3, 3, 3, 3, 3])
    make_answer(year_2023, "Falun", "y", [4, 3, 3, 3, 3])
    page = client_for(falun_rep).get(url()).content.decode()
    assert page.count("<fieldset") == 6  # five delmål and the ja/nej question
    assert "Delmål 1 – Nära för mig</legend>" in page
    assert "5 – Stämmer mycket bra" in page and "1 – Stämmer inte alls" in page
    assert "Systemledningens skattning 2023:" in page
    assert "<strong>3,5</strong>" in page


def test_saving_a_draft_keeps_everything_typed(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    response = client.post(url(), form_data([4, None, 3, None, 2], applied="", comment="Vi har börjat",
                                            comments={1: "Bra dialog"}))
    assert response.status_code == 302
    saved = SelfAssessment.objects.get()
    assert saved.status == ResponseStatus.DRAFT and saved.respondent == falun_rep
    assert ratings_of(saved) == {1: 4, 2: None, 3: 3, 4: None, 5: 2}
    assert saved.comment == "Vi har börjat" and saved.applied is None
    page = client.get(url()).content.decode()
    assert 'value="4" class="form-check-input" id="id_rating_1_3" checked' in page.replace("\n", "")
    assert "Bra dialog" in page and "Vi har börjat" in page
    assert [e.action for e in history(saved)] == [ResponseEvent.Action.SAVED]


@pytest.mark.parametrize("bad", ["0", "6", "tre"])
def test_a_bad_rating_gets_a_swedish_error_at_the_field_and_the_rest_is_kept(client_for, falun_rep, year_2024, bad):
    client = client_for(falun_rep)
    data = form_data([4, 3, 3, 4, 2], comment="Övrigt", comments={2: "Kommentar två"})
    data["rating_3"] = bad
    response = client.post(url(), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="rating_3-error"' in page and "Skattningen ska vara ett heltal från 1 till 5." in page
    assert "Kommentar två" in page and "Övrigt" in page
    saved = SelfAssessment.objects.get()
    assert ratings_of(saved) == {1: 4, 2: 3, 3: None, 4: 4, 5: 2}
    assert saved.pending_input["rating_3"] == bad
    # A reload shows the error again: nothing typed is lost.
    again = client.get(url()).content.decode()
    assert "Skattningen ska vara ett heltal från 1 till 5." in again and "Kommentar två" in again


def test_a_missing_rating_is_refused_on_submit_with_the_other_answers_kept(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    response = client.post(url(), form_data([4, None, 3, 4, 2], action="submit", comments={1: "Ett"}))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Välj en skattning för delmål 2." in page and "Ett" in page
    saved = SelfAssessment.objects.get()
    assert saved.status == ResponseStatus.DRAFT
    assert ratings_of(saved)[1] == 4


def test_submit_shows_a_summary_then_submits_once(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    response = client.post(url(), form_data([4, 3, 3, 4, 2], action="submit"))
    assert response["Location"] == url(view="confirm")
    summary = client.get(url(view="confirm")).content.decode()
    assert "4 – Stämmer bra" in summary and "Skicka in</button>" in summary
    assert SelfAssessment.objects.get().status == ResponseStatus.DRAFT
    shown = {"version": version_in(summary)}
    first = client.post(url(view="confirm"), shown)
    second = client.post(url(view="confirm"), shown)  # a double click
    assert first.status_code == second.status_code == 302
    saved = SelfAssessment.objects.get()
    assert saved.status == ResponseStatus.SUBMITTED and saved.submitted_by == falun_rep
    assert [e.action for e in history(saved)].count(ResponseEvent.Action.SUBMITTED) == 1


def test_submitted_answer_is_read_only_for_the_representative(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    client.post(url(), form_data(action="submit"))
    client.post(url(view="confirm"), shown_version(client, url(view="confirm")))
    page = client.get(url()).content.decode()
    assert "Svaret är inskickat och kan inte längre ändras." in page and "Spara utkast" not in page
    response = client.post(url(), form_data([1, 1, 1, 1, 1]))
    assert response.status_code == 403
    assert ratings_of(SelfAssessment.objects.get()) == {1: 4, 2: 3, 3: 3, 4: 4, 5: 2}


def test_confirm_refuses_an_incomplete_answer(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    client.post(url(), form_data([4, None, 3, 4, 2], applied=""))
    response = client.post(url(view="confirm"), {"version": SelfAssessment.objects.get().version})
    assert response.status_code == 400
    assert "Skattning av delmål 2 saknas." in response.content.decode()
    assert SelfAssessment.objects.get().status == ResponseStatus.DRAFT


def test_submit_after_the_deadline_is_refused_with_the_reason(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    client.post(url(), form_data())
    year_2024.deadline = timezone.localdate() - timedelta(days=1)
    year_2024.save()
    response = client.post(url(view="confirm"), {"version": SelfAssessment.objects.get().version})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Sista svarsdag var" in page and "Kontakta RSS Dalarna" in page
    assert SelfAssessment.objects.get().status == ResponseStatus.DRAFT
    assert client.post(url(), form_data([1, 1, 1, 1, 1])).status_code == 403
    assert ratings_of(SelfAssessment.objects.get())[1] == 4


def test_closed_year_form_is_locked_and_says_why(client_for, falun_rep, year_2023):
    page = client_for(falun_rep).get(url(2023)).content.decode()
    assert "Formuläret är låst." in page and "Rapporteringsåret 2023 är stängt." in page
    assert "Spara utkast" not in page


def test_two_representatives_answer_on_their_own(client_for, falun_rep, year_2024):
    from gnv_portal.models import Role
    from tests.conftest import make_user

    colleague = make_user("falun2@test.invalid", Role.LEADERSHIP_REP, leadership=leadership("Falun"))
    client_for(falun_rep).post(url(), form_data([4, 4, 4, 4, 4]))
    client = client_for(colleague)
    assert "checked" not in client.get(url()).content.decode()
    client.post(url(), form_data([2, 2, 2, 2, 2]))
    assert SelfAssessment.objects.count() == 2
    mine = SelfAssessment.objects.get(respondent=falun_rep)
    assert ratings_of(mine)[1] == 4


def test_posting_to_another_leaderships_form_gives_404_and_changes_nothing(client_for, mora_rep, falun_rep,
                                                                           year_2024):
    client_for(falun_rep).post(url(), form_data([4, 4, 4, 4, 4]))
    client = client_for(mora_rep)
    assert client.get(url()).status_code == 404
    assert client.post(url(), form_data([1, 1, 1, 1, 1])).status_code == 404
    assert client.post(url(view="confirm")).status_code == 404
    assert SelfAssessment.objects.count() == 1
    assert ratings_of(SelfAssessment.objects.get())[1] == 4


def test_reader_and_municipality_respondent_cannot_answer(client_for, reader, avesta_respondent, year_2024):
    for user in (reader, avesta_respondent):
        assert client_for(user).post(url(name="Södra Dalarna"), form_data()).status_code == 404
    assert not SelfAssessment.objects.exists()


def test_rss_is_sent_to_the_overview_instead_of_answering(client_for, rss_user, year_2024):
    response = client_for(rss_user).post(url(), form_data())
    assert response.status_code == 302 and "/oversikt/2024/" in response["Location"]
    assert not SelfAssessment.objects.exists()


def test_anonymous_goes_to_login(client, year_2024):
    response = client.get(url())
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]
