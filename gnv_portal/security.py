"""Content-Security-Policy headers (Django 5.2 has none of its own; settings hold the policies)."""

from django.conf import settings


def csp_header(policy):
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def as_standalone_document(response):
    """A self-contained document (the annual report read in the browser, the same HTML as the PDF)
    gets its own policy: it runs no script at all, so its inline stylesheet and the style
    attributes of its SVG figures can be allowed."""
    response.headers["Content-Security-Policy"] = csp_header(settings.CONTENT_SECURITY_POLICY_DOCUMENT)
    return response
