import argparse

from django.core.management.base import BaseCommand, CommandError

from infographic import kolada
from infographic.imports import import_kolada, run_kolada_import
from infographic.models import KoladaImport


def periods_arg(text):
    try:
        periods = [int(p) for p in text.split(",") if p.strip()]
    except ValueError:
        periods = []
    if not periods or any(p < 1900 or p > 2100 for p in periods):
        raise argparse.ArgumentTypeError(f"”{text}” är inte ett årtal (skriv t.ex. 2024 eller 2023,2024)")
    return periods


class Command(BaseCommand):
    help = ("Importerar nyckeltalens värden från Kolada (API v3) för alla kommuner och regioner, "
            "eller från sparade Kolada-svar (--from-file).")

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, action="append", type=periods_arg,
                            help="År att importera, t.ex. 2024 (kan upprepas eller skrivas 2023,2024).")
        parser.add_argument("--from-file", nargs="+", default=[], metavar="FIL",
                            help="Sparade Kolada-svar (JSON), data och/eller KPI-metadata, i stället för att hämta.")

    def handle(self, *args, **options):
        periods = sorted({p for group in options["period"] for p in group})
        if options["from_file"]:
            try:
                report = import_kolada([kolada.load_file(path) for path in options["from_file"]], periods)
            except kolada.KoladaError as error:
                raise CommandError(f"Ingenting importerades. {error}") from None
        else:
            # A live fetch is logged like one started in the portal (Administration → Hämtningar från Kolada).
            run, report = run_kolada_import(KoladaImport.objects.create(periods=periods).pk)
            if report is None:
                raise CommandError(f"{run.report} Sparade svar läses in med --from-file.")
        for line in report.lines():
            self.stdout.write(line)
        if report.stopped:
            raise CommandError("Importen stoppades för nyckeltal " + ", ".join(report.stopped)
                               + " eftersom titeln i Kolada har ändrats (se ovan). Övriga värden är importerade.")
