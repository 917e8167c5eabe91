"""Questionnaires as data: loading one from a plain spec, copying last year's to a new
year (keys kept), reading and saving a municipality's answers, and following a question
across years by its stable key."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gnv_portal import editing, workflow
from gnv_portal.formatting import parse_decimal
from reporting.models import Answer, Option, Question, Questionnaire, Section, SurveyResponse


@transaction.atomic
def load_spec(year, spec):
    """Create the questionnaire of `year` from `spec` where missing; never overwrite RSS's edits.

    `spec` is shaped like fixtures/kommunenkat-2024.yaml: title, introduction, sections with
    key, title, description and questions; a question has key, type, text, short_label, required,
    help_text and options (key, label, is_other)."""
    questionnaire, _created = Questionnaire.objects.get_or_create(
        year=year, defaults={"title": spec["title"], "introduction": spec.get("introduction", "")}
    )
    for s_order, s in enumerate(spec["sections"], start=1):
        section, _created = Section.objects.get_or_create(
            questionnaire=questionnaire, key=s["key"],
            defaults={"title": s["title"], "description": s.get("description", ""), "order": s_order},
        )
        for q_order, q in enumerate(s["questions"], start=1):
            question, _created = Question.objects.get_or_create(
                section=section, key=q["key"],
                defaults={"text": q["text"], "short_label": q.get("short_label", ""), "type": q["type"],
                          "required": q.get("required", False), "help_text": q.get("help_text", ""),
                          "order": q_order},
            )
            for o_order, o in enumerate(q.get("options", []), start=1):
                Option.objects.get_or_create(
                    question=question, key=o["key"],
                    defaults={"label": o["label"], "is_other": o.get("is_other", False), "order": o_order},
                )
    return questionnaire


def questionnaire_spec(questionnaire):
    """The questionnaire as a spec load_spec() takes (the shape of fixtures/kommunenkat-2024.yaml)."""
    sections = []
    for section, questions in sections_with_questions(questionnaire):
        sections.append({"key": section.key, "title": section.title, "description": section.description,
                         "questions": [question_spec(q) for q in questions]})
    return {"year": questionnaire.year.year, "title": questionnaire.title,
            "introduction": questionnaire.introduction, "sections": sections}


def question_spec(question):
    return {"key": question.key, "type": question.type, "text": question.text, "short_label": question.short_label,
            "required": question.required, "help_text": question.help_text,
            "options": [{"key": o.key, "label": o.label, "is_other": o.is_other} for o in question.options.all()]}


@transaction.atomic
def copy_questionnaire(source, target_year):
    """Start `target_year` with a copy of `source`: same sections, questions, options and keys."""
    exists = _("Rapporteringsåret %(year)s har redan en kommunenkät.") % {"year": target_year.year}
    if Questionnaire.objects.filter(year=target_year).exists():
        raise ValueError(exists)
    try:
        with transaction.atomic():
            copy = Questionnaire.objects.create(year=target_year, title=source.title.replace(
                str(source.year.year), str(target_year.year)), introduction=source.introduction)
    except IntegrityError:
        raise ValueError(exists) from None  # copied at the same moment from another tab
    for section in source.sections.prefetch_related("questions__options"):
        new_section = Section.objects.create(questionnaire=copy, key=section.key, order=section.order,
                                             title=section.title, description=section.description)
        for question in section.questions.all():
            new_question = Question.objects.create(
                section=new_section, key=question.key, order=question.order, text=question.text,
                short_label=question.short_label, type=question.type, required=question.required,
                help_text=question.help_text,
            )
            Option.objects.bulk_create([
                Option(question=new_question, key=o.key, order=o.order, label=o.label, is_other=o.is_other)
                for o in question.options.all()
            ])
    return copy


def questions_of(questionnaire):
    """All questions in order, with section and options loaded (two queries)."""
    return list(
        Question.objects.filter(section__questionnaire=questionnaire)
        .select_related("section").prefetch_related("options")
        .order_by("section__order", "section__pk", "order", "pk")
    )


def sections_with_questions(questionnaire, questions=None):
    """[(section, [questions])] in order; pass `questions` from questions_of() to save the queries."""
    sections = []
    for question in questions if questions is not None else questions_of(questionnaire):
        if not sections or sections[-1][0].pk != question.section_id:
            sections.append((question.section, []))
        sections[-1][1].append(question)
    return sections


# --- Values of answers ---------------------------------------------------------------


def answer_value(question, answer):
    """A plain value for one answer: list of option keys, "ja"/"nej", text, Decimal or None."""
    if answer is None:
        return [] if question.has_options and question.type == Question.Type.MULTIPLE else None
    if question.type == Question.Type.MULTIPLE:
        return [o.key for o in sorted(answer.options.all(), key=lambda o: (o.order, o.pk))]
    if question.type == Question.Type.SINGLE:
        keys = [o.key for o in answer.options.all()]
        return keys[0] if keys else None
    if question.type == Question.Type.YES_NO:
        return None if answer.yes_no is None else ("ja" if answer.yes_no else "nej")
    if question.type == Question.Type.NUMBER:
        return answer.number
    return answer.text


def answers_of(response):
    """{question_id: Answer} of a response, options loaded."""
    if response is None:
        return {}
    return {a.question_id: a for a in response.answers.prefetch_related("options")}


def snapshot(response):
    """The response's answers by stable key, for the history (JSON-safe)."""
    answers = answers_of(response)
    data = {}
    for question in questions_of(response.questionnaire):
        answer = answers.get(question.pk)
        value = answer_value(question, answer)
        if question.type == Question.Type.NUMBER and value is not None:
            value = str(value)
        data[question.key] = value
        if answer is not None and question.has_options and answer.text:
            data[question.key + ":annat"] = answer.text
    return data


def initial_values(questions, answers):
    """Form initial data for the survey form from the stored answers."""
    initial = {}
    for question in questions:
        answer = answers.get(question.pk)
        if answer is None:
            continue
        name = field_name(question)
        value = answer_value(question, answer)
        if question.type == Question.Type.NUMBER:
            value = "" if value is None else str(value).replace(".", ",").removesuffix(",00")
        initial[name] = value
        if question.has_options:
            initial[name + "_annat"] = answer.text
    return initial


def field_name(question):
    return f"q_{question.key}"


@transaction.atomic
def save_answers(response, questions, data):
    """Store cleaned form data (by field name) as Answer rows; one row per question."""
    existing = {a.question_id: a for a in response.answers.all()}
    for question in questions:
        name = field_name(question)
        if name not in data:
            continue
        value = data[name]
        if question.pk not in existing and value in (None, "", [], ()) and not data.get(name + "_annat"):
            continue  # nothing to store, and no row to empty
        answer = existing.get(question.pk) or Answer(response=response, question=question)
        other_text = answer.text if question.has_options else ""
        answer.text = ""
        answer.yes_no = None
        answer.number = None
        option_keys = []
        if question.type == Question.Type.MULTIPLE:
            option_keys = list(value or [])
        elif question.type == Question.Type.SINGLE:
            option_keys = [value] if value else []
        elif question.type == Question.Type.YES_NO:
            answer.yes_no = {"ja": True, "nej": False}.get(value)
        elif question.type == Question.Type.NUMBER:
            answer.number = value
        else:
            answer.text = (value or "").strip()
        if question.has_options:
            # An "Annat" text that did not validate is kept as it was stored (a draft keeps it as typed).
            answer.text = (data[name + "_annat"] or "").strip() if name + "_annat" in data else other_text
        answer.save()
        if question.has_options:
            answer.options.set([o for o in question.options.all() if o.key in option_keys])
    return response


def save_response(response, questionnaire, municipality, form, user, seen):
    """Save a draft of the kommunenkät: each answer that validated in the (bound, validated) form,
    the rest kept as typed. `seen` is the version the page was shown from (workflow.Stale if
    older). Returns the response, or None when there is still none."""
    row = response or SurveyResponse(questionnaire=questionnaire, municipality=municipality)
    values = editing.valid_values(form)

    def apply(stored):
        save_answers(stored, form.questions, values)
        stored.pending_input = editing.pending_for(form)

    workflow.save(row, seen, user, apply, snapshot=snapshot)
    return row if row.pk else None


def parse_number(text):
    """Typed number → Decimal or None; ValueError with a Swedish message."""
    return parse_decimal(text)


# --- Across years ------------------------------------------------------------------------


def answers_by_key(question_key, years):
    """{year: {municipality name: value}} for the question with this stable key in each year.

    A reworded question keeps its key, so the comparison holds across rewording.
    """
    result = {y.year: {} for y in years}
    answers = (
        Answer.objects.filter(question__key=question_key, response__questionnaire__year__in=years)
        .select_related("question", "response__municipality", "response__questionnaire__year")
        .prefetch_related("options")
    )
    for answer in answers:
        year = answer.response.questionnaire.year.year
        result[year][answer.response.municipality.name] = answer_value(answer.question, answer)
    return result


def response_for(questionnaire, municipality):
    return SurveyResponse.objects.filter(questionnaire=questionnaire, municipality=municipality).first()
