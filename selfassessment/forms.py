"""Forms: the self-assessment, the leadership mapping, reopening and the CSV upload.

Each answer form works in two modes: a draft accepts missing answers (but never a
wrong one), a submission needs every answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from selfassessment.models import SCALE, MemberRole, Polsam

YES_NO = [("ja", _("Ja")), ("nej", _("Nej"))]
RATING_CHOICES = [(str(value), f"{value} – {label}") for value, label in SCALE]


def yes_no_initial(value):
    return {True: "ja", False: "nej"}.get(value, "")


def yes_no_value(text):
    return {"ja": True, "nej": False}.get(text)


class AnswerForm(forms.Form):
    """Base: `final=True` makes every answer required (submission)."""

    required_when_final = ()

    def __init__(self, *args, final=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.final = final
        for name in self.required_when_final:
            self.fields[name].required = final


class SelfAssessmentForm(AnswerForm):
    """Ratings 1–5 of each delmål with comments, "applied" ja/nej, an overall comment."""

    def __init__(self, *args, subgoals=(), **kwargs):
        self.subgoals = list(subgoals)
        super().__init__(*args, **kwargs)
        names = []
        for goal in self.subgoals:
            self.fields[f"rating_{goal.number}"] = forms.ChoiceField(
                label=_("Skattning"), choices=RATING_CHOICES, required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                error_messages={
                    "required": _("Välj en skattning för delmål %(n)s.") % {"n": goal.number},
                    "invalid_choice": _("Skattningen ska vara ett heltal från 1 till 5."),
                },
            )
            self.fields[f"rating_{goal.number}"].compare_label = _("Skattning av delmål %(n)s") % {"n": goal.number}
            self.fields[f"comment_{goal.number}"] = forms.CharField(
                label=_("Kommentar till delmål %(n)s (frivillig)") % {"n": goal.number},
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}), required=False, max_length=5000,
            )
            names.append(f"rating_{goal.number}")
        self.fields["applied"] = forms.ChoiceField(
            label=_("Har självskattningstabellen tillämpats i det egna omställningsarbetet?"),
            choices=YES_NO, widget=forms.RadioSelect(attrs={"class": "form-check-input"}), required=False,
            error_messages={"required": _("Svara ja eller nej."), "invalid_choice": _("Svara ja eller nej.")},
        )
        self.fields["comment"] = forms.CharField(
            label=_("Övergripande kommentar (frivillig)"), required=False, max_length=10000,
            widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
        )
        self.required_when_final = [*names, "applied"]
        for name in self.required_when_final:
            self.fields[name].required = self.final

    def full_clean(self):
        super().full_clean()
        # Tie each error message to its inputs for screen readers.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update({"aria-invalid": "true", "aria-describedby": f"{name}-error"})
        # (The template renders these fields by hand, with the error in an element "<name>-error".)

    def rows(self):
        """(delmål, rating field, comment field) for the template: one fieldset per delmål."""
        return [(goal, self[f"rating_{goal.number}"], self[f"comment_{goal.number}"]) for goal in self.subgoals]


def initial_for(assessment):
    if assessment is None:
        return {}
    initial = {"applied": yes_no_initial(assessment.applied), "comment": assessment.comment}
    for rating in assessment.ratings.select_related("subgoal"):
        initial[f"rating_{rating.subgoal.number}"] = str(rating.rating) if rating.rating else ""
        initial[f"comment_{rating.subgoal.number}"] = rating.comment
    return initial


class MappingForm(AnswerForm):
    YES_NO_FIELDS = ["has_convening_structure", "has_chair", "user_influence", "has_local_plan",
                     "has_communication_plan"]

    has_convening_structure = forms.ChoiceField(
        label=_("Finns en struktur för sammankallande?"), choices=YES_NO, widget=forms.RadioSelect, required=False)
    has_chair = forms.ChoiceField(label=_("Finns en utsedd ordförande?"), choices=YES_NO, widget=forms.RadioSelect,
                                  required=False)
    meetings_per_year = forms.IntegerField(
        label=_("Hur många gånger per år träffas systemledningen?"), min_value=0, max_value=366, required=False,
        help_text=_("Två gånger per termin = 4."),
        error_messages={"invalid": _("Ange antalet möten som ett heltal, t.ex. 4.")},
    )
    member_roles = forms.MultipleChoiceField(
        label=_("Vilka roller ingår i systemledningen?"), choices=MemberRole.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
    )
    polsam = forms.ChoiceField(label=_("Samverkar systemledningen med POLSAM?"), choices=Polsam.choices,
                               widget=forms.RadioSelect, required=False)
    user_influence = forms.ChoiceField(label=_("Arbetar systemledningen aktivt med brukarinflytande?"),
                                       choices=YES_NO, widget=forms.RadioSelect, required=False)
    user_influence_how = forms.CharField(label=_("Om ja: hur?"), widget=forms.Textarea(attrs={"rows": 2}),
                                         required=False)
    has_local_plan = forms.ChoiceField(label=_("Har systemledningen en lokal plan för God och nära vård?"),
                                       choices=YES_NO, widget=forms.RadioSelect, required=False)
    has_communication_plan = forms.ChoiceField(label=_("Har systemledningen en kommunikationsplan?"),
                                               choices=YES_NO, widget=forms.RadioSelect, required=False)
    challenges = forms.CharField(label=_("Vilka utmaningar ser ni?"), widget=forms.Textarea(attrs={"rows": 3}),
                                 required=False)
    works_well = forms.CharField(label=_("Vad fungerar bra?"), widget=forms.Textarea(attrs={"rows": 3}),
                                 required=False)

    required_when_final = [*YES_NO_FIELDS, "meetings_per_year", "polsam"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.required_when_final:
            self.fields[name].error_messages["required"] = _("Besvara frågan innan du skickar in.")

    @staticmethod
    def initial_for(mapping):
        if mapping is None:
            return {}
        initial = {name: getattr(mapping, name) for name in
                   ["meetings_per_year", "member_roles", "polsam", "user_influence_how", "challenges", "works_well"]}
        for name in MappingForm.YES_NO_FIELDS:
            initial[name] = yes_no_initial(getattr(mapping, name))
        return initial


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Varför öppnas svaret igen?"), widget=forms.Textarea(attrs={"rows": 2}),
                             max_length=2000, error_messages={"required": _("Ange varför svaret öppnas igen.")})


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-fil"),
        help_text=_("Kolumner: year,leadership,respondent,subgoal,rating,comment,applied (UTF-8, komma eller "
                    "semikolon)."),
        error_messages={"required": _("Välj en fil att läsa in.")},
    )
