"""Reference data of the municipal reporting: the 2024 kommunenkät (DESIGN.md
"Kommunenkät", seed report 3.4), read from fixtures/kommunenkat-2024.yaml. Its e-mail
templates are in fixtures/epostmallar.yaml with all the others.

Idempotent, and never overwrites what RSS has edited: missing things are created,
existing ones are left as they are.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from gnv_portal.models import ReportingYear
from gnv_portal.reference import read_fixture
from reporting.municipal.questionnaires import load_spec

# Keys of its e-mail templates (the texts are in fixtures/epostmallar.yaml).
INVITATION = "reporting-invitation"
REMINDER = "reporting-reminder"

# The questionnaire as the spec load_spec() takes: title, introduction, sections with questions.
KOMMUNENKAT_2024 = read_fixture("kommunenkat-2024.yaml")
REFERENCE_YEAR = KOMMUNENKAT_2024["year"]


@transaction.atomic
def load():
    # The questionnaire belongs to a reporting year; years are created by RSS (or the demo).
    year = ReportingYear.objects.filter(year=REFERENCE_YEAR).first()
    if year is not None:
        load_spec(year, KOMMUNENKAT_2024)


def load_template(year):
    """Give `year` (without a questionnaire) the 2024 kommunenkät as its starting point."""
    from reporting.models import Questionnaire

    if Questionnaire.objects.filter(year=year).exists():
        raise ValueError(_("Rapporteringsåret %(year)s har redan en kommunenkät.") % {"year": year.year})
    spec = {**KOMMUNENKAT_2024, "title": KOMMUNENKAT_2024["title"].replace(str(REFERENCE_YEAR), str(year.year))}
    return load_spec(year, spec)
