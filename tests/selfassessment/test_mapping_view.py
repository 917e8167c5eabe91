"""The leadership mapping (kartläggning) form: one per leadership and year."""

import pytest
from django.urls import reverse

from gnv_portal.models import ResponseEvent, ResponseStatus
from gnv_portal.workflow import history
from selfassessment.models import LeadershipMapping
from tests.selfassessment.conftest import leadership
from tests.versions import shown_version, version_in

pytestmark = pytest.mark.django_db


def url(name="Falun", view="mapping", year=2024):
    return reverse(f"selfassessment:{view}", args=[year, leadership(name).pk])


def complete(action="save", **changes):
    data = {"action": action, "has_convening_structure": "ja", "has_chair": "ja", "meetings_per_year": "4",
            "member_roles": ["mas", "bup"], "polsam": "ibland", "user_influence": "nej", "user_influence_how": "",
            "has_local_plan": "ja", "has_communication_plan": "nej", "challenges": "Tid", "works_well": "Dialog"}
    data.update(changes)
    return data


def test_the_form_groups_choices_in_fieldsets_with_legends(client_for, falun_rep, year_2024):
    page = client_for(falun_rep).get(url()).content.decode()
    assert "<legend" in page and "Vilka roller ingår i systemledningen?" in page and "Brukarrepresentant" in page


def test_draft_keeps_answers_and_bad_number_gets_a_swedish_error(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    response = client.post(url(), complete(meetings_per_year="ofta"))
    assert response.status_code == 200
    assert "Ange antalet möten som ett heltal, t.ex. 4." in response.content.decode()
    saved = LeadershipMapping.objects.get()
    assert saved.member_roles == ["mas", "bup"] and saved.has_chair is True and saved.meetings_per_year is None
    again = client.get(url()).content.decode()
    assert 'value="ofta"' in again and "Ange antalet möten" in again


def test_submit_needs_every_answer_then_confirms_once(client_for, falun_rep, year_2024):
    client = client_for(falun_rep)
    response = client.post(url(), complete(action="submit", polsam=""))
    assert response.status_code == 200 and "Besvara frågan innan du skickar in." in response.content.decode()
    # The page shown again carries the version just saved, so the corrected submit goes through.
    again = complete(action="submit", version=version_in(response))
    assert client.post(url(), again)["Location"] == url(view="mapping_confirm")
    shown = shown_version(client, url(view="mapping_confirm"))
    client.post(url(view="mapping_confirm"), shown)
    client.post(url(view="mapping_confirm"), shown)
    saved = LeadershipMapping.objects.get()
    assert saved.status == ResponseStatus.SUBMITTED
    assert [e.action for e in history(saved)].count(ResponseEvent.Action.SUBMITTED) == 1
    assert client.post(url(), complete(challenges="Ändrat")).status_code == 403
    assert LeadershipMapping.objects.get().challenges == "Tid"


def test_rss_change_to_a_submitted_mapping_is_kept_in_the_history(client_for, falun_rep, rss_user, year_2024):
    client = client_for(falun_rep)
    client.post(url(), complete(action="submit"))
    client.post(url(view="mapping_confirm"), shown_version(client, url(view="mapping_confirm")))
    rss = client_for(rss_user)
    rss.post(url(), complete(challenges="Rättat av RSS") | shown_version(rss, url()))
    saved = LeadershipMapping.objects.get()
    assert saved.challenges == "Rättat av RSS" and saved.status == ResponseStatus.SUBMITTED
    last = list(history(saved))[-1]
    assert last.action == ResponseEvent.Action.CHANGED and last.snapshot["challenges"] == "Rättat av RSS"


def test_another_leadership_gets_404_and_nothing_changes(client_for, mora_rep, year_2024):
    assert client_for(mora_rep).post(url(), complete()).status_code == 404
    assert not LeadershipMapping.objects.exists()
