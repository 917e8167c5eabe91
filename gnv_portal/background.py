"""Background work that outlives its worker: a build or fetch whose worker was killed (a restart,
a crash, the out-of-memory killer) would otherwise say "running" forever.

Each app asks `expire(queryset, ...)` before it shows such work; whatever is still unfinished
`settings.GNV_TASK_TIMEOUT` after it was started is marked failed with a Swedish message, and RSS
starts it again. A task that a worker takes up only after that does not run (the object is no
longer waiting); a task that really finishes records its real result.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import ngettext
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def cutoff():
    return timezone.now() - settings.GNV_TASK_TIMEOUT


def timeout_message(restart):
    minutes = int(settings.GNV_TASK_TIMEOUT.total_seconds() // 60)
    return ngettext(
        "Bakgrundsjobbet blev inte klart inom %(minutes)s minut: troligen stoppades bakgrundsarbetaren "
        "(manage.py db_worker) under arbetet, eller så är den inte igång. %(restart)s",
        "Bakgrundsjobbet blev inte klart inom %(minutes)s minuter: troligen stoppades bakgrundsarbetaren "
        "(manage.py db_worker) under arbetet, eller så är den inte igång. %(restart)s",
        minutes) % {"minutes": minutes, "restart": restart}


def expire(queryset, *, started_field="created_at", **failed):
    """Mark the unfinished rows of `queryset` started before the cut-off as failed: `failed` are the
    field values that say so. Returns how many were marked. The task queue's own rows left running
    by a dead worker are marked failed too, so the admin does not show them running either."""
    before = cutoff()
    count = queryset.filter(**{f"{started_field}__lt": before}).update(**failed)
    if count:
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=before).update(
            status=TaskResultStatus.FAILED, finished_at=timezone.now(), exception_class_path="builtins.TimeoutError",
            traceback=timeout_message(""))
    return count
