"""The filters of the partner list in the werkruimte (GET parameters, work without JavaScript).

An unknown value (an old bookmark, a typo in the URL) is dropped on its own: django-filter
leaves a field that does not validate out of cleaned_data, and the page says so.
"""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijken.models import Wijk

from .constants import Rol, Sector
from .models import Lidmaatschap

HUIDIG, GESTOPT, ALLE = "huidig", "gestopt", "alle"
JA, NEE = "ja", "nee"


class PartnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Zoek op naam (niet verplicht)"), method="filter_q", max_length=100
    )
    role = django_filters.ChoiceFilter(
        label=_("Rol"), choices=Rol.choices, empty_label=_("Alle rollen")
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("Alle sectoren")
    )
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"),
        queryset=Wijk.objects.order_by("code"),
        to_field_name="slug",
        method="filter_wijk",
        empty_label=_("Alle wijken"),
        help_text=_("Organisaties die in heel Hilversum actief zijn, staan er ook bij."),
    )
    signalling = django_filters.ChoiceFilter(
        label=_("Signalerende functie"),
        choices=[(JA, _("Ja")), (NEE, _("Nee"))],
        method="filter_signalling",
        empty_label=_("Maakt niet uit"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Partners"),
        choices=[
            (HUIDIG, _("Huidige partners")),
            (GESTOPT, _("Gestopte partners")),
            (ALLE, _("Alle")),
        ],
        method="filter_status",
        empty_label=None,
    )

    class Meta:
        model = Lidmaatschap
        fields = ["q", "role", "sector", "wijk", "signalling", "status"]

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()

    def filter_queryset(self, queryset):
        # "Huidige partners" is the default, also when no status (or an unknown one) is asked.
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.current(self.today)
        return super().filter_queryset(queryset)

    def filter_q(self, queryset, name, value):
        return queryset.filter(organisatie__name__icontains=value.strip())

    def filter_wijk(self, queryset, name, value):
        # One join for both conditions, so an organisation appears once.
        return queryset.filter(Q(organisatie__wijken=value) | Q(organisatie__wijken__isnull=True))

    def filter_signalling(self, queryset, name, value):
        return queryset.filter(signalling=value == JA)

    def filter_status(self, queryset, name, value):
        if value == HUIDIG:
            return queryset.current(self.today)
        if value == GESTOPT:
            return queryset.filter(until__lt=self.today)
        return queryset
