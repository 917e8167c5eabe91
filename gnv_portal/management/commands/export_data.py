"""`manage.py export_data FIL.json`: all the portal's data as one file (see gnv_portal/backup.py)."""

from django.core.management.base import BaseCommand

from gnv_portal import backup


class Command(BaseCommand):
    help = "Sparar allt innehåll i portalen i en JSON-fil (återläses med import_data i en tom databas)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Filen som skapas, t.ex. gnv-2025-03-01.json")

    def handle(self, *args, file, **options):
        count = backup.export_data(file)
        self.stdout.write(f"Skrev {count} poster till {file}.")
