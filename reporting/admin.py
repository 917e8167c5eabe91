from django.contrib import admin

from gnv_portal.admin import AnswerReadOnly, VersionedAdmin, VersionedInline
from reporting.models import EconomicReport, Option, Question, Questionnaire, Quote, Section, SurveyResponse


class SectionInline(VersionedInline, admin.TabularInline):
    model = Section
    extra = 0
    fields = ["order", "key", "title"]
    show_change_link = True


@admin.register(Questionnaire)
class QuestionnaireAdmin(VersionedAdmin):
    list_display = ["title", "year"]
    inlines = [SectionInline]


class QuestionInline(VersionedInline, admin.StackedInline):
    model = Question
    extra = 0
    fields = [("order", "key", "type", "required"), "text", "short_label", "help_text"]
    show_change_link = True


@admin.register(Section)
class SectionAdmin(VersionedAdmin):
    list_display = ["title", "questionnaire", "order", "key"]
    list_filter = ["questionnaire"]
    inlines = [QuestionInline]


class OptionInline(VersionedInline, admin.TabularInline):
    model = Option
    extra = 0
    fields = ["order", "key", "label", "is_other"]


@admin.register(Question)
class QuestionAdmin(VersionedAdmin):
    list_display = ["key", "short_label", "type", "required", "section"]
    list_filter = ["section__questionnaire", "type"]
    search_fields = ["key", "text"]
    inlines = [OptionInline]


@admin.register(SurveyResponse)
class SurveyResponseAdmin(AnswerReadOnly, admin.ModelAdmin):
    list_display = ["municipality", "questionnaire", "status", "submitted_at"]
    list_filter = ["questionnaire", "status"]
    readonly_fields = ["created_at", "updated_at", "submitted_at", "submitted_by", "updated_by"]


@admin.register(EconomicReport)
class EconomicReportAdmin(AnswerReadOnly, admin.ModelAdmin):
    list_display = ["municipality", "year", "allocated", "surplus", "consumed", "status"]
    list_filter = ["year", "status"]
    readonly_fields = ["created_at", "updated_at", "submitted_at", "submitted_by", "updated_by"]


@admin.register(Quote)
class QuoteAdmin(VersionedAdmin):
    list_display = ["text", "answer", "order"]
