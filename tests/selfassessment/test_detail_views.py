"""RSS reopens a submitted answer with a reason; the respondent can then change it."""

import pytest
from django.urls import reverse

from gnv_portal.models import ResponseEvent, ResponseStatus
from gnv_portal.workflow import history
from selfassessment.models import LeadershipMapping
from tests.selfassessment.conftest import form_data, leadership
from tests.versions import shown_version

pytestmark = pytest.mark.django_db


def test_rss_reopens_with_a_reason_and_the_representative_can_change_again(client_for, rss_user, falun_rep,
                                                                           year_2024, make_answer):
    answer = make_answer(year_2024, "Falun", falun_rep.email, [4, 3, 3, 4, 2], applied=True, user=falun_rep)
    detail = reverse("selfassessment:assessment_detail", args=[answer.pk])
    rss = client_for(rss_user)
    assert "Öppna igen" in rss.get(detail).content.decode()
    refused = rss.post(detail, {"reason": ""})
    assert refused.status_code == 200 and "Ange varför svaret öppnas igen." in refused.content.decode()
    answer.refresh_from_db()
    assert answer.status == ResponseStatus.SUBMITTED
    rss.post(detail, {"reason": "Fel delmål 3"})
    answer.refresh_from_db()
    assert answer.status == ResponseStatus.REOPENED
    event = list(history(answer))[-1]
    assert (event.action, event.reason, event.user) == (ResponseEvent.Action.REOPENED, "Fel delmål 3", rss_user)
    rep = client_for(falun_rep)
    form = reverse("selfassessment:form", args=[2024, leadership("Falun").pk])
    assert rep.post(form, form_data([4, 3, 5, 4, 2]) | shown_version(rep, form)).status_code == 302
    assert answer.ratings.get(subgoal__number=3).rating == 5


def test_mapping_reopen(client_for, rss_user, year_2024):
    mapping = LeadershipMapping.objects.create(year=year_2024, leadership=leadership("Mora"),
                                               status=ResponseStatus.SUBMITTED)
    client_for(rss_user).post(reverse("selfassessment:mapping_detail", args=[mapping.pk]), {"reason": "Komplettera"})
    mapping.refresh_from_db()
    assert mapping.status == ResponseStatus.REOPENED


def test_representative_and_reader_cannot_reopen(client_for, falun_rep, reader, year_2024, make_answer):
    answer = make_answer(year_2024, "Falun", falun_rep.email, [4, 3, 3, 4, 2], user=falun_rep)
    detail = reverse("selfassessment:assessment_detail", args=[answer.pk])
    for user in (falun_rep, reader):
        assert client_for(user).post(detail, {"reason": "x"}).status_code == 403
    answer.refresh_from_db()
    assert answer.status == ResponseStatus.SUBMITTED


def test_rss_corrects_a_submitted_answer_and_the_change_is_in_the_history(client_for, rss_user, falun_rep,
                                                                          year_2024, make_answer):
    answer = make_answer(year_2024, "Falun", falun_rep.email, [4, 3, 3, 4, 2], applied=True, user=falun_rep)
    url = reverse("selfassessment:assessment_correct", args=[answer.pk])
    rss = client_for(rss_user)
    page = rss.get(url).content.decode()
    assert "Du rättar svaret från Frida Falk." in page and "Spara rättelsen" in page
    assert rss.post(url, form_data([4, 3, 2, 4, 2])).status_code == 302
    answer.refresh_from_db()
    assert answer.status == ResponseStatus.SUBMITTED
    assert answer.ratings.get(subgoal__number=3).rating == 2
    event = list(history(answer))[-1]
    assert (event.action, event.user) == (ResponseEvent.Action.CHANGED, rss_user)
    assert event.snapshot["ratings"]["3"]["rating"] == 2


def test_only_rss_may_correct(client_for, falun_rep, year_2024, make_answer):
    answer = make_answer(year_2024, "Falun", falun_rep.email, [4, 3, 3, 4, 2], user=falun_rep)
    url = reverse("selfassessment:assessment_correct", args=[answer.pk])
    assert client_for(falun_rep).post(url, form_data([1, 1, 1, 1, 1])).status_code == 403
    assert answer.ratings.get(subgoal__number=1).rating == 4
