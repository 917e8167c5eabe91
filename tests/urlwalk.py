"""Every URL pattern of the URL configuration, with sample arguments filled in, so
access tests cover a view the day it is added."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

SAMPLES = {"int": "1", "str": "x", "slug": "x", "path": "x", "uuid": "00000000-0000-0000-0000-000000000001"}


def _route_sample(route, values):
    def fill(match):
        converter, name = match.group(1) or "str", match.group(2)
        return str(values[name]) if name in values else SAMPLES.get(converter, "x")

    return re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)


def _regex_sample(regex):
    text = regex.lstrip("^").rstrip("$").replace("\\Z", "")
    # Named groups with alternatives take the first one; other groups a plain sample.
    text = re.sub(r"\(\?P<\w+>([\w-]+)(?:\|[^)]*)?\)", r"\1", text)
    text = re.sub(r"\(\?P<\w+>[^)]*\)", "1", text)
    text = re.sub(r"\(\?:[^)]*\)\??", "", text)
    return text.replace("\\", "")


def _sample(pattern, values):
    raw = str(pattern.pattern)
    if hasattr(pattern.pattern, "_route"):
        return _route_sample(pattern.pattern._route, values)
    return _regex_sample(raw)


def all_url_paths(resolver=None, prefix="", namespace="", values=None):
    """[(name, path)] for every URL pattern; `values` fills named arguments (e.g. {"year": 2024})."""
    resolver = resolver or get_resolver()
    values = values or {}
    found = []
    for pattern in resolver.url_patterns:
        here = prefix + _sample(pattern, values)
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            found += all_url_paths(pattern, here, ns, values)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or here)
            found.append((name, "/" + here.lstrip("/")))
    return found
