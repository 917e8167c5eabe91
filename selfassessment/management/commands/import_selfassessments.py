from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from selfassessment.imports import ImportFailed, import_selfassessments


class Command(BaseCommand):
    help = ("Läser in självskattningar från en CSV-fil med kolumnerna "
            "year,leadership,respondent,subgoal,rating,comment,applied. Allt eller inget.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV-fil (UTF-8, komma- eller semikolonseparerad)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Kan inte läsa {path}: {error}") from None
        try:
            report = import_selfassessments(data)
        except ImportFailed as failed:
            for error in failed.report.errors:
                self.stderr.write(str(error))
            raise CommandError(f"Inget lästes in: {len(failed.report.errors)} fel i {path.name}.") from None
        self.stdout.write(report.summary())
