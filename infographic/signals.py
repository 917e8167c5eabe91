"""Save the infographic's edition when a reporting year is published (if none was saved by hand)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from gnv_portal.models import ReportingYear


@receiver(post_save, sender=ReportingYear, dispatch_uid="infographic_edition_on_publish")
def edition_on_publish(sender, instance, raw=False, **kwargs):
    if raw or instance.status != ReportingYear.Status.PUBLISHED:
        return
    from infographic.models import Edition
    from infographic.results import save_edition

    if not Edition.objects.filter(year=instance).exists():
        save_edition(instance)
