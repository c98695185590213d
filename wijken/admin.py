from django.contrib import admin

from hilversum_eenzaamheid.admin_mixins import ReadOnlyAdmin

from .models import Buurt, Postcode, Wijk
from .selectors import normalise_postcode


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    """The nine CBS districts come from a migration; only their display name is editable."""

    list_display = ["code", "name", "slug"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "slug"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Buurt)
class BuurtAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "wijk"]
    list_filter = ["wijk"]
    list_select_related = ["wijk"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "wijk"]

    def has_add_permission(self, request):
        # The postcode import creates buurten from their CBS codes.
        return False


@admin.register(Postcode)
class PostcodeAdmin(ReadOnlyAdmin):
    """View only: every import replaces the whole table, so edits here would not last."""

    list_display = ["postcode", "huisnummer", "wijk", "buurt"]
    list_filter = ["wijk"]
    list_select_related = ["wijk", "buurt"]
    search_fields = ["postcode"]

    def get_search_results(self, request, queryset, search_term):
        # Let "1221 ab" find 1221AB, the way people type postcodes.
        pc6 = normalise_postcode(search_term)
        if pc6 is not None:
            return queryset.filter(postcode=pc6), False
        return super().get_search_results(request, queryset, search_term)
