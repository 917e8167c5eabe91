import pytest

from gnv_portal.models import ReportingYear
from reporting.models import Answer, Option, Question, Questionnaire, SurveyResponse
from reporting.municipal import questionnaires, reference_data


def _keys(questionnaire):
    return [(q.section.key, q.key, q.type, q.required, [o.key for o in q.options.all()])
            for q in questionnaires.questions_of(questionnaire)]


def test_the_2024_kommunenkat_has_the_areas_the_free_texts_and_the_yes_no_question(questionnaire):
    questions = {q.key: q for q in questionnaires.questions_of(questionnaire)}
    areas = questions["omraden"]
    assert areas.type == Question.Type.MULTIPLE
    labels = [o.label for o in areas.options.all()]
    assert "Utskrivningsprocessen" in labels and len(labels) == 14
    assert areas.options.get(key="annat").is_other
    assert "sammanhallen-journal" in {o.key for o in questions["utvecklingspotential"].options.all()}
    assert questions["overgripande-uppfoljning"].type == Question.Type.YES_NO
    assert {"mobila-team", "delaktighet-kontinuitet", "fast-vardkontakt", "halsoframjande", "medarbetare",
            "samverkan-region-kommun"} <= {k for k, q in questions.items() if q.type == Question.Type.TEXT}


def test_loading_twice_changes_nothing_and_keeps_rss_rewording(questionnaire):
    question = Question.objects.get(section__questionnaire=questionnaire, key="viktigaste-insatser")
    question.text = "Omformulerad av RSS"
    question.save()
    counts = (Question.objects.count(), Option.objects.count())
    reference_data.load()
    assert (Question.objects.count(), Option.objects.count()) == counts
    question.refresh_from_db()
    assert question.text == "Omformulerad av RSS"


def test_a_questionnaire_copied_to_a_new_year_keeps_its_keys(questionnaire):
    year2025 = ReportingYear.objects.create(year=2025)
    copy = questionnaires.copy_questionnaire(questionnaire, year2025)
    assert copy.pk != questionnaire.pk
    assert copy.title.endswith("2025")
    assert _keys(copy) == _keys(questionnaire)
    assert not {q.pk for q in questionnaires.questions_of(copy)} & {
        q.pk for q in questionnaires.questions_of(questionnaire)}


def test_copying_onto_a_year_that_has_a_questionnaire_is_refused(questionnaire):
    year2025 = ReportingYear.objects.create(year=2025)
    questionnaires.copy_questionnaire(questionnaire, year2025)
    with pytest.raises(ValueError, match="redan en kommunenkät"):
        questionnaires.copy_questionnaire(questionnaire, year2025)
    assert Questionnaire.objects.filter(year=year2025).count() == 1


def _answer(questionnaire, municipality, key, **values):
    response, _ = SurveyResponse.objects.get_or_create(questionnaire=questionnaire, municipality=municipality)
    question = Question.objects.get(section__questionnaire=questionnaire, key=key)
    return Answer.objects.create(response=response, question=question, **values)


def test_a_reworded_question_still_compares_across_years(questionnaire, avesta):
    year2025 = ReportingYear.objects.create(year=2025)
    copy = questionnaires.copy_questionnaire(questionnaire, year2025)
    reworded = Question.objects.get(section__questionnaire=copy, key="overgripande-uppfoljning")
    reworded.text = "Har kommunen följt upp omställningen som helhet under året?"
    reworded.save()
    old = _answer(questionnaire, avesta, "overgripande-uppfoljning", yes_no=False)
    new = _answer(copy, avesta, "overgripande-uppfoljning", yes_no=True)
    assert old.question.text != new.question.text
    compared = questionnaires.answers_by_key("overgripande-uppfoljning", [questionnaire.year, year2025])
    assert compared == {2024: {"Avesta": "nej"}, 2025: {"Avesta": "ja"}}


def test_answers_stay_tied_to_the_question_they_were_given_to(questionnaire, avesta):
    answer = _answer(questionnaire, avesta, "viktigaste-insatser", text="Läkemedelsautomater")
    year2025 = ReportingYear.objects.create(year=2025)
    questionnaires.copy_questionnaire(questionnaire, year2025)
    answer.refresh_from_db()
    assert answer.question.section.questionnaire == questionnaire


def test_saving_answers_and_reading_them_back_by_key(questionnaire, avesta):
    response = SurveyResponse.objects.create(questionnaire=questionnaire, municipality=avesta)
    questions = questionnaires.questions_of(questionnaire)
    questionnaires.save_answers(response, questions, {
        "q_omraden": ["utskrivningsprocessen", "annat"], "q_omraden_annat": "Läkemedelsautomater",
        "q_overgripande-uppfoljning": "ja", "q_viktigaste-insatser": "  Mobila team  ",
        "q_fast-omsorgskontakt-antal": questionnaires.parse_number("1 234,5"),
    })
    snap = questionnaires.snapshot(response)
    assert snap["omraden"] == ["utskrivningsprocessen", "annat"]  # in the questionnaire's order
    assert snap["omraden:annat"] == "Läkemedelsautomater"
    assert snap["overgripande-uppfoljning"] == "ja"
    assert snap["viktigaste-insatser"] == "Mobila team"
    assert snap["fast-omsorgskontakt-antal"] == "1234.50"
    initial = questionnaires.initial_values(questions, questionnaires.answers_of(response))
    assert initial["q_fast-omsorgskontakt-antal"] == "1234,50"


def test_a_key_is_unique_in_the_whole_questionnaire(questionnaire):
    from django.core.exceptions import ValidationError

    other_section = questionnaire.sections.get(key="utvecklingsomraden")
    duplicate = Question(section=other_section, key="omraden", text="Dubblett", type=Question.Type.TEXT)
    with pytest.raises(ValidationError, match="Nyckeln används redan"):
        duplicate.full_clean()
