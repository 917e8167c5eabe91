from django.contrib import admin

from gnv_portal.admin import AnswerReadOnly as ReadOnly
from selfassessment.models import LeadershipMapping, Rating, SelfAssessment


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
