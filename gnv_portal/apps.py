from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.contrib.staticfiles.apps import StaticFilesConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class GNVPortalConfig(AppConfig):
    name = "gnv_portal"
    verbose_name = "Grunddata och konton"


class GNVAdminConfig(AdminConfig):
    default_site = "gnv_portal.admin_site.GNVAdminSite"


class GNVStaticFilesConfig(StaticFilesConfig):
    """collectstatic takes only the vendor files the pages use (and the source maps their last
    line names, which the manifest storage follows): the packages ship many more, and compressing
    them all would slow every deployment for nothing."""

    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,
        # Bootstrap (node_modules/bootstrap/dist): keep bootstrap.min.css and bootstrap.bundle.min.js.
        "bootstrap-*", "*.rtl.*", "bootstrap.css", "bootstrap.css.map", "bootstrap.js", "bootstrap.js.map",
        "bootstrap.min.js", "bootstrap.min.js.map", "bootstrap.esm*", "bootstrap.bundle.js", "bootstrap.bundle.js.map",
        # plotly's package_data: keep plotly.min.js.
        "widgetbundle.js", "datasets", "templates",
    ]
# Third-party apps under Swedish names in the admin (their models' names are in locale/sv).
class AxesConfig(AxesAppConfig):
    verbose_name = _("Inloggningsskydd")


class TasksConfig(TasksAppConfig):
    verbose_name = _("Bakgrundsjobb")
