"""The admin is Swedish throughout, third-party apps too (their texts come from locale/sv)."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_app_and_model_in_the_admin_has_a_swedish_name(client_for, rss_user):
    page = client_for(rss_user).get(reverse("admin:index")).content.decode()
    names = re.findall(r'<caption>\s*<a[^>]*>([^<]*)</a>', page) + re.findall(
        r'class="model-[a-z]+"[^>]*>\s*<th[^>]*>\s*<a[^>]*>([^<]*)', page)
    assert {"Inloggningsskydd", "Bakgrundsjobb", "Inloggningsförsök", "Misslyckade inloggningar"} <= set(names)
    for english in ["Axes", "Access attempts", "Access failures", "Access logs", "Task Results",
                    "Tasks Database Backend"]:
        assert english not in names


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_third_party_lists_have_swedish_columns(client_for, rss_user):
    from axes.models import AccessAttempt

    from gnv_portal.tasks import send_scheduled_reminders_task

    AccessAttempt.objects.create(username="x@test.invalid", ip_address="192.0.2.1", user_agent="test",
                                 failures_since_start=3)
    send_scheduled_reminders_task.enqueue()
    client = client_for(rss_user)
    attempts = client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "IP-adress" in attempts and "Misslyckade inloggningar" in attempts and "IP Address" not in attempts
    jobs = client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist")).content.decode()
    assert "Köat" in jobs and "Prioritet" in jobs and "Väntar" in jobs
    assert "Enqueued at" not in jobs and "Ready" not in jobs
