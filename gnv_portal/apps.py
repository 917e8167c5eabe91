from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class GNVPortalConfig(AppConfig):
    name = "gnv_portal"
    verbose_name = "Grunddata och konton"


class GNVAdminConfig(AdminConfig):
    default_site = "gnv_portal.admin_site.GNVAdminSite"
