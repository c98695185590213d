"""Technical management of the coalition's data (the kartrekker works in the werkruimte)."""

from django.contrib import admin

from .models import (
    Aanmelding,
    Aanwezigheid,
    Ambassadeur,
    Bijeenkomst,
    Contactpersoon,
    Deelnemer,
    Lidmaatschap,
    Medewerker,
    Organisatie,
    Training,
)


class LidmaatschapInline(admin.StackedInline):
    model = Lidmaatschap
    extra = 0


class ContactpersoonInline(admin.TabularInline):
    model = Contactpersoon
    extra = 0


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["wijken"]
    inlines = [LidmaatschapInline, ContactpersoonInline]


@admin.register(Medewerker)
class MedewerkerAdmin(admin.ModelAdmin):
    list_display = ["user", "organisatie"]
    list_select_related = ["user", "organisatie"]
    autocomplete_fields = ["organisatie"]


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(admin.ModelAdmin):
    list_display = ["organisatie", "role", "sector", "signalling", "since", "until"]
    list_filter = ["role", "sector", "signalling"]
    list_select_related = ["organisatie"]
    search_fields = ["organisatie__name"]


class AanwezigheidInline(admin.TabularInline):
    model = Aanwezigheid
    extra = 0
    autocomplete_fields = ["organisatie"]


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "date", "place", "public"]
    list_filter = ["kind", "public"]
    date_hierarchy = "date"
    inlines = [AanwezigheidInline]


class DeelnemerInline(admin.TabularInline):
    model = Deelnemer
    extra = 0
    autocomplete_fields = ["organisatie"]


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ["title", "date", "audience", "trainer"]
    list_filter = ["audience"]
    inlines = [DeelnemerInline]


@admin.register(Ambassadeur)
class AmbassadeurAdmin(admin.ModelAdmin):
    list_display = ["name", "organisatie", "since", "trained"]
    list_filter = ["trained"]
    list_select_related = ["organisatie"]
    search_fields = ["name", "organisatie__name"]
    raw_id_fields = ["deelnemer"]


@admin.register(Aanmelding)
class AanmeldingAdmin(admin.ModelAdmin):
    list_display = ["organisation_name", "created_at", "notified_at", "handled_at"]
    list_filter = [("handled_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["created_at", "notified_at"]
