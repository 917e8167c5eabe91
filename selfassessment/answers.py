"""Saving and submitting self-assessments and mappings (drafts keep everything typed).

Called by the views; no HTTP here. The draft/submit/reopen rules and the history are
the kernel's (gnv_portal.workflow)."""

from django.db import transaction
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from gnv_portal import workflow
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


@transaction.atomic
def save_assessment(assessment, form, user, *, year=None, leadership=None):
    """Save what validated in the (bound, validated) form; keep the rest as typed.

    Creates the answer on the first save. Returns the answer.
    """
    if assessment is None:
        assessment, _created = SelfAssessment.objects.get_or_create(
            year=year, leadership=leadership, respondent_label=respondent_label_for(user),
            defaults={"respondent": user},
        )
    values = form.valid_values()
    for goal in form.subgoals:
        rating, _created = Rating.objects.get_or_create(assessment=assessment, subgoal=goal)
        changed = False
        if f"rating_{goal.number}" in values:
            rating.rating = int(values[f"rating_{goal.number}"]) if values[f"rating_{goal.number}"] else None
            changed = True
        if f"comment_{goal.number}" in values:
            rating.comment = values[f"comment_{goal.number}"].strip()
            changed = True
        if changed:
            rating.save()
    if "applied" in values:
        assessment.applied = yes_no_value(values["applied"])
    if "comment" in values:
        assessment.comment = values["comment"].strip()
    assessment.pending_input = form.raw_input() if form.errors else {}
    assessment.save()
    workflow.mark_saved(assessment, user, assessment.snapshot())
    return assessment


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


def submit(response, user, missing):
    """Submit a complete answer once; raises ValueError (Swedish) when something is missing."""
    if missing:
        raise ValueError(" ".join(missing))
    return workflow.submit(response, user, response.snapshot())


@transaction.atomic
def save_mapping(mapping, form, user, *, year=None, leadership=None):
    if mapping is None:
        mapping, _created = LeadershipMapping.objects.get_or_create(year=year, leadership=leadership)
    values = form.valid_values()
    for name, value in values.items():
        if name in MappingForm.YES_NO_FIELDS:
            value = yes_no_value(value)
        elif isinstance(value, str):
            value = value.strip()
        setattr(mapping, name, value)
    mapping.pending_input = form.raw_input() if form.errors else {}
    mapping.save()
    workflow.mark_saved(mapping, user, mapping.snapshot())
    return mapping


def missing_in_mapping(mapping):
    if mapping is None:
        return [_("Inget är ifyllt ännu.")]
    form = MappingForm(mapping.pending_input or _as_data(mapping), final=True)
    if form.is_valid():
        return []
    return [_("%(field)s: %(error)s") % {"field": form.fields[name].label, "error": " ".join(errors)}
            for name, errors in form.errors.items()]


def _as_data(mapping):
    data = MultiValueDict()
    for name, value in MappingForm.initial_for(mapping).items():
        if isinstance(value, list):
            data.setlist(name, value)
        elif value is not None:
            data[name] = str(value)
    return data
