"""`manage.py build_report 2024 --format pdf --output rapport.pdf` (or --format html)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gnv_portal.models import ReportingYear
from reporting.annual_report.build import build
from reporting.annual_report.report import ReportTextError


class Command(BaseCommand):
    help = "Skapar årsrapporten för ett rapporteringsår som PDF eller som en fristående HTML-fil."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--format", choices=["pdf", "html"], default="pdf")
        parser.add_argument("--output", required=True, help="Filen som skapas.")

    def handle(self, *args, year, format, output, **options):
        reporting_year = ReportingYear.objects.filter(year=year).first()
        if reporting_year is None:
            raise CommandError(_("Rapporteringsåret %(year)s finns inte.") % {"year": year})
        try:
            built = build(reporting_year, format)
        except ReportTextError as error:
            raise CommandError("\n".join(error.errors)) from error
        with open(output, "wb") as handle:
            handle.write(built.content)
        self.stdout.write(_("Skrev %(path)s (%(size)s byte, SHA-256 %(sum)s).")
                          % {"path": output, "size": len(built.content), "sum": built.checksum})
