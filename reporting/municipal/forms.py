"""Forms of the reporting app. The survey form is built from the questionnaire's data."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gnv_portal.formatting import sv_number
from gnv_portal.models import ReportingYear
from reporting.models import Question
from reporting.municipal import economy
from reporting.municipal.questionnaires import field_name, parse_number

YES_NO = [("ja", _("Ja")), ("nej", _("Nej"))]


def bootstrap(form):
    """Bootstrap classes on text inputs and selects; radios and checkboxes are drawn by the template."""
    for field in form.fields.values():
        widget = field.widget
        if getattr(widget, "input_type", None) in ("checkbox", "radio"):
            continue
        css = "form-select" if isinstance(widget, forms.Select) else "form-control"
        widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
    return form


class BootstrapForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)


def _empty(value):
    return value in (None, "", [], ())


class SurveyForm(forms.Form):
    """One field per question (plus an "Annat, nämligen" text for choice questions).

    Saving a draft accepts anything well-formed; submitting also needs the required answers.
    """

    def __init__(self, *args, questions, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.submitting = submitting
        for question in questions:
            name = field_name(question)
            common = {"label": question.text, "required": False, "help_text": question.help_text}
            options = list(question.options.all())
            if question.type == Question.Type.MULTIPLE:
                field = forms.MultipleChoiceField(choices=[(o.key, o.label) for o in options],
                                                  widget=forms.CheckboxSelectMultiple, **common)
            elif question.type == Question.Type.SINGLE:
                field = forms.ChoiceField(choices=[(o.key, o.label) for o in options], widget=forms.RadioSelect,
                                          **common)
            elif question.type == Question.Type.YES_NO:
                field = forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
            elif question.type == Question.Type.NUMBER:
                field = forms.CharField(widget=forms.TextInput(attrs={"inputmode": "decimal"}), **common)
            else:
                field = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), **common)
            field.question = question
            self.fields[name] = field
            if any(o.is_other for o in options):
                other = forms.CharField(label=_("Beskriv vad ”Annat” är"), required=False, max_length=1000)
                other.other_of = name
                other.compare_label = _("%(question)s – ”Annat”") % {"question": question.label}
                self.fields[name + "_annat"] = other
        bootstrap(self)

    def clean(self):
        data = super().clean()
        for question in self.questions:
            name = field_name(question)
            if name not in data:
                continue
            if question.type == Question.Type.NUMBER:
                try:
                    data[name] = parse_number(data[name])
                except ValueError as error:
                    self.add_error(name, str(error))
                    continue
            if self.submitting and question.required and _empty(data.get(name)):
                self.add_error(name, _("Besvara frågan innan du skickar in."))
            if question.has_options:
                other_keys = {o.key for o in question.options.all() if o.is_other}
                chosen = data.get(name) or []
                chosen = [chosen] if isinstance(chosen, str) else chosen
                other_text = (data.get(name + "_annat") or "").strip()
                if self.submitting and other_keys & set(chosen) and not other_text:
                    self.add_error(name + "_annat", _("Skriv vad ”Annat” är."))
                if other_text and not other_keys & set(chosen):
                    self.add_error(name + "_annat", _("Kryssa i ”Annat, nämligen” eller töm textfältet."))
        return data

    def grouped(self, sections):
        """[(section, [(bound field, bound other-field or None)])] for the template."""
        result = []
        for section, questions in sections:
            rows = []
            for question in questions:
                name = field_name(question)
                other = self[name + "_annat"] if name + "_annat" in self.fields else None
                rows.append((question, self[name], other))
            result.append((section, rows))
        return result


class AmountField(forms.CharField):
    """Whole kronor typed the Swedish way ("1 894 630", also with no-break spaces) or plainly."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("Hela kronor, t.ex. 1 894 630."))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return economy.parse_amount(value)
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def prepare_value(self, value):
        if isinstance(value, int):
            return sv_number(value)
        return value


class EconomyForm(BootstrapForm):
    allocated = AmountField(label=_("Belopp per kommun (insatsområde 1, 9292 Primärvården som nav)"))
    surplus = AmountField(label=_("Överskjutande medel i slutet av året, återbetalat från RSS Dalarna"))
    consumed = AmountField(label=_("Förbrukade medel, insatsområde 1, 9292"))
    comment = forms.CharField(label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    overspend_confirmed = forms.BooleanField(
        label=_("Jag bekräftar att förbrukade medel är större än tillgängliga medel."), required=False
    )

    def __init__(self, *args, submitting=False, fixed=(), entered_by="", **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        # The amounts RSS entered (economy.fixed_fields); the municipality reports what it consumed.
        for name in fixed:
            self.fields[name].disabled = True
            self.fields[name].help_text = _("Ifyllt av RSS Dalarna.") + (f" ({entered_by})" if entered_by else "")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        result = economy.check(
            data.get("allocated"), data.get("surplus"), data.get("consumed"),
            confirmed=data.get("overspend_confirmed"), comment=data.get("comment"), submitting=self.submitting,
        )
        for name, message in result.errors.items():
            self.add_error(name, message)
        return data


class PrefillForm(BootstrapForm):
    """RSS's prefill of allocated and surplus: one pair of fields per municipality."""

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = municipalities
        for m in municipalities:
            self.fields[f"allocated_{m.pk}"] = AmountField(label=_("Belopp per kommun, %(m)s") % {"m": m.name},
                                                           help_text="")
            self.fields[f"surplus_{m.pk}"] = AmountField(label=_("Överskjutande medel, %(m)s") % {"m": m.name},
                                                         help_text="")
        bootstrap(self)

    def rows(self):
        return [(m, self[f"allocated_{m.pk}"], self[f"surplus_{m.pk}"]) for m in self.municipalities]

    def amounts(self):
        return {m: (self.cleaned_data[f"allocated_{m.pk}"], self.cleaned_data[f"surplus_{m.pk}"])
                for m in self.municipalities}


class ImportForm(BootstrapForm):
    file = forms.FileField(label=_("Fil (CSV eller Excel)"),
                           help_text=_("Kolumner: year, municipality, allocated, surplus, consumed."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError(_("Filen ska vara en .csv- eller .xlsx-fil."))
        return upload


class SurveyImportForm(ImportForm):
    file = forms.FileField(label=_("Fil (portalens Excelexport eller CSV)"),
                           help_text=_("Excel: portalens export av ett år. CSV: kolumnerna year, municipality, "
                                       "question_key, answer."))


class ReopenForm(BootstrapForm):
    reason = forms.CharField(label=_("Varför öppnas svaret igen?"), max_length=1000)


class CopyQuestionnaireForm(BootstrapForm):
    source = forms.ModelChoiceField(
        label=_("Kopiera enkäten från"), queryset=ReportingYear.objects.none(), required=False,
        empty_label=_("Grundmallen (kommunenkäten 2024)"),
        help_text=_("Frågornas nycklar följer med, så att svaren kan jämföras mellan åren."),
    )
    target = forms.ModelChoiceField(label=_("Till rapporteringsåret"), queryset=ReportingYear.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = ReportingYear.objects.filter(questionnaire__isnull=False)
        self.fields["target"].queryset = ReportingYear.objects.filter(questionnaire__isnull=True)


class QuoteForm(BootstrapForm):
    quoted = forms.BooleanField(label=_("Citera i årsrapporten"), required=False)
    text = forms.CharField(label=_("Citat (får kortas eller avidentifieras)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))
    accept_warnings = forms.BooleanField(
        label=_("Jag har kontrollerat att citatet inte pekar ut någon person."), required=False
    )
    accept_warnings.compared = False  # a check of this save, not something stored
