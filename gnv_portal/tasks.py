"""Background work of the kernel (django-tasks): e-mails about answers, bulk sends and
scheduled reminders. Each task calls a service function that also runs without a worker."""

from django_tasks import task

from gnv_portal import notices, outreach
from gnv_portal.models import ReportingYear, User


@task()
def send_notice_task(key, content_type_id, object_id, user_id=None, reason=""):
    return notices.send(key, content_type_id, object_id, user_id, reason)


@task()
def send_batch_task(part_key, year_id, kind, keys, sent_by_id, base_url):
    """A bulk send RSS confirmed in the preview: to those of `keys` who still qualify."""
    part = outreach.get_part(part_key)
    year = ReportingYear.objects.get(pk=year_id)
    sent_by = User.objects.filter(pk=sent_by_id).first()
    return outreach.send(part, year, kind, keys=keys, sent_by=sent_by, base_url=base_url)


@task()
def send_scheduled_reminders_task():
    return sum(sent for _schedule, _part, _recipients, sent in outreach.send_due())
