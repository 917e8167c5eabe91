from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD = 20 * 1024 * 1024


def parse_periods(text):
    try:
        periods = sorted({int(p) for p in text.replace(" ", "").split(",") if p})
    except ValueError:
        raise forms.ValidationError(_("Skriv årtal åtskilda med komma, t.ex. 2023,2024.")) from None
    if any(p < 1900 or p > 2100 for p in periods):
        raise forms.ValidationError(_("Skriv årtal åtskilda med komma, t.ex. 2023,2024."))
    return periods


class KoladaFetchForm(forms.Form):
    periods = forms.CharField(
        label=_("Perioder att hämta"), max_length=60,
        help_text=_("År, t.ex. 2024 eller 2023,2024. Värden hämtas för alla kommuner och regioner."),
    )

    def clean_periods(self):
        periods = parse_periods(self.cleaned_data["periods"])
        if not periods:
            raise forms.ValidationError(_("Ange minst ett år."))
        return periods


class ValuesUploadForm(forms.Form):
    """A CSV file (indicator,area,period,sex,value) or a saved Kolada response (JSON)."""

    file = forms.FileField(
        label=_("Fil med värden"),
        help_text=_("CSV med kolumnerna indicator,area,period,sex,value, eller ett sparat svar från Kolada "
                    "(JSON). Allt eller inget importeras."),
    )
    period = forms.CharField(
        label=_("Perioder (bara för Kolada-svar)"), required=False, max_length=60,
        help_text=_("År att importera ur Kolada-svaret, t.ex. 2024 eller 2023,2024. Tomt = alla år i filen."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Filen är för stor (högst 20 MB)."))
        name = upload.name.lower()
        if not name.endswith((".csv", ".json", ".txt")):
            raise forms.ValidationError(_("Välj en CSV-fil (.csv) eller ett Kolada-svar (.json)."))
        return upload

    def clean_period(self):
        return parse_periods(self.cleaned_data["period"].strip())
