"""Figures of the municipal reporting, as plain data: the annual report (HTML and PDF),
the dashboards and the exports all call these. Each runs a constant number of queries.

Only submitted answers count in figures; drafts are the municipalities' own business.
"""

import plotly.graph_objects as go
from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from gnv_portal.charts import chart_context, styled
from gnv_portal.formatting import sv_number
from gnv_portal.models import Municipality, ResponseStatus
from reporting.models import Answer, EconomicReport, Option, Question, Quote, SurveyResponse
from reporting.municipal import economy
from reporting.municipal.questionnaires import answer_value

AREAS_KEY = "omraden"
POTENTIAL_KEY = "utvecklingspotential"

# Swedish alphabetical order: å, ä, ö come after z (and é sorts as e, ü as y).
_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "è": "e", "ü": "y", "æ": "|", "ø": "}"})


def swedish_sort_key(text):
    return text.lower().translate(_SWEDISH)


def option_counts(year, question_key):
    """[{"key", "label", "count"}] municipalities per option of a multiple-choice question, most first.

    "Annat, nämligen" is left out: it is not an area. Ties are in Swedish alphabetical order.
    """
    return option_counts_of(year, [question_key])[question_key]


def option_counts_of(year, question_keys):
    """{question key: option_counts(year, key)} for several questions in one query."""
    submitted = Q(answers__response__status=ResponseStatus.SUBMITTED)
    options = (
        Option.objects.filter(question__key__in=question_keys, question__section__questionnaire__year=year,
                              is_other=False)
        .annotate(question_key=F("question__key"),
                  count=Count("answers__response__municipality", filter=submitted, distinct=True))
    )
    result = {key: [] for key in question_keys}
    for o in options:
        result[o.question_key].append({"key": o.key, "label": o.label, "count": o.count})
    for rows in result.values():
        rows.sort(key=lambda r: (-r["count"], swedish_sort_key(r["label"])))
    return result


def area_counts(year):
    """The seed's Figur 3: number of municipalities per area and working method."""
    return option_counts(year, AREAS_KEY)


def potential_counts(year):
    return option_counts(year, POTENTIAL_KEY)


def option_counts_compared(year, previous_year, question_key):
    """This year's counts with last year's beside them, matched by the options' stable keys
    (a reworded option still compares). [{"key", "label", "count", "previous"}]; "previous" is None
    for an option last year did not have."""
    before = {r["key"]: r["count"] for r in option_counts(previous_year, question_key)} if previous_year else {}
    return [{**r, "previous": before.get(r["key"])} for r in option_counts(year, question_key)]


def counts_figure(rows, *, x_title=None):
    """Horizontal bars, largest at the top."""
    ordered = list(reversed(rows))
    fig = go.Figure(go.Bar(
        x=[r["count"] for r in ordered], y=[r["label"] for r in ordered], orientation="h",
        text=[r["count"] for r in ordered], textposition="outside", hovertemplate="%{y}: %{x}<extra></extra>",
    ))
    styled(fig, height=max(300, 34 * len(rows) + 90))
    fig.update_layout(margin={"l": 20, "r": 30, "t": 20, "b": 50})
    fig.update_xaxes(title=x_title or _("Antal kommuner"), dtick=1, rangemode="tozero")
    fig.update_yaxes(automargin=True)
    return fig


def area_chart(year, *, chart_id="figur-omraden", csv_url=None):
    """Context for gnv_portal/_chart.html: Figur 3 with its table alternative."""
    rows = area_counts(year)
    return chart_context(counts_figure(rows), chart_id=chart_id, csv_url=csv_url, **area_table(year, rows))


def area_table(year, rows):
    """Figur 3's title, caption and table alternative without drawing it (the report draws its own,
    narrower figure)."""
    return {
        "title": _("Områden och arbetssätt i relation till antal kommuner, %(year)s") % {"year": year.year},
        "caption": _("Områden och arbetssätt som kommunerna initierat eller förstärkt mot en god och nära vård. "
                     "Antal kommuner som angett området i kommunenkäten."),
        "columns": [_("Område eller arbetssätt"), _("Antal kommuner")],
        "rows": [[r["label"], sv_number(r["count"])] for r in rows],
    }


def free_text_answers(year, *, submitted_only=True):
    """[{"question", "answers": [{"answer_id", "municipality", "text", "quote"}]}] per free-text question,
    municipalities in Swedish alphabetical order; "quote" is the Quote or None."""
    questions = list(
        Question.objects.filter(section__questionnaire__year=year, type=Question.Type.TEXT)
        .select_related("section").order_by("section__order", "order", "pk")
    )
    answers = Answer.objects.filter(question__in=questions).exclude(text="").select_related(
        "response__municipality", "quote")
    if submitted_only:
        answers = answers.filter(response__status=ResponseStatus.SUBMITTED)
    by_question = {q.pk: [] for q in questions}
    for answer in answers:
        quote = getattr(answer, "quote", None)
        by_question[answer.question_id].append({
            "answer_id": answer.pk, "municipality": answer.response.municipality.name, "text": answer.text,
            "quote": quote,
        })
    for rows in by_question.values():
        rows.sort(key=lambda r: swedish_sort_key(r["municipality"]))
    return [{"question": q, "answers": by_question[q.pk]} for q in questions]


def quotes(year):
    """[{"question", "quotes": [text]}] the quotes RSS picked, per free-text question, in RSS's order."""
    picked = (
        Quote.objects.filter(answer__question__section__questionnaire__year=year)
        .select_related("answer__question__section").order_by(
            "answer__question__section__order", "answer__question__order", "order", "pk")
    )
    result = []
    for quote in picked:
        question = quote.answer.question
        if not result or result[-1]["question"].pk != question.pk:
            result.append({"question": question, "quotes": []})
        result[-1]["quotes"].append(quote.text)
    return result


def yes_count(year, question_key):
    """(number answering ja, number answering) among submitted responses to a ja/nej question."""
    answers = Answer.objects.filter(
        question__key=question_key, question__section__questionnaire__year=year,
        response__status=ResponseStatus.SUBMITTED, yes_no__isnull=False,
    ).aggregate(yes=Count("pk", filter=Q(yes_no=True)), total=Count("pk"))
    return answers["yes"], answers["total"]


def submitted_and_yes_count(year, question_key):
    """(submitted responses, number answering ja, number answering) for a ja/nej question: the year's
    SurveyResponse count and yes_count() in one query (the report shows both)."""
    answered = Q(answers__question__key=question_key, answers__yes_no__isnull=False)
    counts = SurveyResponse.objects.filter(questionnaire__year=year, status=ResponseStatus.SUBMITTED).aggregate(
        responses=Count("pk", distinct=True), yes=Count("answers", filter=answered & Q(answers__yes_no=True)),
        total=Count("answers", filter=answered))
    return counts["responses"], counts["yes"], counts["total"]


def economy_figure(table):
    """Available and consumed funds per municipality (grouped horizontal bars) from economy_table()."""
    rows = list(reversed(table["rows"]))
    names = [r["municipality"] for r in rows]
    fig = go.Figure([
        go.Bar(name=_("Tillgängliga medel"), x=[r["available"] for r in rows], y=names, orientation="h"),
        go.Bar(name=_("Förbrukade medel"), x=[r["consumed"] for r in rows], y=names, orientation="h"),
    ])
    styled(fig, height=max(360, 30 * len(rows) + 120))
    fig.update_layout(barmode="group")
    fig.update_xaxes(title=_("Kronor"), tickformat=",d", rangemode="tozero")
    fig.update_yaxes(automargin=True)
    return fig


def economy_table(year):
    """Bilaga 1: one row per municipality in Swedish alphabetical order, and the sum row.

    Returns {"rows": [{"municipality", "code", "allocated", "surplus", "available", "consumed", "unused"}],
    "sum": {same keys, municipality "Summa"}}. Missing amounts (also a municipality without a report)
    are None and count as 0 in the sum.
    """
    reports = {r.municipality_id: r for r in EconomicReport.objects.filter(year=year)}
    rows = []
    for m in Municipality.objects.all():
        r = reports.get(m.pk) or EconomicReport(year=year, municipality=m)
        rows.append({
            "municipality": m.name, "code": m.code,
            "allocated": r.allocated, "surplus": r.surplus, "consumed": r.consumed,
            "available": economy.available(r.allocated, r.surplus),
            "unused": economy.unused(r.allocated, r.surplus, r.consumed),
        })
    rows.sort(key=lambda r: swedish_sort_key(r["municipality"]))
    total = {"municipality": _("Summa"), "code": ""}
    for key in ("allocated", "surplus", "available", "consumed", "unused"):
        total[key] = sum(r[key] or 0 for r in rows)
    return {"rows": rows, "sum": total}


def shown_answer(question, answer):
    """One answer as display text: option labels (with the "Annat" text), Ja/Nej, the number or the text."""
    value = answer_value(question, answer)
    if question.has_options:
        labels = {o.key: o.label for o in question.options.all()}
        keys = value if isinstance(value, list) else [value] if value else []
        shown = ", ".join(labels[k] for k in keys)
        return f"{shown} ({answer.text})" if answer.text else shown
    if value is None or value == "":
        return "–"
    if question.type == Question.Type.YES_NO:
        return _("Ja") if value == "ja" else _("Nej")
    if question.type == Question.Type.NUMBER:
        return sv_number(value, max(0, -value.normalize().as_tuple().exponent))
    return value


def answers_per_question(year, *, submitted_only=True):
    """[{"question", "answers": [{"municipality", "status", "value"}]}] for every question of the year,
    municipalities in Swedish alphabetical order; "value" is display text."""
    questions = list(
        Question.objects.filter(section__questionnaire__year=year).select_related("section")
        .prefetch_related("options").order_by("section__order", "section__pk", "order", "pk")
    )
    answers = Answer.objects.filter(question__in=questions).select_related("response__municipality") \
        .prefetch_related("options")
    if submitted_only:
        answers = answers.filter(response__status=ResponseStatus.SUBMITTED)
    by_question = {q.pk: [] for q in questions}
    for answer in answers:
        by_question[answer.question_id].append(answer)
    blocks = []
    for question in questions:
        rows = sorted(by_question[question.pk], key=lambda a: swedish_sort_key(a.response.municipality.name))
        blocks.append({"question": question, "answers": [
            {"municipality": a.response.municipality.name, "status": a.response.get_status_display(),
             "value": shown_answer(question, a)} for a in rows]})
    return blocks
