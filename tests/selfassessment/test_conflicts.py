"""Two tabs, two representatives: a save from an outdated page is refused with both versions,
nothing stored changes, and taking over one's own values is one more click (situations 1, 2, 4)."""

import pytest
from django.urls import reverse

from gnv_portal import workflow
from gnv_portal.models import ResponseEvent, ResponseStatus, Role
from selfassessment.models import LeadershipMapping, SelfAssessment
from tests.conftest import make_user
from tests.selfassessment.conftest import form_data, leadership
from tests.versions import page_data, shown_version, version_in

pytestmark = pytest.mark.django_db


def url(view="form", name="Falun"):
    return reverse(f"selfassessment:{view}", args=[2024, leadership(name).pk])


def test_a_stale_tab_is_refused_with_both_versions_and_nothing_stored_changes(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    client.post(url(), form_data([4, 3, 3, 4, 2]))
    tab_a, tab_b = shown_version(client, url()), shown_version(client, url())
    saved_a = form_data([4, 3, 5, 4, 2], comments={3: "Flik A:s kommentar"}) | tab_a
    assert client.post(url(), saved_a).status_code == 302
    stored = SelfAssessment.objects.get()
    before = (stored.version, stored.snapshot())
    refused = client.post(url(), form_data([4, 3, 1, 4, 2]) | tab_b)
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "det du skrev är inte sparat" in html
    assert "Skattning av delmål 3" in html and "1 – Stämmer inte alls" in html and "5 – Stämmer mycket bra" in html
    assert "Flik A:s kommentar" in html and "Frida Falk" in html
    stored.refresh_from_db()
    assert (stored.version, stored.snapshot()) == before
    # Nothing B typed is lost: the form shows it, with the version stored now, ready to be saved.
    assert 'value="1" class="form-check-input" id="id_rating_3_0" checked' in html.replace("\n", "")
    assert version_in(html) == str(stored.version)


def test_taking_over_ones_own_values_saves_them_and_keeps_the_other_tabs_untouched_fields(client_for, falun_rep,
                                                                                         year_2024):
    client = client_for(falun_rep)
    client.post(url(), form_data([4, 3, 3, 4, 2]))
    tab_a, tab_b = page_data(client.get(url())), page_data(client.get(url()))
    client.post(url(), {**tab_a, "rating_3": "5", "comment_3": "Flik A:s kommentar", "action": "save"})
    refused = client.post(url(), {**tab_b, "rating_3": "1", "comment": "Från flik B", "action": "save"})
    html = refused.content.decode()
    assert refused.status_code == 409 and "Det sparade (du hade inte ändrat fältet)" in html
    # One click: B's own values, and A's comment B had not touched.
    assert client.post(url(), page_data(refused) | {"action": "save"}).status_code == 302
    stored = SelfAssessment.objects.get()
    assert stored.ratings.get(subgoal__number=3).rating == 1 and stored.comment == "Från flik B"
    assert stored.ratings.get(subgoal__number=3).comment == "Flik A:s kommentar"


def test_the_confirm_page_refuses_when_the_answer_changed_after_it_was_shown(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    client.post(url(), form_data([4, 3, 3, 4, 2], action="submit"))
    review = client.get(url("confirm"))
    assert "Du skickar in version 1" in review.content.decode()
    client.post(url(), form_data([4, 3, 1, 4, 2]) | shown_version(client, url()))  # another tab
    response = client.post(url("confirm"), {"version": version_in(review)}, follow=True)
    stored = SelfAssessment.objects.get()
    assert stored.status == ResponseStatus.DRAFT
    html = response.content.decode()
    assert "Svaret har ändrats sedan du granskade det" in html and "Du skickar in version 2" in html
    assert not stored_events(stored, ResponseEvent.Action.SUBMITTED)


def stored_events(row, action):
    return [e for e in workflow.history(row) if e.action == action]


def test_review_and_submit_on_an_untouched_empty_form_creates_no_draft(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    response = client.post(url(), form_data([None] * 5, applied="", action="submit"))
    assert response.status_code == 200 and "Välj en skattning för delmål 1." in response.content.decode()
    assert not SelfAssessment.objects.exists()
    client.post(url("mapping"), {"action": "submit"})
    assert not LeadershipMapping.objects.exists()


def test_a_save_that_changes_nothing_adds_no_history_row(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    client.post(url(), form_data([4, 3, 3, 4, 2]))
    client.post(url(), form_data([4, 3, 3, 4, 2]) | shown_version(client, url()))
    stored = SelfAssessment.objects.get()
    assert stored.version == 1 and len(stored_events(stored, ResponseEvent.Action.SAVED)) == 1


@pytest.fixture
def colleague(falun_rep):
    return make_user("falun2@test.invalid", Role.LEADERSHIP_REP, leadership=leadership("Falun"),
                     first_name="Kim", last_name="Kollega")


def test_the_shared_mapping_shows_who_else_has_it_open_and_who_saved_it(client_for, falun_rep, colleague,
                                                                         year_2024):
    client_for(falun_rep).get(url("mapping"))
    page = client_for(colleague).get(url("mapping")).content.decode()
    assert "Också öppen hos:" in page and "Frida Falk" in page
    assert "Kim Kollega" not in page.split("Också öppen hos:")[1].split("</div>")[0]
    client = client_for(falun_rep)
    client.post(url("mapping"), {"action": "save", "meetings_per_year": "8", "challenges": "Tid",
                                 **shown_version(client, url("mapping"))})
    page = client_for(colleague).get(url("mapping")).content.decode()
    assert "senast sparad" in page and "av Frida Falk" in page


def test_a_conflicting_save_of_the_shared_mapping_goes_through_the_comparison(client_for, falun_rep, colleague,
                                                                               year_2024):
    rep1 = client_for(falun_rep)
    seen_by_rep1 = page_data(rep1.get(url("mapping")))
    rep2 = client_for(colleague)
    seen_by_rep2 = page_data(rep2.get(url("mapping")))
    rep1 = client_for(falun_rep)
    rep1.post(url("mapping"), {**seen_by_rep1, "meetings_per_year": "8", "challenges": "Tid och pengar",
                               "action": "save"})
    rep2 = client_for(colleague)
    refused = rep2.post(url("mapping"), {**seen_by_rep2, "works_well": "Dialogen", "action": "save"})
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "Tid och pengar" in html and "Dialogen" in html and "Frida Falk" in html
    mapping = LeadershipMapping.objects.get()
    assert (mapping.meetings_per_year, mapping.challenges, mapping.works_well) == (8, "Tid och pengar", "")
    # Rep 2 saves the merged form: both representatives' answers are kept.
    assert rep2.post(url("mapping"), {**page_data(refused), "action": "save"}).status_code == 302
    mapping.refresh_from_db()
    assert (mapping.meetings_per_year, mapping.challenges, mapping.works_well) == (8, "Tid och pengar", "Dialogen")
