"""Load test: 50 respondents saving drafts and submitting at once, against gunicorn.

    python tools/loadtest.py                                  # SQLite (a file of its own)
    python tools/throwaway_postgres.py -- python tools/loadtest.py   # PostgreSQL
    make loadtest                                             # both

The portal is started as in production (tests/production.py: production settings, collectstatic,
gunicorn with gunicorn.conf.py's worker count on a free loopback port) on a database of its own,
with the demo data and 50 generated system-leadership representatives (of the 13 leaderships; each
answers for herself). They all log in first (a warm-up, reported apart: password hashing is slow on
purpose, and 50 people do not log in within the same seconds). Then, for --seconds, each opens her
self-assessment from the start page and saves drafts, and a little before the end submits it through
the form's own flow: every POST sends back all the hidden inputs of the form it came from (CSRF token,
version fields) and a submit follows whatever confirmation pages come back. The pause before each
request is random, --think seconds on average, as people read and type.

It prints the requests, errors and p50/p95 per kind of request, and checks that the database holds
exactly the saves that got a success reply: per respondent, as many saved-draft events as
acknowledged saves, the text of the last acknowledged save, and a submission only when it was
acknowledged. Exit status 1 on any error or mismatch, or p95 above --max-p95-ms.
"""

import argparse
import json
import multiprocessing
import os
import random
import re
import sys
import tempfile
import threading
import time
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import production  # noqa: E402

PASSWORD = "Last-test-lösen-2025"
YEAR = 2024  # the demo's open year


# --- the database's side ------------------------------------------------------------------------

MAKE_USERS = """
from django.contrib.auth.hashers import make_password
from gnv_portal.models import LocalLeadership, Membership, Role, User
leaderships = list(LocalLeadership.objects.order_by("name"))
password = make_password({password!r})  # hashed once: the same password for all
users = User.objects.bulk_create([User(email=f"last-{{i:04d}}@load.invalid", password=password,
                                       first_name="Last", last_name=str(i)) for i in range({count})])
Membership.objects.bulk_create([Membership(user=u, role=Role.LEADERSHIP_REP,
                                           leadership=leaderships[i % len(leaderships)]) for i, u in enumerate(users)])
print(len(users))
"""

READ_BACK = """
import json
from django.contrib.contenttypes.models import ContentType
from gnv_portal.models import ResponseEvent
from selfassessment.models import SelfAssessment
kind = ContentType.objects.get_for_model(SelfAssessment)
out = {}
for a in SelfAssessment.objects.filter(respondent_label__endswith="@load.invalid", year__year=%d):
    events = list(ResponseEvent.objects.filter(content_type=kind, object_id=a.pk).values_list("action", flat=True))
    rating = a.ratings.filter(subgoal__number=1).first()
    out[a.respondent_label] = {"status": a.status, "saved": events.count("saved"),
                               "submitted": events.count("submitted"), "comment_1": rating.comment if rating else ""}
print(json.dumps(out))
"""


# --- a respondent's browser ---------------------------------------------------------------------


class Forms(HTMLParser):
    """The POST forms of a page: action, every input (hidden ones included), radio groups,
    textareas, and the submit buttons."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "get").lower() == "post":
            self._form = {"action": attrs.get("action", ""), "hidden": {}, "radios": defaultdict(list),
                          "textareas": [], "buttons": [], "text": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            kind = attrs.get("type", "text")
            name = attrs.get("name")
            if not name:
                return
            if kind == "hidden":
                self._form["hidden"][name] = attrs.get("value", "")
            elif kind == "radio":
                self._form["radios"][name].append(attrs.get("value", ""))
            elif kind == "submit":
                self._form["buttons"].append((name, attrs.get("value", "")))
            elif kind in ("text", "number"):
                self._form["text"].append(name)
        elif tag == "textarea" and attrs.get("name"):
            self._form["textareas"].append(attrs["name"])
        elif tag == "button" and attrs.get("type", "submit") == "submit":
            self._form["buttons"].append((attrs.get("name"), attrs.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def post_forms(html):
    parser = Forms()
    parser.feed(html)
    return parser.forms


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = []

    def add(self, kind, seconds, error=None):
        with self.lock:
            self.times[kind].append(seconds)
            if error:
                self.errors.append(f"{kind}: {error}")


class Respondent:
    def __init__(self, base, stats, think):
        self.base, self.stats, self.think = base, stats, think
        self.http = requests.Session()
        self.http.headers.update(production.PROXY_HEADERS)

    def pause(self):
        time.sleep(random.uniform(0, 2 * self.think))

    def request(self, kind, method, url, expect, **kwargs):
        """One request without following redirects; returns the response, or None after an error."""
        url = urljoin(self.base, url)
        headers = {"Origin": self.base} if method == "POST" else {}  # as a browser sends it
        # The portal's cookies are Secure (HTTPS ends at the proxy), which requests would not send to
        # plain http://127.0.0.1: send them as the browser behind the proxy does.
        headers["Cookie"] = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        started = time.perf_counter()
        try:
            response = self.http.request(method, url, headers=headers, allow_redirects=False, timeout=60, **kwargs)
        except requests.RequestException as error:
            self.stats.add(kind, time.perf_counter() - started, f"{url}: {error!r}")
            return None
        elapsed = time.perf_counter() - started
        if response.status_code not in expect:
            self.stats.add(kind, elapsed, f"{method} {urlsplit(url).path} → {response.status_code}")
            return None
        self.stats.add(kind, elapsed)
        return response

    def follow(self, kind, response):
        while response is not None and response.status_code in (301, 302, 303):
            response = self.request(kind, "GET", response.headers["Location"], {200, 302})
        return response

    def log_in(self, email):
        page = self.request("log-in page", "GET", "/konto/logga-in/", {200})
        if page is None:
            return False
        form = post_forms(page.text)[-1]
        done = self.request("log-in", "POST", "/konto/logga-in/", {302},
                            data={**form["hidden"], "username": email, "password": PASSWORD})
        return done is not None and urlsplit(done.headers["Location"]).path == "/"

    def fill(self, form, marker, complete):
        """Values for every field of the self-assessment form; the hidden inputs are sent back as they came."""
        data = dict(form["hidden"])
        for name, values in form["radios"].items():
            if complete or random.random() < 0.6:
                data[name] = random.choice([v for v in values if v] or values)
        for name in form["textareas"]:
            data[name] = marker if name == "comment_1" else f"{marker} ({name})"
        return data

    def answer(self, email, submit_at, deadline, log):
        """Save drafts until `submit_at`, then submit; log what the portal acknowledged."""
        form_url = None
        page = self.request("start page", "GET", "/", {200})
        if page is None:
            return
        # The start page links the respondent's form; the portal decides the URL.
        marker = f"/sjalvskattning/{YEAR}/"
        start = page.text.find(f'href="{marker}')
        if start < 0:
            self.stats.add("start page", 0, f"{email}: no link to the self-assessment")
            return
        form_url = page.text[start + 6:page.text.index('"', start + 6)]
        number = 0
        while time.monotonic() < deadline:
            number += 1
            self.pause()
            page = self.request("form page", "GET", form_url, {200})
            if page is None:
                return
            form = next((f for f in post_forms(page.text) if ("action", "save") in f["buttons"]), None)
            if form is None:
                self.stats.add("form page", 0, f"{email}: no form to save")
                return
            text = f"lt {email} nr {number}"
            final = time.monotonic() >= submit_at
            self.pause()
            data = {**self.fill(form, text, complete=final), "action": "submit" if final else "save"}
            saved = self.request("submit" if final else "save draft", "POST", form.get("action") or form_url,
                                 {302}, data=data)
            if saved is None:
                return
            log["saves"] += 1
            log["last"] = text
            if final:
                self.confirm(self.follow("submit", saved), form_url, log)
                return
            self.follow("save draft", saved)

    def confirm(self, page, form_url, log):
        """Follow the confirmation step(s) until the portal is back on the form."""
        for _step in range(3):
            if page is None:
                return
            if urlsplit(page.url).path == urlsplit(urljoin(self.base, form_url)).path:
                log["submitted"] = "inskickad" in page.text.lower()
                return
            forms = [f for f in post_forms(page.text) if f["buttons"] and "logga-ut" not in f["action"]
                     and "i18n" not in f["action"]]
            if not forms:
                self.stats.add("confirm", 0, f"no confirmation form on {page.url}")
                return
            form = forms[-1]
            button = form["buttons"][-1]
            data = dict(form["hidden"])
            if button[0]:
                data[button[0]] = button[1]
            self.pause()
            done = self.request("confirm", "POST", form["action"] or page.url, {302}, data=data)
            if done is None:
                return
            log["submitted"] = True
            page = self.follow("confirm", done)


def simulate(base, users, args, mark=lambda: None):
    """Log everyone in first (a warm-up: password hashing is deliberately slow, and 50 people do not
    log in within the same seconds), then let them all work for args.seconds."""
    warmup, stats, logs = Stats(), Stats(), {}
    clients = {}

    def log_in(email):
        client = Respondent(base, warmup, args.think)
        if client.log_in(email):
            clients[email] = client

    threads = [threading.Thread(target=log_in, args=(email,)) for email in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    marked = mark()
    deadline = time.monotonic() + args.seconds

    def work(email, client):
        client.stats = stats
        log = logs[email] = {"saves": 0, "last": "", "submitted": False}
        # Each submits a little before the end, after saving drafts until then.
        client.answer(email, deadline - random.uniform(5, 15), deadline, log)

    threads = [threading.Thread(target=work, args=item) for item in clients.items()]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return warmup, stats, logs, time.monotonic() - started, marked


def check(database_answers, logs):
    """Mismatches between what the portal acknowledged and what the database holds."""
    problems = []
    for email, log in logs.items():
        stored = database_answers.get(email)
        if log["saves"] == 0:
            if stored and stored["saved"]:
                problems.append(f"{email}: no save acknowledged, {stored['saved']} stored")
            continue
        if stored is None:
            problems.append(f"{email}: {log['saves']} saves acknowledged, nothing stored")
            continue
        if stored["saved"] != log["saves"]:
            problems.append(f"{email}: {log['saves']} saves acknowledged, {stored['saved']} stored")
        if stored["comment_1"] != log["last"]:
            problems.append(f"{email}: last acknowledged {log['last']!r}, stored {stored['comment_1']!r}")
        if (stored["status"] == "submitted") != log["submitted"] or stored["submitted"] != int(log["submitted"]):
            problems.append(f"{email}: submitted acknowledged {log['submitted']}, stored {stored}")
    return problems


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else 0.0


def report(name, stats, elapsed, problems, logs):
    every = [t for times in stats.times.values() for t in times]
    print(f"\n=== {name}: {len(every)} requests in {elapsed:.0f} s ({len(every) / elapsed:.1f}/s), "
          f"{len(stats.errors)} errors ===")
    print(f"{'kind':<14}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for kind in sorted(stats.times):
        times = stats.times[kind]
        print(f"{kind:<14}{len(times):>9}{percentile(times, .5) * 1000:>9.0f}{percentile(times, .95) * 1000:>9.0f}"
              f"{max(times) * 1000:>9.0f}")
    print(f"{'all':<14}{len(every):>9}{percentile(every, .5) * 1000:>9.0f}{percentile(every, .95) * 1000:>9.0f}"
          f"{(max(every) if every else 0) * 1000:>9.0f}")
    saves = sum(log["saves"] for log in logs.values())
    submitted = sum(log["submitted"] for log in logs.values())
    print(f"respondents {len(logs)}, saves acknowledged {saves}, submissions acknowledged {submitted}; "
          f"database check: {'all match' if not problems else f'{len(problems)} mismatches'}")
    for line in (stats.errors + problems)[:20]:
        print("  " + line)
    return percentile(every, .95) * 1000


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="simultaneous respondents (50)")
    parser.add_argument("--seconds", type=float, default=60, help="how long they work (60)")
    parser.add_argument("--think", type=float, default=2.0, help="mean pause before each request in seconds (2)")
    parser.add_argument("--workers", type=int, default=2 * multiprocessing.cpu_count() + 1,
                        help="gunicorn workers (as gunicorn.conf.py: 2 × cores + 1)")
    parser.add_argument("--max-p95-ms", type=float, default=500)
    args = parser.parse_args(argv)

    url = os.environ.get("DATABASE_URL", "")
    name = "PostgreSQL" if production.is_postgres(url) else "SQLite"
    with tempfile.TemporaryDirectory(prefix="gnv-load-") as folder, production.own_database(folder) as database:
        port = production.free_port()
        env = production.production_env(database, Path(folder) / "static", port)
        print(f"{name}: preparing the database and static files …", flush=True)
        production.prepare(env)
        count = args.users
        production.manage(env, "shell", "-c", MAKE_USERS.format(password=PASSWORD, count=count))
        users = [f"last-{i:04d}@load.invalid" for i in range(count)]
        with production.gunicorn(env, port, Path(folder) / "gunicorn.log", workers=args.workers) as server:
            print(f"{name}: gunicorn with {args.workers} workers on {server.url}; {args.users} respondents for "
                  f"{args.seconds:.0f} s …", flush=True)
            warmup, stats, logs, elapsed, offset = simulate(server.url, users, args,
                                                            mark=lambda: len(server.output()))
            output = server.output()
            server_errors = [line for line in output.splitlines() if " ERROR " in line]
            # What gunicorn itself measured (its access log, gunicorn.conf.py), without the client's share.
            served = [int(m) / 1000 for m in re.findall(r" (\d+)ms$", output[offset:], re.M)]
        stored = json.loads(production.manage(env, "shell", "-c", READ_BACK % YEAR).strip().splitlines()[-1])
    problems = check(stored, logs) + server_errors[:10]
    login = warmup.times["log-in"]
    print(f"\n{name}: warm-up, {len(login)} log-ins: p50 {percentile(login, .5) * 1000:.0f} ms, "
          f"p95 {percentile(login, .95) * 1000:.0f} ms, {len(warmup.errors)} errors (not in the figures below)")
    p95 = report(name, stats, elapsed, problems, logs)
    print(f"as gunicorn measured them: {len(served)} requests, p50 {percentile(served, .5) * 1000:.0f} ms, "
          f"p95 {percentile(served, .95) * 1000:.0f} ms")
    ok = not warmup.errors and not stats.errors and not problems and p95 <= args.max_p95_ms
    print(f"{name}: {'OK' if ok else 'NOT OK'} (target: 0 errors, database as acknowledged, p95 ≤ "
          f"{args.max_p95_ms:.0f} ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
