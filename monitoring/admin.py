"""Technical management of the GGD figures. Figures come in through the import, not by hand."""

from django.contrib import admin

from hilversum_eenzaamheid.admin_mixins import ReadOnlyAdmin

from .models import ImportBatch, Indicator, Observatie, Regio


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "unit", "lower_is_better", "order"]
    search_fields = ["name", "code"]
    # The import finds indicators by code; renaming one would break it.
    readonly_fields = ["code"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Regio)
class RegioAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "niveau", "wijk"]
    list_filter = ["niveau"]
    list_select_related = ["wijk"]
    search_fields = ["name", "code"]
    fields = ["code", "name", "niveau", "wijk"]
    readonly_fields = ["code", "niveau"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Observatie)
class ObservatieAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "regio", "year", "age_group", "value", "lower", "upper", "batch"]
    list_filter = ["indicator", "year", "age_group", "regio__niveau"]
    list_select_related = ["indicator", "regio", "batch"]
    search_fields = ["regio__name", "regio__code"]


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = [
        "file_name",
        "status",
        "created_at",
        "created_by",
        "rows_read",
        "rows_imported",
        "rows_skipped",
        "rows_failed",
    ]
    list_filter = ["status"]
    list_select_related = ["created_by"]
    date_hierarchy = "created_at"
