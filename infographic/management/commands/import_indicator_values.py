from django.core.management.base import BaseCommand, CommandError

from infographic.imports import ImportRefused, import_csv


class Command(BaseCommand):
    help = ("Importerar nyckeltalsvärden från en CSV-fil med kolumnerna indicator,area,period,sex,value "
            "(allt eller inget).")

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FIL.csv")

    def handle(self, *args, **options):
        try:
            with open(options["file"], "rb") as handle:
                raw = handle.read()
        except OSError as error:
            raise CommandError(f"Kunde inte läsa {options['file']}: {error.strerror}.") from None
        try:
            report = import_csv(raw)
        except ImportRefused as refused:
            for line in refused.errors:
                self.stderr.write(line)
            raise CommandError(f"Ingenting importerades: {len(refused.errors)} fel i filen.") from None
        for line in report.lines():
            self.stdout.write(line)
