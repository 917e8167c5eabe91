"""The portal-level backup: everything people entered and the portal made, as one JSON file
(Django's serialisation), to be read into an empty database of the same portal version.

Left out, because they are rebuilt or short-lived: content types and permissions (made by
`migrate`; rows refer to them by name, not by id), log-in sessions (users log in again) and the
task queue (a build or fetch that was running is started again; see gnv_portal/background.py).
"""

import json

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

# JSON as Django writes it, but with times to the microsecond (gnv_portal/backup_format.py).
BACKUP_FORMAT = "json-exact"
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
    serializers.register_serializer(BACKUP_FORMAT, "gnv_portal.backup_format")
    call_command("dumpdata", format=BACKUP_FORMAT, exclude=LEFT_OUT, natural_foreign=True, output=str(path),
                 verbosity=0)
    with open(path, encoding="utf-8") as handle:
        return len(json.load(handle))


def import_data(path):
    """Read a backup into an empty (migrated) database, all or nothing. Returns the number of objects.

    What loaddata does, without its search for fixtures by name (which would also take the
    compressed copy lying next to the file): the ids are kept, references are checked at the end,
    and on PostgreSQL the id sequences move past the restored ids."""
    with transaction.atomic(), open(path, encoding="utf-8") as handle:
        filled = {label: n for label, n in row_counts().items() if n}
        if filled:
            raise NotEmpty(", ".join(f"{label} ({n})" for label, n in sorted(filled.items())))
        models, objects = set(), []
        with connection.constraint_checks_disabled():
            # One at a time: a reference by natural key (a user by e-mail) finds the rows saved before it.
            for item in serializers.deserialize("json", handle, handle_forward_references=True):
                item.save()
                models.add(type(item.object))
                objects.append(item)
            for item in objects:
                if item.deferred_fields:
                    item.save_deferred_fields()
        connection.check_constraints(table_names=[m._meta.db_table for m in models])
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    return len(objects)
