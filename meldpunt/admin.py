"""Technical management of the meldpunt. Casework happens in the werkruimte, not here.

The admin shows meldingen without their personal data (that is only opened through the logged
staff pages), and history, access log and outbox are read-only.
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hilversum_eenzaamheid.admin_mixins import ReadOnlyAdmin

from .models import Buurtteam, BuurtteamWijk, Melding, StatusWijziging, Toegang, Uitbericht


class BuurtteamWijkInline(admin.TabularInline):
    model = BuurtteamWijk
    extra = 0


@admin.register(Buurtteam)
class BuurtteamAdmin(admin.ModelAdmin):
    list_display = ["name", "email"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["members"]
    inlines = [BuurtteamWijkInline]


@admin.register(Melding)
class MeldingAdmin(ReadOnlyAdmin):
    list_display = ["reference", "status", "urgent", "buurtteam", "wijk", "source", "created_at"]
    list_filter = ["status", "urgent", "source", "buurtteam", "wijk"]
    list_select_related = ["buurtteam", "wijk"]
    search_fields = ["reference"]
    date_hierarchy = "created_at"
    # No text, Melder or Betrokkene: personal data is read in the werkruimte, where it is logged.
    fields = [
        "reference",
        "status",
        "urgent",
        "buurtteam",
        "wijk",
        "wijk_source",
        "source",
        "created_at",
        "first_contact_at",
        "closed_at",
        "outcome",
        "linked_to",
    ]


@admin.register(StatusWijziging)
class StatusWijzigingAdmin(ReadOnlyAdmin):
    list_display = ["melding", "from_status", "to_status", "user", "at"]
    list_select_related = ["melding", "user"]
    search_fields = ["melding__reference"]


@admin.register(Toegang)
class ToegangAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "melding", "what"]
    list_select_related = ["melding", "user"]
    list_filter = ["what"]
    search_fields = ["melding__reference", "user__username"]


@admin.register(Uitbericht)
class UitberichtAdmin(ReadOnlyAdmin):
    list_display = ["melding", "kind", "urgent", "created_at", "sent_at", "attempts", "last_error"]
    list_filter = ["kind", "urgent", ("sent_at", admin.EmptyFieldListFilter)]
    list_select_related = ["melding"]
    search_fields = ["melding__reference"]
    # Not the recipient or body: the receipt's address is the reporter's personal data.
    fields = readonly_fields = [
        "melding",
        "kind",
        "subject",
        "urgent",
        "created_at",
        "sent_at",
        "attempts",
        "last_error",
        "next_attempt_at",
    ]
    actions = ["retry_now"]

    @admin.action(description=_("Nu opnieuw proberen te versturen"))
    def retry_now(self, request, queryset):
        count = queryset.filter(sent_at__isnull=True).update(
            next_attempt_at=timezone.now(), attempts=0
        )
        self.message_user(request, _("%(count)s bericht(en) staan klaar.") % {"count": count})

    def has_change_permission(self, request, obj=None):
        # Needed for the action; the form itself has no editable fields.
        return request.user.is_superuser
