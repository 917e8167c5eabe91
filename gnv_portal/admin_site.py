from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from gnv_portal.access import is_rss


class GNVAdminSite(admin.AdminSite):
    site_header = "GNV-portalen – administration"
    site_title = "GNV-portalen"
    index_title = "Referensdata och inställningar"

    def has_permission(self, request):
        return is_rss(request.user)

    def login(self, request, extra_context=None):
        # One log-in page for the whole portal, with its lockout protection.
        if request.user.is_authenticated:
            if is_rss(request.user):
                return redirect("admin:index")
            raise PermissionDenied
        return redirect_to_login(request.GET.get("next", request.get_full_path()))
