from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class GNVPortalConfig(AppConfig):
    name = "gnv_portal"
    verbose_name = "Grunddata och konton"


class GNVAdminConfig(AdminConfig):
    default_site = "gnv_portal.admin_site.GNVAdminSite"


# Third-party apps under Swedish names in the admin (their models' names are in locale/sv).
class AxesConfig(AxesAppConfig):
    verbose_name = _("Inloggningsskydd")


class TasksConfig(TasksAppConfig):
    verbose_name = _("Bakgrundsjobb")
