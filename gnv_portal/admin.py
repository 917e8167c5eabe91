from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from gnv_portal import editing, workflow
from gnv_portal.formatting import sv_datetime
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

# --- Rows people edit in the admin carry their version too ----------------------------------


class VersionedForm(forms.ModelForm):
    """The admin's form of a Versioned row. It carries the version it was shown from; a save from
    an older one is refused with what is stored now at each field (the admin runs the whole save
    in one transaction, so workflow.hold here holds the row until it is saved)."""

    # Not "version": that is the model's own (non-editable) field.
    row_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    edited_by = None  # set per request by VersionedAdmin

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["row_version"].initial = self.instance.version if self.instance.pk else 0

    def clean(self):
        data = super().clean()
        if self.instance.pk is None:
            return data
        try:
            seen = workflow.seen_version({"version": self.data.get(self.add_prefix("row_version"))})
            workflow.hold(self.instance, seen)
        except workflow.Stale:
            current = type(self.instance)._base_manager.get(pk=self.instance.pk)
            found = editing.conflict(self, model_to_dict(current, fields=self._meta.fields, exclude=self._meta.exclude),
                                     current)
            names = {str(editing.label_of(f)): n for n, f in self.fields.items()}
            for row in found.rows:
                if names.get(row.label) in self.fields:
                    self.add_error(names[row.label], _("Sparat nu: %(value)s") % {"value": row.stored})
            # Shown again with the current version: saving once more takes over what was typed.
            self.data = self.data.copy()
            self.data[self.add_prefix("row_version")] = str(current.version)
            raise ValidationError(_(
                "%(who)s sparade den här posten %(when)s, efter att du öppnade sidan; ingenting har sparats. Vid "
                "fälten står det som är sparat nu. Spara igen för att använda dina värden, eller ladda om sidan "
                "för att behålla de sparade.") % {
                    "who": current.updated_by or _("Någon"),
                    "when": sv_datetime(current.updated_at)}) from None
        return data

    def save(self, commit=True):
        if self.instance.pk is None or self.has_changed():
            workflow.bump(self.instance, self.edited_by)
        return super().save(commit)


class WithVersion:
    form = VersionedForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return fields if "row_version" in fields else [*fields, "row_version"]


class VersionedAdmin(WithVersion, admin.ModelAdmin):
    """Admin of a Versioned row (and of Versioned inlines: give them VersionedInline)."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.edited_by = request.user
        return form

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if issubclass(formset.form, VersionedForm):
                formset.form.edited_by = request.user
            yield formset, inline


class VersionedInline(WithVersion):
    pass


class AnswerReadOnly:
    """Answers change only through their forms, where every change is versioned and kept in the
    history; the admin only shows them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
class ReportingYearAdmin(VersionedAdmin):
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
class EmailTemplateAdmin(VersionedAdmin):
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
    """The history is append-only: it can be read, never added to, changed or deleted by hand."""

    list_display = ["at", "content_type", "object_id", "action", "user", "version"]
    list_filter = ["action", "content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
