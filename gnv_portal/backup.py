"""The portal-level backup: everything people entered and the portal made, as one JSON file
(Django's serialisation), to be read into an empty database of the same portal version.

Left out, because they are rebuilt or short-lived: content types and permissions (made by
`migrate`; rows refer to them by name, not by id), log-in sessions (users log in again) and the
task queue (a build or fetch that was running is started again; see gnv_portal/background.py).
"""

import json

from django.apps import apps
from django.core.management import call_command
from django.db import transaction

LEFT_OUT = ["contenttypes", "auth.permission", "sessions", "django_tasks_database"]


class NotEmpty(Exception):
    """The database already holds data; a restore would mix two portals."""


def _left_out(model):
    return model._meta.app_label in LEFT_OUT or model._meta.label_lower in LEFT_OUT


def exported_models():
    return [m for m in apps.get_models() if not _left_out(m) and m._meta.managed and not m._meta.proxy]


def row_counts():
    """{app_label.model: rows} of everything the backup holds."""
    return {m._meta.label_lower: m._default_manager.count() for m in exported_models()}


def export_data(path):
    call_command("dumpdata", exclude=LEFT_OUT, natural_foreign=True, output=str(path), verbosity=0)
    with open(path, encoding="utf-8") as handle:
        return len(json.load(handle))


def import_data(path):
    """Read a backup into an empty (migrated) database, all or nothing. Returns the number of objects."""
    with open(path, encoding="utf-8") as handle:
        count = len(json.load(handle))
    with transaction.atomic():
        filled = {label: n for label, n in row_counts().items() if n}
        if filled:
            raise NotEmpty(", ".join(f"{label} ({n})" for label, n in sorted(filled.items())))
        # loaddata keeps the ids and, on PostgreSQL, moves the id sequences past them.
        call_command("loaddata", str(path), verbosity=0)
    return count
