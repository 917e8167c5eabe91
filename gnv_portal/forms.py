from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gnv_portal.models import Invitation, LocalLeadership, Municipality, check_role_organisation


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
    class Meta:
        model = Invitation
        fields = ["first_name", "last_name", "email", "role", "municipality", "leadership"]

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
        if "role" in data:
            try:
                check_role_organisation(data["role"], data.get("municipality"), data.get("leadership"))
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
