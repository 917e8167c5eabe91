from django.contrib import admin

from selfassessment.models import LeadershipMapping, Rating, SelfAssessment


class ReadOnly:
    """Answers change only through the forms, where every change is kept in the history."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RatingInline(ReadOnly, admin.TabularInline):
    model = Rating
    fields = ["subgoal", "rating", "comment"]


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["leadership", "year", "respondent_label", "status", "applied", "submitted_at"]
    list_filter = ["year", "status", "leadership"]
    search_fields = ["respondent_label", "leadership__name"]
    inlines = [RatingInline]


@admin.register(LeadershipMapping)
class LeadershipMappingAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["leadership", "year", "status", "meetings_per_year", "has_local_plan", "submitted_at"]
    list_filter = ["year", "status"]
