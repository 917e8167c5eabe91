from django.core.management.base import BaseCommand, CommandError

from gnv_portal.models import ReportingYear
from infographic.results import EditionLocked, save_edition


class Command(BaseCommand):
    help = "Sparar infografikens utgåva för ett rapporteringsår (senaste period per nyckeltal)."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="Rapporteringsåret, t.ex. 2024 (ger Infografik 2025).")

    def handle(self, *args, **options):
        year = ReportingYear.objects.filter(year=options["year"]).first()
        if year is None:
            raise CommandError(f"Rapporteringsåret {options['year']} finns inte.")
        try:
            edition = save_edition(year)
        except EditionLocked as locked:
            raise CommandError(str(locked)) from None
        self.stdout.write(f"{edition.title} sparad.")
