"""Forms for schedules: editors pick a preset (every week, every other week, once a month, once);
nobody types a recurrence rule. A schedule travels as plain data (see selectors.rooster_item)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import Herhaling, Weekdag, WeekVanDeMaand
from .forms import Checkboxes, DutchFormMixin, Radios
from .models import Locatie
from .selectors import parse_item_times

DATE_ERRORS = {
    "required": _("Vul de datum in."),
    "invalid": _("Vul een datum in zoals 6-1-2026."),
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        # The browser's date field wants ISO dates, whatever the language of the page.
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class RoosterForm(DutchFormMixin, forms.Form):
    conditional = ("dagen", "week_van_de_maand")

    herhaling = forms.ChoiceField(
        label=_("Hoe vaak is de activiteit?"),
        choices=Herhaling.choices,
        widget=Radios,
        error_messages={"required": _("Kies hoe vaak de activiteit is.")},
    )
    dagen = forms.TypedMultipleChoiceField(
        label=_("Op welke dag of dagen?"),
        choices=Weekdag.choices,
        coerce=int,
        widget=Checkboxes,
        required=False,
        help_text=_(
            "Nodig bij ‘elke week’ en ‘om de week’. Bij ‘één keer per maand’ kiest u één dag. "
            "Bij ‘één keer’ is dit niet nodig."
        ),
    )
    week_van_de_maand = forms.TypedChoiceField(
        label=_("Welke week van de maand?"),
        choices=[("", _("Kies een week")), *WeekVanDeMaand.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Nodig bij ‘één keer per maand’. Bijvoorbeeld: de laatste vrijdag."),
    )
    start_date = forms.DateField(
        label=_("Datum, of de eerste datum"),
        widget=DateInput,
        help_text=_("Bij ‘één keer’ is dit de datum van de activiteit."),
        error_messages=DATE_ERRORS,
    )
    end_date = forms.DateField(
        label=_("Laatste datum"),
        widget=DateInput,
        required=False,
        help_text=_("Leeg laten als de activiteit gewoon doorgaat."),
        error_messages=DATE_ERRORS,
    )
    start_time = forms.TimeField(
        label=_("Begintijd"),
        widget=TimeInput,
        error_messages={
            "required": _("Vul de begintijd in."),
            "invalid": _("Vul een tijd in zoals 14:00."),
        },
    )
    end_time = forms.TimeField(
        label=_("Eindtijd"),
        widget=TimeInput,
        required=False,
        error_messages={"invalid": _("Vul een tijd in zoals 16:00.")},
    )
    locatie = forms.ModelChoiceField(
        label=_("Locatie"),
        queryset=Locatie.objects.order_by("name"),
        required=False,
        empty_label=_("Geen vaste plek (online, telefonisch of bij mensen thuis)"),
        help_text=_("Staat de plek er niet bij? Voeg eerst een nieuwe locatie toe."),
    )
    note = forms.CharField(
        label=_("Toelichting"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: in de grote zaal, of: inloop vanaf 13:30."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mark_optional()

    def clean(self):
        data = super().clean()
        herhaling, days = data.get("herhaling"), data.get("dagen") or []
        if herhaling in (Herhaling.WEKELIJKS, Herhaling.TWEEWEKELIJKS) and not days:
            self.add_error("dagen", _("Kies minstens één dag."))
        if herhaling == Herhaling.MAANDELIJKS:
            if len(days) != 1:
                self.add_error("dagen", _("Kies precies één dag, bijvoorbeeld dinsdag."))
            if data.get("week_van_de_maand") is None:
                self.add_error("week_van_de_maand", _("Kies de week van de maand."))
        else:
            data["week_van_de_maand"] = None
        if herhaling == Herhaling.EENMALIG:
            # One date: days and an end date would only contradict it.
            data["dagen"], data["end_date"] = [], None
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("De laatste datum ligt vóór de eerste datum."))
        start_time, end_time = data.get("start_time"), data.get("end_time")
        if start_time and end_time and end_time <= start_time:
            self.add_error("end_time", _("De eindtijd moet na de begintijd liggen."))
        return data

    def item(self, key: str | None, uitzonderingen: list | None = None) -> dict:
        """The schedule as plain data, keeping its exceptions."""
        data = self.cleaned_data
        return {
            "key": key,
            "locatie": data["locatie"].pk if data["locatie"] else None,
            "herhaling": data["herhaling"],
            "dagen": sorted(data["dagen"]),
            "week_van_de_maand": data["week_van_de_maand"],
            "start_date": data["start_date"].isoformat(),
            "end_date": data["end_date"].isoformat() if data["end_date"] else None,
            "start_time": data["start_time"].isoformat(timespec="minutes"),
            "end_time": data["end_time"].isoformat(timespec="minutes")
            if data["end_time"]
            else None,
            "note": data["note"],
            "uitzonderingen": uitzonderingen or [],
        }


def initial_from_item(item: dict) -> dict:
    """Form values of a saved or proposed schedule."""
    return {
        "herhaling": item["herhaling"],
        "dagen": item.get("dagen") or [],
        "week_van_de_maand": item.get("week_van_de_maand"),
        "locatie": item.get("locatie"),
        "note": item.get("note") or "",
        **parse_item_times(item),
    }


class UitzonderingForm(DutchFormMixin, forms.Form):
    """A date (or a period) on which a schedule does not take place."""

    start_date = forms.DateField(
        label=_("Eerste dag zonder activiteit"), widget=DateInput, error_messages=DATE_ERRORS
    )
    end_date = forms.DateField(
        label=_("Laatste dag zonder activiteit"),
        widget=DateInput,
        required=False,
        help_text=_("Leeg laten als het om één dag gaat."),
        error_messages=DATE_ERRORS,
    )
    reason = forms.CharField(
        label=_("Reden"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: zomerstop, of Koningsdag. Inwoners zien dit."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mark_optional()

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and not end:
            data["end_date"] = start
        elif start and end and end < start:
            self.add_error("end_date", _("De laatste dag ligt vóór de eerste dag."))
        return data

    def item(self) -> dict:
        data = self.cleaned_data
        return {
            "start_date": data["start_date"].isoformat(),
            "end_date": data["end_date"].isoformat(),
            "reason": data["reason"],
        }
