from django.contrib import admin

from infographic.models import Edition, Indicator, IndicatorValue, KoladaImport


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "subtitle", "level", "direction", "status", "split_by_sex", "kolada_id"]
    list_filter = ["status", "level", "direction", "sub_goal"]
    list_editable = ["kolada_id"]
    search_fields = ["number", "title", "kolada_id", "kolada_title"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "area", "period", "sex", "value", "source", "fetched_at"]
    list_filter = ["indicator", "period", "sex", "source"]
    search_fields = ["area"]
    list_select_related = ["indicator"]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "year", "created_at", "created_by"]
    readonly_fields = ["created_at", "created_by"]


@admin.register(KoladaImport)
class KoladaImportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "periods", "status", "finished_at", "created_by"]
    readonly_fields = ["created_at", "created_by", "periods", "status", "finished_at", "report"]

    def has_add_permission(self, request):
        return False
