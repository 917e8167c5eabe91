"""`manage.py import_data FIL.json`: a backup from export_data into an empty, migrated database."""

from django.core.management.base import BaseCommand, CommandError

from gnv_portal import backup


class Command(BaseCommand):
    help = "Läser in en säkerhetskopia från export_data i en tom databas (kör migrate först)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON-filen från export_data")

    def handle(self, *args, file, **options):
        if not file.endswith(".json"):
            raise CommandError("Filen ska vara en .json-fil från export_data.")
        try:
            count = backup.import_data(file)
        except FileNotFoundError:
            raise CommandError(f"Filen {file} finns inte.") from None
        except backup.NotEmpty as filled:
            raise CommandError(
                f"Databasen är inte tom, så ingenting lästes in. Läs in i en ny, tom databas (skapa den och kör "
                f"manage.py migrate). Det som finns: {filled}") from None
        self.stdout.write(f"Läste in {count} poster från {file}.")
