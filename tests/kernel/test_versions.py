"""The one version check (gnv_portal.workflow): every model with a `version` field is walked,
so a form added later is covered the day its model gets the field (the walk fails until
EDITS says how to change one of its rows)."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import transaction
from django.urls import reverse

from gnv_portal import workflow
from gnv_portal.admin import VersionedForm
from gnv_portal.models import EmailTemplate, LocalLeadership, Municipality, ReportingYear, ResponseEvent, Versioned
from reporting.models import (
    EconomicReport,
    Option,
    Question,
    Questionnaire,
    Quote,
    ReportText,
    Section,
    SurveyResponse,
)
from reporting.municipal import reference_data
from selfassessment.models import LeadershipMapping, SelfAssessment
from tests.reporting.municipal.helpers import answer_survey
from tests.versions import page_data

VERSIONED = sorted((m for m in apps.get_models() if "version" in {f.name for f in m._meta.fields}
                    and m is not ResponseEvent), key=lambda m: m._meta.label)


def _year():
    year = ReportingYear.objects.create(year=2024, status=ReportingYear.Status.OPEN)
    reference_data.load()
    return year


def _answer():
    year = _year()
    answer_survey(year.questionnaire, Municipality.objects.get(name="Avesta"), viktigaste_insatser="Mobila team")
    return year


# model → (make a stored row, change one thing a person edits in it)
EDITS = {
    ReportingYear: (lambda: _year(), lambda r: setattr(r, "deadline", "2025-03-31")),
    EmailTemplate: (lambda: EmailTemplate.objects.create(key="k", description="d", subject="s", body="b"),
                    lambda r: setattr(r, "body", "ny text")),
    SelfAssessment: (lambda: SelfAssessment.objects.create(year=_year(), leadership=LocalLeadership.objects.first(),
                                                           respondent_label="x@test.invalid"),
                     lambda r: setattr(r, "comment", "Ny kommentar")),
    LeadershipMapping: (lambda: LeadershipMapping.objects.create(year=_year(),
                                                                 leadership=LocalLeadership.objects.first()),
                        lambda r: setattr(r, "meetings_per_year", 8)),
    SurveyResponse: (lambda: SurveyResponse.objects.get(questionnaire__year=_answer()),
                     lambda r: r.answers.filter(question__key="viktigaste-insatser").update(text="Ändrat")),
    EconomicReport: (lambda: EconomicReport.objects.create(year=_year(), municipality=Municipality.objects.first()),
                     lambda r: setattr(r, "consumed", 100)),
    Questionnaire: (lambda: _year().questionnaire, lambda r: setattr(r, "title", "Ny rubrik")),
    Section: (lambda: Section.objects.filter(questionnaire__year=_year()).first(),
              lambda r: setattr(r, "title", "Ny rubrik")),
    Question: (lambda: Question.objects.filter(section__questionnaire__year=_year()).first(),
               lambda r: setattr(r, "text", "Ny fråga?")),
    Option: (lambda: Option.objects.filter(question__section__questionnaire__year=_year()).first(),
             lambda r: setattr(r, "label", "Nytt alternativ")),
    Quote: (lambda: Quote.objects.create(answer=SurveyResponse.objects.get(questionnaire__year=_answer())
                                         .answers.get(question__key="viktigaste-insatser"), text="Citat"),
            lambda r: setattr(r, "text", "Kortare citat")),
    ReportText: (lambda: ReportText.objects.create(year=_year(), body="# 1 Bakgrund"),
                 lambda r: setattr(r, "body", "# 1 Bakgrund\n\nNy text")),
}


def _stored(row):
    fresh = type(row).objects.get(pk=row.pk)
    return fresh.version, workflow.fields_snapshot(fresh), workflow._snapshot_of(fresh, None)


def test_the_walk_finds_the_edited_models():
    assert {SelfAssessment, LeadershipMapping, SurveyResponse, EconomicReport, ReportText, Quote, Question} <= set(
        VERSIONED)


@pytest.mark.parametrize("model", VERSIONED, ids=lambda m: m._meta.label)
def test_every_versioned_model_refuses_a_save_from_an_older_page(reference, rss_user, model):
    assert issubclass(model, Versioned), f"{model._meta.label}: inherit gnv_portal.models.Versioned"
    assert model in EDITS, f"{model._meta.label} has a version: add how a person edits it to EDITS"
    make, change = EDITS[model]
    row = make()
    shown = row.version
    assert workflow.save(row, shown, rss_user, change) is True
    after_first = _stored(row)
    assert after_first[0] == shown + 1 and row.updated_by == rss_user
    # A second tab, shown the same version, saves: refused, and nothing stored changes.
    with pytest.raises(workflow.Stale):
        workflow.save(row, shown, rss_user, lambda r: setattr(r, "version", r.version) or change(r))
    assert _stored(row) == after_first
    # A save that changes nothing leaves the version (and the history) as they were.
    events = ResponseEvent.objects.count()
    assert workflow.save(row, after_first[0], rss_user, lambda r: None) is False
    assert _stored(row)[0] == after_first[0] and ResponseEvent.objects.count() == events


@pytest.mark.parametrize("model", [m for m in VERSIONED if m in admin.site._registry], ids=lambda m: m._meta.label)
def test_every_versioned_model_in_the_admin_checks_the_version_or_is_read_only(rss_user, rf, model):
    model_admin = admin.site._registry[model]
    request = rf.get("/")
    request.user = rss_user
    if model_admin.has_change_permission(request):
        assert issubclass(model_admin.get_form(request), VersionedForm), model._meta.label
    for inline in model_admin.get_inline_instances(request):
        if issubclass(inline.model, Versioned):
            assert issubclass(inline.get_formset(request).form, VersionedForm), inline


def test_the_check_belongs_inside_the_saves_transaction(transactional_db, reference):
    year = _year()
    with pytest.raises(RuntimeError):
        workflow.hold(year, year.version)
    with transaction.atomic():
        workflow.hold(year, year.version)
        with pytest.raises(workflow.Stale):
            workflow.hold(year, year.version + 1)


def test_a_new_row_from_a_page_that_showed_none_loses_to_one_made_meanwhile(reference, rss_user):
    year = _year()
    leadership = LocalLeadership.objects.first()
    first = LeadershipMapping(year=year, leadership=leadership)
    assert workflow.save(first, 0, rss_user, lambda r: setattr(r, "challenges", "Tid"))
    second = LeadershipMapping(year=year, leadership=leadership)
    with pytest.raises(workflow.Stale):
        workflow.save(second, 0, rss_user, lambda r: setattr(r, "challenges", "Pengar"))
    assert LeadershipMapping.objects.get().challenges == "Tid"


def test_an_edit_that_leaves_a_new_row_empty_makes_no_row(reference, rss_user):
    year = _year()
    row = LeadershipMapping(year=year, leadership=LocalLeadership.objects.first())
    assert workflow.save(row, 0, rss_user, lambda r: setattr(r, "challenges", "")) is False
    assert row.pk is None and not LeadershipMapping.objects.exists()


def test_the_admin_refuses_a_question_edited_from_an_older_page_and_keeps_what_was_typed(client_for, rss_user):
    year = _year()
    question = Question.objects.get(section__questionnaire=year.questionnaire, key="viktigaste-insatser")
    url = reverse("admin:reporting_question_change", args=[question.pk])
    client = client_for(rss_user)
    tab_a, tab_b = page_data(client.get(url)), page_data(client.get(url))
    assert client.post(url, {**tab_a, "text": "Fråga från flik A", "_continue": "1"}).status_code == 302
    refused = client.post(url, {**tab_b, "text": "Fråga från flik B", "_continue": "1"})
    html = refused.content.decode()
    assert refused.status_code == 200 and "efter att du öppnade sidan" in html
    assert "Sparat nu: Fråga från flik A" in html and "Fråga från flik B" in html
    assert Question.objects.get(pk=question.pk).text == "Fråga från flik A"
    # Saving once more from the page shown takes over what tab B typed.
    assert client.post(url, {**page_data(refused), "_continue": "1"}).status_code == 302
    question.refresh_from_db()
    assert question.text == "Fråga från flik B" and question.updated_by == rss_user


def test_the_history_cannot_be_changed_or_deleted_in_the_admin(client_for, rss_user):
    year = _year()
    event = workflow.record(year, ResponseEvent.Action.CLOSED, rss_user)
    client = client_for(rss_user)
    assert client.get(reverse("admin:gnv_portal_responseevent_changelist")).status_code == 200
    assert client.post(reverse("admin:gnv_portal_responseevent_change", args=[event.pk]),
                       {"reason": "ändrat"}).status_code == 403
    assert client.post(reverse("admin:gnv_portal_responseevent_delete", args=[event.pk]),
                       {"post": "yes"}).status_code == 403
    assert client.post(reverse("admin:gnv_portal_responseevent_changelist"),
                       {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"}).status_code in (
        200, 302)
    assert ResponseEvent.objects.filter(pk=event.pk, reason="").exists()
