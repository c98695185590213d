"""Technical management of the programme's data (the kartrekker works in the werkruimte)."""

from django.contrib import admin

from hilversum_eenzaamheid.admin_mixins import ReadOnlyAdmin

from .models import (
    Actie,
    AgendaItem,
    Pagina,
    PaginaVersie,
    Pijler,
    Subdoel,
    Telling,
    Verhaal,
    Voortgang,
)


class SubdoelInline(admin.TabularInline):
    model = Subdoel
    extra = 0


@admin.register(Pijler)
class PijlerAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "code"]
    inlines = [SubdoelInline]


class TellingInline(admin.TabularInline):
    model = Telling
    extra = 0


class VoortgangInline(admin.TabularInline):
    model = Voortgang
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Actie)
class ActieAdmin(admin.ModelAdmin):
    list_display = ["title", "pijler", "start_quarter", "end_quarter", "status", "trekker"]
    list_filter = ["pijler", "status"]
    search_fields = ["title", "description"]
    raw_id_fields = ["parent", "trekker"]
    filter_horizontal = ["partners"]
    list_select_related = ["pijler", "trekker"]
    inlines = [TellingInline, VoortgangInline]


@admin.register(Verhaal)
class VerhaalAdmin(admin.ModelAdmin):
    list_display = ["title", "actie", "wijk", "consent", "created_at"]
    list_filter = ["consent", "wijk"]
    raw_id_fields = ["actie", "author"]
    list_select_related = ["actie", "wijk"]


class PaginaVersieInline(admin.TabularInline):
    model = PaginaVersie
    extra = 0
    can_delete = False
    readonly_fields = ["title", "body", "title_en", "body_en", "author", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Pagina)
class PaginaAdmin(ReadOnlyAdmin):
    """Read only: a change here would skip the version history; use the werkruimte."""

    list_display = ["slug", "title", "updated_at", "updated_by"]
    inlines = [PaginaVersieInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "start_date", "end_date", "public"]
    list_filter = ["kind", "public"]
    date_hierarchy = "start_date"
