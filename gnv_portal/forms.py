import re
from datetime import date

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from gnv_portal.models import (
    Invitation,
    LocalLeadership,
    Municipality,
    ReminderSchedule,
    Role,
    check_roles_organisations,
)


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-postadress"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )
    error_messages = {
        "invalid_login": _(
            "Fel e-postadress eller lösenord. Tänk på att lösenordet skiljer på stora och små bokstäver."
        ),
        "inactive": _("Kontot är inaktiverat. Kontakta RSS Dalarna."),
    }


class InvitationForm(forms.ModelForm):
    """One person, one or more roles: e.g. a municipal contact for both the survey and the economy."""

    roles = forms.MultipleChoiceField(
        label=_("Roller"), choices=Role.choices, widget=forms.CheckboxSelectMultiple,
        help_text=_("Välj alla roller personen ska ha."),
    )

    class Meta:
        model = Invitation
        fields = ["first_name", "last_name", "email", "roles", "municipality", "leadership"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        self.fields["leadership"].queryset = LocalLeadership.objects.order_by("name")
        self.fields["municipality"].help_text = _("För kommunrespondenter.")
        self.fields["leadership"].help_text = _("För systemledningsrepresentanter.")

    def clean_email(self):
        return self.cleaned_data["email"].lower()

    def clean(self):
        data = super().clean()
        if "roles" in data:
            try:
                check_roles_organisations(data["roles"], data.get("municipality"), data.get("leadership"))
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add_error(field, message)
        return data


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label=_("Välj lösenord"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minst 10 tecken. Undvik vanliga ord och lösenord som bara består av siffror."),
    )
    password2 = forms.CharField(
        label=_("Upprepa lösenordet"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password2(self):
        p1, p2 = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if p1 and p2 and p1 != p2:
            raise ValidationError(_("Lösenorden stämmer inte överens."))
        if p2:
            password_validation.validate_password(p2, self.user)
        return p2


class ReminderScheduleForm(forms.ModelForm):
    """RSS's schedule for one part: dates, and/or every N days from M days before the deadline."""

    dates = forms.CharField(
        label=_("Datum"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ett datum per rad, t.ex. 2025-02-14."),
    )

    class Meta:
        model = ReminderSchedule
        fields = ["active", "dates", "every_days", "start_days_before", "max_per_person", "min_interval_days"]
        labels = {
            "active": _("Skicka påminnelser automatiskt"),
            "every_days": _("Var N:e dag"),
            "start_days_before": _("med början M dagar före sista svarsdag"),
        }
        help_texts = {
            "every_days": _("Lämna tomt för att bara använda datumen ovan."),
            "start_days_before": _("0 betyder på sista svarsdagen."),
            "min_interval_days": _("Minst 1."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["dates"] = "\n".join(self.instance.dates)
        for name, (low, high) in {"every_days": (1, 60), "start_days_before": (0, 365), "max_per_person": (1, 20),
                                  "min_interval_days": (1, 60)}.items():
            self.fields[name].widget.attrs.update(min=low, max=high)
            self.fields[name].validators += [MinValueValidator(low), MaxValueValidator(high)]

    def clean_dates(self):
        days = []
        for text in re.split(r"[\s,;]+", self.cleaned_data["dates"].strip()):
            if not text:
                continue
            try:
                days.append(date.fromisoformat(text))
            except ValueError:
                raise ValidationError(_("”%(text)s” är inget datum. Skriv datum som 2025-02-14.") % {
                    "text": text[:20]}) from None
        deadline = self.instance.year.deadline
        late = [d for d in days if deadline and d > deadline]
        if late:
            raise ValidationError(_("%(date)s ligger efter sista svarsdag (%(deadline)s).") % {
                "date": late[0].isoformat(), "deadline": deadline.isoformat()})
        return sorted({d.isoformat() for d in days})

    def clean(self):
        data = super().clean()
        every, before = data.get("every_days"), data.get("start_days_before")
        if (every is None) != (before is None):
            self.add_error("every_days" if every is None else "start_days_before",
                           _("Fyll i både hur ofta och hur många dagar före sista svarsdag, eller inget av dem."))
        elif every is not None and self.instance.year.deadline is None:
            self.add_error("every_days", _("Året har ingen sista svarsdag att räkna från."))
        if data.get("active") and not data.get("dates") and every is None and not self.errors:
            self.add_error("dates", _("Ange minst ett datum eller ett intervall."))
        return data
