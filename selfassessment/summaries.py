"""Answers as read-only summaries: rows for the pages (confirmation, RSS's detail view, the
locked form) and plain text for the receipt e-mail."""

from django.utils.translation import gettext as _

from gnv_portal.models import SubGoal
from selfassessment.forms import MappingForm
from selfassessment.models import MemberRole, Polsam, SelfAssessment


def _yes_no(value):
    return {True: _("Ja"), False: _("Nej")}.get(value, "–")


def assessment_rows(assessment, previous=None):
    """Rows (delmål, rating, label, comment, last year) for read-only display and confirmation."""
    previous = previous or {}
    ratings = {r.subgoal_id: r for r in assessment.ratings.all()} if assessment else {}
    rows = []
    for goal in SubGoal.objects.order_by("number"):
        rating = ratings.get(goal.pk)
        rows.append({"goal": goal, "rating": rating.rating if rating else None,
                     "label": rating.get_rating_display() if rating and rating.rating else "",
                     "comment": rating.comment if rating else "", "previous": previous.get(goal.number)})
    return rows


def mapping_rows(mapping):
    """(question, answer) pairs of a mapping, answers as display text."""
    if mapping is None:
        return []
    roles = dict(MemberRole.choices)
    return [
        (MappingForm.base_fields["has_convening_structure"].label, _yes_no(mapping.has_convening_structure)),
        (MappingForm.base_fields["has_chair"].label, _yes_no(mapping.has_chair)),
        (MappingForm.base_fields["meetings_per_year"].label,
         "–" if mapping.meetings_per_year is None else str(mapping.meetings_per_year)),
        (MappingForm.base_fields["member_roles"].label,
         ", ".join(str(roles.get(r, r)) for r in mapping.member_roles) or "–"),
        (MappingForm.base_fields["polsam"].label, dict(Polsam.choices).get(mapping.polsam, "–")),
        (MappingForm.base_fields["user_influence"].label, _yes_no(mapping.user_influence)),
        (MappingForm.base_fields["user_influence_how"].label, mapping.user_influence_how or "–"),
        (MappingForm.base_fields["has_local_plan"].label, _yes_no(mapping.has_local_plan)),
        (MappingForm.base_fields["has_communication_plan"].label, _yes_no(mapping.has_communication_plan)),
        (MappingForm.base_fields["challenges"].label, mapping.challenges or "–"),
        (MappingForm.base_fields["works_well"].label, mapping.works_well or "–"),
    ]


def _indented(text):
    return "\n  ".join(text.splitlines())


def assessment_text(assessment):
    lines = []
    for row in assessment_rows(assessment):
        shown = f"{row['rating']} – {row['label']}" if row["rating"] else _("saknas")
        lines.append(_("Delmål %(goal)s: %(rating)s") % {"goal": row["goal"], "rating": shown})
        if row["comment"]:
            lines.append("  " + _("Kommentar: %(text)s") % {"text": _indented(row["comment"])})
    lines.append(f"{SelfAssessment._meta.get_field('applied').verbose_name} {_yes_no(assessment.applied)}")
    if assessment.comment:
        lines.append(_("Övergripande kommentar: %(text)s") % {"text": _indented(assessment.comment)})
    return "\n".join(lines)


def mapping_text(mapping):
    return "\n".join(f"{label}: {_indented(str(value))}" for label, value in mapping_rows(mapping))
