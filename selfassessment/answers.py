"""Saving and submitting self-assessments and mappings (drafts keep everything typed).

Called by the views; no HTTP here. The draft/submit/reopen rules and the history are
the kernel's (gnv_portal.workflow)."""

from django.utils.translation import gettext as _

from gnv_portal import editing, workflow
from gnv_portal.models import SubGoal
from selfassessment.forms import MappingForm, yes_no_value
from selfassessment.models import LeadershipMapping, Rating, SelfAssessment


def respondent_label_for(user):
    return user.email


def own_assessment(year, leadership, user):
    """The user's own answer for the leadership and year, or None if not started."""
    # By the user first, so a changed e-mail address does not lose the answer.
    mine = SelfAssessment.objects.filter(year=year, leadership=leadership)
    return mine.filter(respondent=user).first() or mine.filter(respondent_label=respondent_label_for(user)).first()


def save_assessment(assessment, form, user, seen, *, year=None, leadership=None):
    """Save what validated in the (bound, validated) draft form; keep the rest as typed.

    `seen` is the version the page was shown from (workflow.save refuses an older one with
    workflow.Stale). Creates the answer on the first save that has something in it. Returns the
    answer, or None when there is still none.
    """
    row = assessment or SelfAssessment(year=year, leadership=leadership, respondent_label=respondent_label_for(user),
                                       respondent=user)
    values = editing.valid_values(form)

    def apply(answer):
        stored = {r.subgoal_id: r for r in answer.ratings.all()}
        for goal in form.subgoals:
            rating_name, comment_name = f"rating_{goal.number}", f"comment_{goal.number}"
            if rating_name not in values and comment_name not in values:
                continue
            rating = stored.get(goal.pk) or Rating(assessment=answer, subgoal=goal)
            if rating_name in values:
                rating.rating = int(values[rating_name]) if values[rating_name] else None
            if comment_name in values:
                rating.comment = values[comment_name].strip()
            if rating.pk or rating.rating is not None or rating.comment:
                rating.save()
        if "applied" in values:
            answer.applied = yes_no_value(values["applied"])
        if "comment" in values:
            answer.comment = values["comment"].strip()
        answer.pending_input = editing.pending_for(form)

    workflow.save(row, seen, user, apply)
    return row if row.pk else None


def missing_in_assessment(assessment):
    """Swedish descriptions of what must be answered before submitting; [] when complete."""
    if assessment is None:
        return [_("Inget är ifyllt ännu.")]
    rated = {r.subgoal.number for r in assessment.ratings.select_related("subgoal") if r.rating}
    missing = [_("Skattning av delmål %(n)s saknas.") % {"n": goal.number}
               for goal in SubGoal.objects.order_by("number") if goal.number not in rated]
    if assessment.applied is None:
        missing.append(_("Svar på om självskattningstabellen har tillämpats saknas."))
    if assessment.pending_input:
        missing.append(_("Något svar är felaktigt ifyllt."))
    return missing


def save_mapping(mapping, form, user, seen, *, year=None, leadership=None):
    """Like save_assessment, for the leadership's one shared kartläggning."""
    row = mapping or LeadershipMapping(year=year, leadership=leadership)
    values = editing.valid_values(form)

    def apply(answer):
        for name, value in values.items():
            if name in MappingForm.YES_NO_FIELDS:
                value = yes_no_value(value)
            elif isinstance(value, str):
                value = value.strip()
            setattr(answer, name, value)
        answer.pending_input = editing.pending_for(form)

    workflow.save(row, seen, user, apply)
    return row if row.pk else None


def missing_in_mapping(mapping):
    if mapping is None:
        return [_("Inget är ifyllt ännu.")]
    return editing.problems(MappingForm(mapping.pending_input or editing.as_data(MappingForm.initial_for(mapping)),
                                        final=True))
