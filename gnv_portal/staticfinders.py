"""Serve front-end files straight from the packages that ship them.

Bootstrap comes from the npm registry (node_modules/), plotly.js from inside the
Python plotly package, so the browser and the Python side always agree on the
plotly version. Only the few files the pages use are exposed.
"""

from pathlib import Path

import plotly
from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage


def vendor_files():
    node = Path(settings.NODE_MODULES)
    plotly_dir = Path(plotly.__file__).parent / "package_data"
    return {
        "vendor/bootstrap/bootstrap.min.css": node / "bootstrap/dist/css/bootstrap.min.css",
        "vendor/bootstrap/bootstrap.bundle.min.js": node / "bootstrap/dist/js/bootstrap.bundle.min.js",
        "vendor/plotly/plotly.min.js": plotly_dir / "plotly.min.js",
    }


class VendorFinder(BaseFinder):
    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        find_all = find_all or kwargs.get("all", False)
        source = vendor_files().get(path)
        if source is None or not source.exists():
            return [] if find_all else None
        return [str(source)] if find_all else str(source)

    def list(self, ignore_patterns):
        for public_name, source in vendor_files().items():
            if source.exists():
                yield public_name, _ListedFile(public_name, source)


class _ListedFile(FileSystemStorage):
    """collectstatic opens `path` in the storage it is given; map the public name to the file."""

    def __init__(self, public_name, source):
        super().__init__(location=str(source.parent))
        self._public_name = public_name
        self._source = source

    def path(self, name):
        return str(self._source)

    def open(self, name, mode="rb"):
        return open(self._source, mode)  # noqa: SIM115

    def get_modified_time(self, name):
        return super().get_modified_time(self._source.name)
