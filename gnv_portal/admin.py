from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from gnv_portal.models import (
    EmailLog,
    EmailTemplate,
    Invitation,
    LocalLeadership,
    Membership,
    Municipality,
    Region,
    ReportingYear,
    ResponseEvent,
    SubGoal,
    User,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "region"]
    search_fields = ["name", "code"]


@admin.register(LocalLeadership)
class LocalLeadershipAdmin(admin.ModelAdmin):
    list_display = ["name", "member_municipalities"]
    filter_horizontal = ["municipalities"]

    @admin.display(description="kommuner")
    def member_municipalities(self, obj):
        return ", ".join(m.name for m in obj.municipalities.all())


@admin.register(SubGoal)
class SubGoalAdmin(admin.ModelAdmin):
    list_display = ["number", "name"]


@admin.register(ReportingYear)
class ReportingYearAdmin(admin.ModelAdmin):
    list_display = ["year", "status", "opens_on", "deadline"]
    list_filter = ["status"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "last_login"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Namn", {"fields": ["first_name", "last_name"]}),
        ("Behörighet", {"fields": ["is_active", "is_staff", "is_superuser"]}),
        ("Datum", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "first_name", "last_name", "roles_shown", "created_at", "expires_at", "accepted_at",
                    "to_existing_account"]
    readonly_fields = ["token_hash", "accepted_at", "user", "created_by", "to_existing_account"]

    @admin.display(description=_("roller"))
    def roles_shown(self, obj):
        return obj.roles_display()


@admin.register(EmailTemplate)
class EmailTemplateAdmin(admin.ModelAdmin):
    list_display = ["description", "key", "subject"]


@admin.register(EmailLog)
class EmailLogAdmin(admin.ModelAdmin):
    list_display = ["sent_at", "to", "subject", "template_key", "part", "ok"]
    list_filter = ["template_key", "part", "ok"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ResponseEvent)
class ResponseEventAdmin(admin.ModelAdmin):
    list_display = ["at", "content_type", "object_id", "action", "user"]
    list_filter = ["action", "content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
