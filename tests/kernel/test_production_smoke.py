"""The production smoke test: the portal as the README's Drift section runs it — production settings,
collectstatic, gunicorn — on this run's database server (SQLite, or the throw-away PostgreSQL), then
over HTTP and in Chromium: static files hashed and compressed, a log-in, the start page, a form,
a dashboard with its chart, the health URL, the Content-Security-Policy and no violation of it."""

import gzip
import re

import pytest

from tests import production
from tests.browser import Browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drift")
    port = production.free_port()
    with production.own_database(folder) as database_url:
        env = production.production_env(database_url, folder / "static", port)
        production.prepare(env)
        with production.gunicorn(env, port, folder / "gunicorn.log") as running:
            yield running
        assert running.process.returncode == 0, running.output()


def test_static_files_are_served_hashed_and_compressed(server):
    status, headers, body = production.get(server.url + "/konto/logga-in/")
    assert status == 200
    page = body.decode()
    assert "Content-Security-Policy" in headers and "script-src 'self'" in headers["Content-Security-Policy"]
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
    names = [a.rsplit("/", 1)[1] for a in assets]
    assert {re.sub(r"\.[0-9a-f]{12}\.", ".", n) for n in names} == {
        "bootstrap.min.css", "portal.css", "bootstrap.bundle.min.js", "favicon.svg"}, assets
    assert all(re.search(r"\.[0-9a-f]{12}\.(css|js|svg)$", n) for n in names), assets
    for asset in assets:
        status, headers, body = production.get(server.url + asset, {"Accept-Encoding": "gzip"})
        assert status == 200, asset
        assert headers["Content-Encoding"] == "gzip", asset
        assert "immutable" in headers["Cache-Control"], asset
        assert len(gzip.decompress(body)) > len(body) > 100, asset
    # The unhashed name is not served: a page that named it would show up as a broken page at once.
    assert production.get(server.url + "/static/vendor/bootstrap/bootstrap.min.css")[0] == 404


def test_health_url_says_ok_without_data(server):
    status, headers, body = production.get(server.url + "/halsa/")
    assert (status, body) == (200, b"ok\n")
    assert "no-store" in headers["Cache-Control"]
    # Monitoring on the machine itself asks over plain HTTP: no redirect to HTTPS.
    request_without_proxy = production.urllib.request.Request(server.url + "/halsa/")
    with production.urllib.request.urlopen(request_without_proxy, timeout=10) as plain:
        assert plain.status == 200


def test_swedish_404_page(server):
    status, _headers, body = production.get(server.url + "/finns-inte/")
    assert status == 404
    assert "Sidan finns inte" in body.decode() and "Not Found" not in body.decode()


def test_log_in_start_page_form_and_dashboard_in_chromium(server, chromium):
    context = chromium.new_context(locale="sv-SE", extra_http_headers=production.PROXY_HEADERS)
    page = context.new_page()
    page.set_default_timeout(20000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    browser = Browser(page, server.url)
    try:
        browser.log_in("rss@demo.invalid", "Dalarna-demo-2025")
        assert page.get_by_role("heading", level=1).count() >= 1
        response = page.context.request.get(server.url + "/")
        assert "no-store" in response.headers["cache-control"] and "private" in response.headers["cache-control"]

        form = browser.visit("/rss/inbjudningar/")
        assert form.get_by_label("E-postadress").count() == 1

        dashboard = browser.visit("/rapportering/valfardsradet/sjalvskattning/")
        dashboard.locator(".plotly-chart .main-svg").first.wait_for()
        assert dashboard.locator(".plotly-chart .main-svg").count() >= 1
        browser.check()

        assert browser.csp_violations == [] and errors == []
        assert not browser.unchecked()
    finally:
        context.close()
    output = server.output()
    assert "Traceback" not in output and " ERROR " not in output, output
