from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """Admin for rows that are history or are replaced whole: look, never add, edit or delete."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
