"""`make bench`: server time and SQL queries per page, measured on a database of its own.

Never touches the user's database: it migrates a fresh SQLite file in a temporary
folder (or the database DATABASE_URL names, when GNV_BENCH_DATABASE_URL is set),
loads reference and demo data, and requests each page 50 times through Django's
test client. Prints median and 95th percentile server time and queries per page.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REQUESTS = 50


def setup_django(workdir):
    os.environ["DATABASE_URL"] = os.environ.get("GNV_BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "gnv_portal.settings_test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", stdout=open(os.devnull, "w"))  # noqa: SIM115


def measure(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    queries = None
    for _ in range(REQUESTS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        queries = len(captured)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    return statistics.median(timings), p95, queries


def pages():
    """(who, path) pairs to measure; later parts of the portal add theirs here."""
    return [
        ("anonym", "/konto/logga-in/"),
        ("rss@demo.invalid", "/"),
        ("sl-falun@demo.invalid", "/"),
    ]


def main():
    with tempfile.TemporaryDirectory(prefix="gnv-bench-") as workdir:
        setup_django(workdir)
        from django.test import Client

        from gnv_portal.models import User

        print(f"{'sida':45} {'användare':25} {'median ms':>10} {'p95 ms':>8} {'frågor':>7}")
        for who, path in pages():
            client = Client()
            if who != "anonym":
                client.force_login(User.objects.get(email=who), backend="django.contrib.auth.backends.ModelBackend")
            median, p95, queries = measure(client, path)
            print(f"{path:45} {who:25} {median:10.1f} {p95:8.1f} {queries:7d}")


if __name__ == "__main__":
    main()
