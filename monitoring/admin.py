"""Technical management of the GGD figures. Figures come in through the import, not by hand."""

from django.contrib import admin

from hilversum_eenzaamheid.admin_mixins import ReadOnlyAdmin

from .models import (
    Begroting,
    Beoordeling,
    Evaluatie,
    EvaluatieRapport,
    ImportBatch,
    Indicator,
    Observatie,
    Regio,
    Uitgave,
)


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


# The evaluation is worked in the portal (status moves, snapshot, scores per member); the
# admin only looks. The budget of chapter 9 is the one thing changed here, when the programme
# is updated (Q4 2026 for 2027 and later).


@admin.register(Evaluatie)
class EvaluatieAdmin(ReadOnlyAdmin):
    list_display = ["period", "status", "vastgesteld_at", "vastgesteld_by"]
    list_filter = ["status"]
    list_select_related = ["vastgesteld_by"]
    exclude = ["snapshot"]


@admin.register(Beoordeling)
class BeoordelingAdmin(ReadOnlyAdmin):
    list_display = ["evaluatie", "organisatie_name", "resultaten", "proces", "samenwerking"]
    list_filter = ["evaluatie"]
    list_select_related = ["evaluatie"]


@admin.register(EvaluatieRapport)
class EvaluatieRapportAdmin(ReadOnlyAdmin):
    list_display = ["evaluatie", "version", "final", "status", "created_at", "sha256"]
    list_filter = ["status", "final"]
    list_select_related = ["evaluatie"]


@admin.register(Begroting)
class BegrotingAdmin(admin.ModelAdmin):
    list_display = ["year", "post", "amount"]
    list_filter = ["year", "post"]


@admin.register(Uitgave)
class UitgaveAdmin(ReadOnlyAdmin):
    list_display = ["description", "date", "post", "amount", "actie"]
    list_filter = ["post"]
    list_select_related = ["actie"]
    date_hierarchy = "date"
