"""The version a page carries (its hidden input "version"), to post it back as a browser does."""

import re

VERSION_INPUT = re.compile(r'<input type="hidden" name="version" value="(\d+)">')


def version_in(page):
    """The version in a page (a response or its HTML); fails if the page has no version input."""
    html = page if isinstance(page, str) else page.content.decode()
    found = VERSION_INPUT.findall(html)
    assert found, "the page carries no version input"
    assert len(set(found)) == 1, f"the page carries several versions: {found}"
    return found[0]


def shown_version(client, url):
    """GET `url` and return {"version": …} as the page would post it."""
    return {"version": version_in(client.get(url))}
