"""A municipality's kommunenkät and economic report as plain text, for the receipt e-mail."""

from django.utils.translation import gettext as _

from gnv_portal.formatting import sv_number
from reporting.municipal import economy, questionnaires
from reporting.municipal.figures import shown_answer


def _kronor(value):
    return f"{sv_number(value)} kr" if value is not None else "–"


def survey_text(response):
    """Every question with its answer ("–" when unanswered), section by section."""
    answers = questionnaires.answers_of(response)
    lines = []
    for section, questions in questionnaires.sections_with_questions(response.questionnaire):
        lines += ["", section.title.upper()] if lines else [section.title.upper()]
        for question in questions:
            answer = answers.get(question.pk)
            shown = shown_answer(question, answer) if answer is not None else "–"
            lines.append(f"{question.label}: " + ("\n  ".join(str(shown).splitlines()) or "–"))
    return "\n".join(lines)


def economy_text(report):
    rows = [
        (_("Belopp per kommun"), _kronor(report.allocated)),
        (_("Överskjutande medel"), _kronor(report.surplus)),
        (_("Tillgängliga medel"), _kronor(economy.available(report.allocated, report.surplus))),
        (_("Förbrukade medel"), _kronor(report.consumed)),
        (_("Outnyttjade medel"), _kronor(economy.unused(report.allocated, report.surplus, report.consumed))),
        (_("Kommentar"), report.comment or "–"),
    ]
    return "\n".join(f"{label}: {value}" for label, value in rows)
