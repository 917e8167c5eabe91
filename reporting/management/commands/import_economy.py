from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reporting.municipal.imports import import_economy


class Command(BaseCommand):
    help = ("Läser in ekonomisk redovisning från en CSV- eller Excelfil med kolumnerna "
            "year,municipality,allocated,surplus,consumed. Allt eller inget.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV (UTF-8, ; eller ,) eller .xlsx")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Filen {file} finns inte.")
        result = import_economy(path.read_bytes(), path.name)
        for warning in result.warnings:
            self.stdout.write(f"Varning: {warning}")
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} fel; ingenting har sparats.")
        if result.years_created:
            self.stdout.write("Nya rapporteringsår (stängda): " + ", ".join(map(str, result.years_created)))
        self.stdout.write(result.summary())
