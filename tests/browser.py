"""Helpers for end-to-end tests in a real headless Chromium (Debian's package).

Playwright drives /usr/bin/chromium through `executable_path`; no browser is ever
downloaded. `Browser.visit()` and `Browser.check()` run axe-core (from node_modules,
installed by `make install`) on every page a test visits and fail on any serious or
critical violation, and the borders of its form controls must have 3:1 against the
page; then the same page at a phone's width (390 px) must not scroll sideways, and a
scrolling table there must be reachable by keyboard. A test that navigates without
checking fails at teardown. `focus_ring_failures()` tabs through a page and measures the
focus ring of every element it reaches.
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
PHONE = {"width": 390, "height": 844}
# Rules whose outcome depends on the width (axe runs them again at the phone's width).
NARROW_RULES = ["scrollable-region-focusable"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page, rules=None):
    """Run axe-core in the page (all WCAG 2.1 AA rules, or just `rules`); return the serious
    and critical violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
        # govern; a <script> tag with the code inline (add_script_tag) would be refused by it.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": TAGS}
    result = page.evaluate("async (only) => await axe.run(document, {runOnly: only})", only)
    return [v for v in result["violations"] if v["impact"] in SERIOUS]


# The page's width beyond the window, and the outermost elements that stick out (not the
# ones inside a scrolling or clipping box, which do not widen the page).
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const over = document.documentElement.scrollWidth - width;
  if (over <= 0) { return null; }
  const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const out = (e) => e.getBoundingClientRect().right > width + 1;
  const clipped = (e) => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') { return true; }
    }
    return false;
  };
  // An absolutely placed element escapes a box that is not positioned itself.
  const escapes = (e) => ['absolute', 'fixed'].includes(getComputedStyle(e).position);
  const outermost = (e) => !(e.parentElement && out(e.parentElement) && e.parentElement !== document.body);
  const culprits = [...document.body.querySelectorAll('*')]
    .filter((e) => out(e) && (!clipped(e) || escapes(e)) && (outermost(e) || escapes(e)))
    .slice(0, 5).map((e) => describe(e) + ' ' + Math.round(e.getBoundingClientRect().width) + 'px: '
      + (e.textContent || '').trim().slice(0, 60));
  return {over: over, culprits: culprits};
}"""

# Let plotly redraw charts at the new width (it does so on the window's resize event,
# a moment later) before measuring.
SETTLE_JS = """async () => {
  if (window.Plotly) {
    await Promise.all([...document.querySelectorAll('.js-plotly-plot')].map((p) => window.Plotly.Plots.resize(p)));
  }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""


# WCAG 1.4.11: the boundary of a form control and the focus indicator need 3:1 against
# what is next to them (the background behind the control).
COLOUR_JS = """
const parse = (c) => {
  const m = /rgba?\\(([^)]+)\\)/.exec(c || '');
  if (!m) { return null; }
  const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
};
const luminance = (c) => {
  const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
};
const ratio = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const behind = (e) => {
  for (let a = e.parentElement; a; a = a.parentElement) {
    const c = parse(getComputedStyle(a).backgroundColor);
    if (c && c.a > 0.5) { return c; }
  }
  return {r: 255, g: 255, b: 255, a: 1};
};
const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '');
"""

CONTROLS_JS = "() => {" + COLOUR_JS + """
  const controls = [...document.querySelectorAll('input.form-check-input, .form-control, .form-select')]
    .filter((e) => !e.disabled && e.offsetParent !== null);
  const failures = controls.map((e) => {
    const style = getComputedStyle(e);
    const r = ratio(parse(style.borderTopColor), behind(e));
    return r < 3 ? name(e) + ' border ' + style.borderTopColor + ' ' + r.toFixed(2) + ':1' : null;
  }).filter(Boolean);
  return {checked: controls.length, failures: failures};
}"""

FOCUS_JS = "() => {" + COLOUR_JS + """
  const e = document.activeElement;
  if (!e || e === document.body) { return null; }
  const style = getComputedStyle(e);
  const width = parseFloat(style.outlineWidth);
  const r = style.outlineStyle === 'none' ? 0 : ratio(parse(style.outlineColor), behind(e));
  return {element: name(e), ok: width >= 2 && r >= 3,
          ring: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor + ' ' + r.toFixed(2) + ':1'};
}"""


def control_contrast(page):
    """{"checked": number of visible form controls, "failures": [those under 3:1]}."""
    return page.evaluate(CONTROLS_JS)


def focus_ring_failures(page, presses=40):
    """Tab through the page (as a keyboard user): every focused element needs an outline of
    at least 2 px at 3:1 against what is behind it. Returns (elements seen, failures)."""
    page.locator("body").focus()
    seen, failures = [], []
    for _ in range(presses):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_JS)
        if focus is None or focus["element"] in seen:
            continue
        seen.append(focus["element"])
        if not focus["ok"]:
            failures.append(f"{focus['element']}: {focus['ring']}")
    return seen, failures


def check_phone_width(page):
    """At 390 px: no sideways scrolling, and scrolling regions reachable by keyboard."""
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        page.evaluate(SETTLE_JS)
        overflow = page.evaluate(OVERFLOW_JS)
        assert overflow is None, (f"{page.url} scrolls sideways at {PHONE['width']} px by {overflow['over']} px: "
                                  + "; ".join(overflow["culprits"]))
        violations = axe_violations(page, NARROW_RULES)
        assert not violations, f"axe-core at {PHONE['width']} px: {page.url}\n{describe(violations)}"
    finally:
        page.set_viewport_size(size)
        page.evaluate(SETTLE_JS)


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
        controls = control_contrast(self.page)
        assert not controls["failures"], f"form controls under 3:1: {self.page.url}\n{controls['failures']}"
        check_phone_width(self.page)
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

    def screenshot(self, name, width=None):
        """Save the page as GNV_SCREENSHOTS/<name>.png when that folder is set (for a person to look at)."""
        folder = os.environ.get("GNV_SCREENSHOTS")
        if not folder:
            return
        size = self.page.viewport_size
        if width:
            self.page.set_viewport_size({"width": width, "height": size["height"]})
            self.page.evaluate(SETTLE_JS)
        Path(folder).mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)
        if width:
            self.page.set_viewport_size(size)

    def unchecked(self):
        return [url for url in self.loaded if url not in self.checked and url != "about:blank"]
