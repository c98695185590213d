"""Technical admin (staff only) of the sociale kaart. Daily work happens in the werkruimte;
the change log and the vocabularies are read-only here, because their rows are history or are
referred to by code."""

from django.contrib import admin
from django.db import models

from hilversum_eenzaamheid.admin_mixins import ReadOnlyAdmin

from .models import (
    Activiteit,
    Correctie,
    Locatie,
    Rooster,
    RoosterUitzondering,
    Synoniem,
    Term,
    Voorstel,
    Wijziging,
)


class RoosterInline(admin.StackedInline):
    model = Rooster
    extra = 0
    autocomplete_fields = ["locatie"]
    show_change_link = True


@admin.register(Activiteit)
class ActiviteitAdmin(admin.ModelAdmin):
    list_display = ["name", "organisatie", "status", "moderatie", "assured_at", "needs_review"]
    list_filter = ["status", "moderatie", "needs_review", "wat_werkt"]
    list_select_related = ["organisatie"]
    search_fields = ["name", "slug", "organisatie__name"]
    filter_horizontal = ["terms", "wijken"]
    readonly_fields = [
        "uuid",
        "assured_by",
        "next_occurrence",
        "created_at",
        "modified_at",
    ]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoosterInline]
    date_hierarchy = "assured_at"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class UitzonderingInline(admin.TabularInline):
    model = RoosterUitzondering
    extra = 0


@admin.register(Rooster)
class RoosterAdmin(admin.ModelAdmin):
    list_display = ["activiteit", "herhaling", "start_date", "start_time", "locatie"]
    list_select_related = ["activiteit", "locatie"]
    search_fields = ["activiteit__name"]
    autocomplete_fields = ["activiteit", "locatie"]
    inlines = [UitzonderingInline]


@admin.register(Locatie)
class LocatieAdmin(admin.ModelAdmin):
    list_display = ["name", "street_address", "postcode", "wijk"]
    list_filter = ["wijk", "rolstoel", "ringleiding", "prikkelarm"]
    list_select_related = ["wijk"]
    search_fields = ["name", "street_address", "postcode"]
    readonly_fields = ["uuid"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    """Codes are used in URLs, seed data and the HSDS export: only labels and order change."""

    list_display = ["label", "vocabulaire", "code", "position"]
    list_filter = ["vocabulaire"]
    search_fields = ["label", "code"]
    readonly_fields = ["vocabulaire", "code"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Synoniem)
class SynoniemAdmin(admin.ModelAdmin):
    list_display = ["term", "synonyms"]
    search_fields = ["term", "synonyms"]


@admin.register(Correctie)
class CorrectieAdmin(admin.ModelAdmin):
    list_display = ["activiteit", "created_at", "handled_at", "handled_by"]
    list_filter = [("handled_at", admin.EmptyFieldListFilter)]
    list_select_related = ["activiteit", "handled_by"]
    search_fields = ["activiteit__name", "message"]
    readonly_fields = ["activiteit", "message", "email", "created_at"]


@admin.register(Voorstel)
class VoorstelAdmin(admin.ModelAdmin):
    """Decisions belong in the werkruimte, where approving also applies the change."""

    list_display = ["activiteit", "is_new", "status", "submitted_by", "submitted_at"]
    list_filter = ["status", "is_new"]
    list_select_related = ["activiteit", "submitted_by"]
    search_fields = ["activiteit__name"]
    readonly_fields = [
        "activiteit",
        "data",
        "is_new",
        "status",
        "reason",
        "submitted_by",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(Wijziging)
class WijzigingAdmin(ReadOnlyAdmin):
    list_display = ["activiteit", "field", "user", "changed_at"]
    list_filter = ["field"]
    list_select_related = ["activiteit", "user"]
    search_fields = ["activiteit__name", "field"]
    date_hierarchy = "changed_at"
