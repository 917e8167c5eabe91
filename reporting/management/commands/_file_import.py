"""What the reporting app's import commands share: read the file, run the import service, print
its warnings, and on errors print every one and exit with an error status (nothing saved)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class FileImportCommand(BaseCommand):
    file_help = "CSV (UTF-8, ; eller ,) eller .xlsx"

    def run_import(self, content, filename):
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("file", help=self.file_help)

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Filen {file} finns inte.")
        result = self.run_import(path.read_bytes(), path.name)
        for warning in result.warnings:
            self.stdout.write(f"Varning: {warning}")
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} fel; ingenting har sparats.")
        if result.years_created:
            self.stdout.write("Nya rapporteringsår (stängda): " + ", ".join(map(str, result.years_created)))
        self.stdout.write(result.summary())
