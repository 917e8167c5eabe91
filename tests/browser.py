"""Helpers for end-to-end tests in a real headless Chromium (Debian's package).

Playwright drives /usr/bin/chromium through `executable_path`; no browser is ever
downloaded. `Browser.visit()` and `Browser.check()` run axe-core (from node_modules,
installed by `make install`) on every page a test visits and fail on any serious or
critical violation; a test that navigates without checking fails at teardown.
"""

import json
import os
from pathlib import Path

from django.conf import settings

CHROMIUM = os.environ.get("GNV_CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERIOUS = {"serious", "critical"}


def axe_violations(page):
    """Run axe-core in the page; return the serious and critical violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
        # govern; a <script> tag with the code inline (add_script_tag) would be refused by it.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [v for v in result["violations"] if v["impact"] in SERIOUS]


def describe(violations):
    return json.dumps(
        [{"id": v["id"], "impact": v["impact"], "help": v["help"],
          "nodes": [n["target"] for n in v["nodes"]][:5]} for v in violations],
        ensure_ascii=False, indent=1,
    )


class Browser:
    """A page in Chromium bound to the live server, with the accessibility check built in."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.loaded = []
        self.checked = set()
        self.csp_violations = []
        page.on("load", lambda p: self.loaded.append(p.url))
        page.on("console", self._console)

    def visit(self, path):
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def _console(self, message):
        # Chromium reports what the Content-Security-Policy refused on the console.
        if "Content Security Policy" in message.text:
            self.csp_violations.append(f"{self.page.url}: {message.text}")

    def check(self):
        """Check the page as it is now (call after every navigation or change): axe-core finds no
        serious accessibility fault and the Content-Security-Policy refused nothing."""
        self.page.wait_for_load_state()
        violations = axe_violations(self.page)
        assert not violations, f"axe-core: {self.page.url}\n{describe(violations)}"
        assert not self.csp_violations, "\n".join(self.csp_violations)
        self.checked.add(self.page.url)

    def log_in(self, email, password):
        """Log in through the log-in page and wait for the start page."""
        page = self.visit("/konto/logga-in/")
        page.get_by_label("E-postadress").fill(email)
        page.get_by_label("Lösenord").fill(password)
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_url(self.base_url + "/")
        self.check()
        return page

    def log_out(self):
        """Log out and wait until the log-out has happened: a log-out still on its way
        would otherwise end the next user's session."""
        self.page.get_by_role("button", name="Logga ut").click()
        self.page.wait_for_url("**/konto/logga-in/")
        self.check()

    def unchecked(self):
        return [url for url in self.loaded if url not in self.checked and url != "about:blank"]
