"""`make bench` (dashboards part, issue 8): server time and SQL queries per page for the
dashboards, the infographic, the report HTML preview and the published HTML report a reader reads,
on national-scale synthetic data.

Never touches the user's database: for each case (1 and 10 years of data) it migrates a fresh
SQLite file in a temporary folder (or the database GNV_BENCH_DATABASE_URL names: it is then
flushed first, so point it at a throw-away database only) and builds there:
21 regions, 290 municipalities (Dalarna's 15 and 275 made-up codes) with the 20 indicators
× the years × T/K/M, the 13 leaderships with 3 representatives a year, and Dalarna's 15
municipalities' kommunenkät and economic report every year. Each page is requested 50 times
through Django's test client; it prints median and 95th percentile and the queries per page.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REQUESTS = 50
LAST_YEAR = 2024
GOALS = {"dashboard": 150.0, "infographic": 150.0, "report": 500.0}
MAX_QUERIES = 25


def setup_django(workdir):
    os.environ["DATABASE_URL"] = os.environ.get("GNV_BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "gnv_portal.settings_test"
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()


def fresh_database():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("load_reference_data", stdout=open(os.devnull, "w"))  # noqa: SIM115


def build(year_count):
    """The synthetic data for `year_count` years ending in LAST_YEAR; returns (reader, rss)."""
    from django.db import transaction

    from gnv_portal.models import LocalLeadership, Membership, Municipality, Region, ReportingYear, Role, SubGoal, User
    from gnv_portal.models import ResponseStatus as S
    from infographic.areas import REGIONS
    from infographic.models import Indicator, IndicatorValue
    from reporting.demo import _survey_data
    from reporting.models import EconomicReport, SurveyResponse
    from reporting.municipal import questionnaires
    from reporting.municipal.reference_data import load_template
    from selfassessment.models import LeadershipMapping, Rating, SelfAssessment

    rng = random.Random(8)
    numbers = list(range(LAST_YEAR - year_count + 1, LAST_YEAR + 1))
    fetched = datetime(LAST_YEAR + 1, 3, 1, tzinfo=UTC)
    with transaction.atomic():
        for code, name in REGIONS.items():
            Region.objects.get_or_create(code=code, defaults={"name": name})
        reader = User.objects.create_user(email="lasare@bench.invalid", password="x")
        Membership.objects.create(user=reader, role=Role.READER)
        rss = User.objects.create_user(email="rss@bench.invalid", password="x")
        Membership.objects.create(user=rss, role=Role.RSS)
        years = [ReportingYear.objects.create(year=n, status=ReportingYear.Status.PUBLISHED) for n in numbers]

        dalarna = list(Municipality.objects.order_by("name"))
        codes = [m.code for m in dalarna]
        codes += [f"{1000 + i:04d}" for i in range(290 - len(codes))]
        areas = ["0000", *REGIONS, *codes]
        batch = []
        for indicator in Indicator.objects.all():
            for area in areas:
                base = rng.uniform(20, 80)
                for period in numbers:
                    for sex in ("T", "K", "M"):
                        value = Decimal(str(round(base + rng.uniform(-5, 5), 1)))
                        batch.append(IndicatorValue(indicator=indicator, area=area, period=period, sex=sex,
                                                    value=value, fetched_at=fetched))
        IndicatorValue.objects.bulk_create(batch, batch_size=5000)

        goals = list(SubGoal.objects.all())
        for year in years:
            for leadership in LocalLeadership.objects.all():
                for rep in range(3):
                    assessment = SelfAssessment.objects.create(
                        year=year, leadership=leadership, respondent_label=f"rep{rep}@bench.invalid",
                        status=S.SUBMITTED, applied=rep != 1)
                    Rating.objects.bulk_create([Rating(assessment=assessment, subgoal=g, rating=rng.randint(1, 5))
                                                for g in goals])
                LeadershipMapping.objects.create(year=year, leadership=leadership, status=S.SUBMITTED,
                                                 has_chair=True, meetings_per_year=4, member_roles=["politik"])
            questionnaire = load_template(year)
            questions = questionnaires.questions_of(questionnaire)
            for index, municipality in enumerate(dalarna):
                response = SurveyResponse.objects.create(questionnaire=questionnaire, municipality=municipality,
                                                         status=S.SUBMITTED)
                questionnaires.save_answers(response, questions, _survey_data(index, questions))
                allocated = rng.randint(800_000, 5_000_000)
                EconomicReport.objects.create(year=year, municipality=municipality, allocated=allocated,
                                              surplus=rng.randint(0, 100_000), consumed=rng.randint(0, allocated),
                                              status=S.SUBMITTED)
    return reader, rss


def publish_html_report():
    """A published HTML version of LAST_YEAR's report, built the way the background task builds it;
    returns its pk (readers read it through report_read)."""
    from django.utils import timezone

    from gnv_portal.models import ReportingYear
    from reporting.annual_report import build as report_build
    from reporting.models import ReportVersion

    year = ReportingYear.objects.get(year=LAST_YEAR)
    built = report_build.build(year, "html")
    version = ReportVersion.objects.create(
        year=year, format=ReportVersion.Format.HTML, status=ReportVersion.Status.READY, content=built.content,
        checksum=built.checksum, text=built.text, snapshot=built.snapshot, published=True,
        published_at=timezone.now(), finished_at=timezone.now())
    return version.pk


def measure(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries, status = [], None, None
    for _ in range(REQUESTS):
        connection.queries_log.clear()  # the log keeps 9 000 queries at most
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        status, queries = response.status_code, len(captured)
        if status != 200:
            break
    timings.sort()
    return status, statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)], queries


def pages(version_pk):
    """(kind, who, path): the dashboards and the infographic as a reader, the report HTML preview as RSS,
    and the published HTML report (version `version_pk`) as a reader reads it."""
    from django.urls import NoReverseMatch, reverse

    dash = reverse("reporting:dashboard")
    result = [
        ("dashboard", "reader", dash),
        ("dashboard", "reader", dash + "sjalvskattning/?delmal=2"),
        ("dashboard", "reader", dash + "nyckeltal/?nyckeltal=1.1&kommun=2080"),
        ("dashboard", "reader", dash + "nyckeltal/?nyckeltal=1.1&kommun=2080&csv=kommuner"),
        ("dashboard", "reader", dash + "ekonomi/?kommun=2080"),
        ("infographic", "reader", reverse("infographic:infographic") + f"?ar={LAST_YEAR}"),
    ]
    for name in ("reporting:report_published", "reporting:report_preview"):
        try:
            result.append(("report", "rss", reverse(name, args=[LAST_YEAR])))
            break
        except NoReverseMatch:
            continue
    result.append(("report", "reader", reverse("reporting:report_read", args=[version_pk])))
    return result


def run(year_count):
    from django.test import Client

    fresh_database()
    started = time.perf_counter()
    reader, rss = build(year_count)
    version_pk = publish_html_report()
    print(f"\n{year_count} år data (byggt på {time.perf_counter() - started:.0f} s)")
    print(f"{'sida':66} {'median ms':>10} {'p95 ms':>8} {'frågor':>7}  mål")
    results = {}
    for kind, who, path in pages(version_pk):
        client = Client()
        client.force_login(reader if who == "reader" else rss, backend="django.contrib.auth.backends.ModelBackend")
        status, median, p95, queries = measure(client, path)
        goal = GOALS.get(kind)
        verdict = "" if goal is None else ("ok" if p95 <= goal and queries <= MAX_QUERIES else "ÖVER")
        if status != 200:
            verdict = f"HTTP {status}"
        print(f"{path:66} {median:10.1f} {p95:8.1f} {queries:7d}  {verdict}")
        results[path] = queries
    return results


def main():
    with tempfile.TemporaryDirectory(prefix="gnv-bench-dash-") as workdir:
        setup_django(workdir)
        one = run(1)
        ten = run(10)
        same = [path for path in one if one[path] == ten.get(path)]
        print(f"\nSamma antal frågor med 1 och 10 år: {len(same)} av {len(one)} sidor.")
        for path in one:
            if one[path] != ten.get(path):
                print(f"  olika: {path} ({one[path]} mot {ten.get(path)})")


if __name__ == "__main__":
    main()
