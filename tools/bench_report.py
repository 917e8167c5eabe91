"""`make bench` (annual report part): time to build the demo report as HTML and PDF, first
(nothing cached: no SVG in the cache, kaleido's browser not started) and repeated, against
bare WeasyPrint on the same self-contained HTML. Goal: repeated PDF build within 1,25 × bare
WeasyPrint.

Never touches the user's database: it migrates a fresh SQLite file in a temporary folder
(or the database GNV_BENCH_DATABASE_URL names) and loads the demo data there.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPEATS = 3
GOAL = 1.25


def setup_django(workdir):
    os.environ["DATABASE_URL"] = os.environ.get("GNV_BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "gnv_portal.settings_test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", stdout=open(os.devnull, "w"))  # noqa: SIM115


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def sv(seconds):
    return f"{seconds:.2f}".replace(".", ",") + " s"


def ratio(value):
    return f"{value:.2f}".replace(".", ",") + " ×"


def main():
    with tempfile.TemporaryDirectory(prefix="gnv-bench-report-") as workdir:
        setup_django(workdir)
        from gnv_portal.models import ReportingYear
        from reporting.annual_report.build import build
        from reporting.annual_report.pdf import html_to_pdf
        from reporting.models import ChartImage

        year = ReportingYear.objects.get(year=2024)
        ChartImage.objects.all().delete()
        first_html, built = timed(lambda: build(year, "html"))
        ChartImage.objects.all().delete()
        first_pdf, _ = timed(lambda: build(year, "pdf"))
        html = built.html
        repeated_html = statistics.median(timed(lambda: build(year, "html"))[0] for _ in range(REPEATS))
        repeated_pdf = statistics.median(timed(lambda: build(year, "pdf"))[0] for _ in range(REPEATS))
        bare = statistics.median(timed(lambda: html_to_pdf(html))[0] for _ in range(REPEATS))

        print(f"Årsrapport 2024 (demodata), median av {REPEATS} upprepningar; bar WeasyPrint = {sv(bare)}")
        print(f"{'':36} {'tid':>9} {'mot bar WeasyPrint':>20}")
        for label, seconds in [
            ("HTML, första bygget, inget cachat", first_html), ("PDF, utan SVG-cache, chromium igång", first_pdf),
            ("HTML, upprepat bygge", repeated_html), ("PDF, upprepat bygge", repeated_pdf),
            ("bar WeasyPrint, samma HTML", bare),
        ]:
            print(f"{label:36} {sv(seconds):>9} {ratio(seconds / bare):>20}")
        verdict = "inom" if repeated_pdf / bare <= GOAL else "ÖVER"
        print(f"Upprepat PDF-bygge: {ratio(repeated_pdf / bare)} bar WeasyPrint – {verdict} målet "
              f"{ratio(GOAL)}.")


if __name__ == "__main__":
    main()
