"""The version a page carries (its hidden input "version"), to post it back as a browser does."""

import re
from html.parser import HTMLParser

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


class _FormReader(HTMLParser):
    """The values a browser would post from the page's forms (the last form with a csrf token)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._select, self._option, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({})
        if not self.forms:
            return
        data = self.forms[-1]
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    data.setdefault(name, []).append(attrs.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                data.setdefault(name, []).append(attrs.get("value", ""))
        elif tag == "select" and name:
            self._select, self._option = name, None
            data.setdefault(name, [])
        elif tag == "option" and self._select:
            if self._option is None:
                self._option = attrs.get("value", "")  # what a browser posts when nothing is selected
            if "selected" in attrs:
                data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            data[name] = [""]

    def handle_data(self, text):
        if self._textarea:
            self.forms[-1][self._textarea][0] += text

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            if not self.forms[-1][self._select] and self._option is not None:
                self.forms[-1][self._select].append(self._option)
            self._select = None
        elif tag == "textarea":
            if self._textarea:
                self.forms[-1][self._textarea][0] = self.forms[-1][self._textarea][0].removeprefix("\n")
            self._textarea = None


def page_data(page):
    """{name: value or [values]} of the page's main form (the last one posting with a csrf token)."""
    html = page if isinstance(page, str) else page.content.decode()
    reader = _FormReader()
    reader.feed(html)
    form = [f for f in reader.forms if "csrfmiddlewaretoken" in f][-1]
    return {name: values[0] if len(values) == 1 else values for name, values in form.items()}
