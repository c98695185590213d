"""Form parts the staff pages of several apps share: Dutch error messages with an example,
optional fields marked in their label, and date and time inputs with the browser's picker."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

EMAIL_INVALID = _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")
DATE_INVALID = _("Vul een datum in zoals 26-09-2026.")
TIME_INVALID = _("Vul een tijd in zoals 19:30.")
NUMBER_INVALID = _("Vul een heel getal in, zoals 25.")
CHOICE_INVALID = _("Kies een van de mogelijkheden uit de lijst.")


def date_input():
    # type=date gives a date picker; the ISO value it sends is one Django always accepts.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class DutchFormMixin:
    """Optional fields say so in their label; dates, times, e-mail addresses, numbers and
    choices get errors in plain Dutch with an example."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            messages = field.error_messages
            if isinstance(field, forms.DateField):
                messages["invalid"] = DATE_INVALID
            elif isinstance(field, forms.TimeField):
                messages["invalid"] = TIME_INVALID
            elif isinstance(field, forms.EmailField):
                messages["invalid"] = EMAIL_INVALID
            elif isinstance(field, forms.IntegerField):
                messages["invalid"] = NUMBER_INVALID
            if isinstance(field, forms.ChoiceField):  # model choices too
                messages["invalid_choice"] = CHOICE_INVALID
                messages["invalid_pk_value"] = CHOICE_INVALID
            if not field.required and not isinstance(field.widget, forms.CheckboxInput):
                field.label = format_lazy("{} ({})", field.label, _("niet verplicht"))
