"""Forms of the requests of data subjects and of the access log (validation only)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from coalitie.validators import validate_phone_number

from . import normalise
from .constants_privacy import CONFIRM_WORD, ExportFormaat
from .forms import Radios
from .privacy import Zoekvraag
from .selectors_case import REFERENCE_RE

NAME_MIN_LENGTH = 2
STREET_MIN_LENGTH = 3


class ZoekForm(forms.Form):
    """Who to look for. Every field may stay empty, but one identifier is needed."""

    naam = forms.CharField(
        label=_("Naam"),
        required=False,
        max_length=200,
        help_text=_("Een deel van de naam is genoeg, bijvoorbeeld alleen de achternaam."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")},
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    telefoon = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=30,
        validators=[validate_phone_number],
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
    )
    straat = forms.CharField(
        label=_("Straat"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "off", "size": 8}),
    )
    huisnummer = forms.CharField(
        label=_("Huisnummer"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "off", "size": 6}),
    )

    def clean_naam(self):
        naam = normalise.text_normalise(self.cleaned_data["naam"])
        if naam and len(naam) < NAME_MIN_LENGTH:
            raise forms.ValidationError(_("Vul minstens twee letters van de naam in."))
        return naam

    def clean_email(self):
        return normalise.email_normalise(self.cleaned_data["email"])

    def clean_straat(self):
        straat = normalise.text_normalise(self.cleaned_data["straat"])
        if straat and len(straat) < STREET_MIN_LENGTH:
            raise forms.ValidationError(_("Vul minstens drie letters van de straat in."))
        return straat

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        postcode = normalise.postcode_normalise(value)
        if value.strip() and not postcode:
            raise forms.ValidationError(_("Vul een postcode in zoals 1211 AB."))
        return postcode

    def clean_huisnummer(self):
        return normalise.huisnummer_normalise(self.cleaned_data["huisnummer"])

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data.get("huisnummer") and not (data.get("postcode") or data.get("straat")):
            self.add_error("postcode", _("Vul bij het huisnummer ook de postcode of straat in."))
        elif data.get("postcode") and not data.get("huisnummer"):
            self.add_error("huisnummer", _("Vul bij de postcode ook het huisnummer in."))
        elif not self.zoekvraag().soorten():
            raise forms.ValidationError(
                _("Vul minstens één gegeven in: naam, e-mailadres, telefoonnummer of adres.")
            )
        return data

    def zoekvraag(self) -> Zoekvraag:
        data = self.cleaned_data
        typed = data.get("telefoon", "").strip()
        return Zoekvraag(
            naam=data.get("naam", ""),
            email=data.get("email", ""),
            telefoon=normalise.phone_normalise(typed),
            telefoon_getypt=typed,
            postcode=data.get("postcode", ""),
            huisnummer=data.get("huisnummer", ""),
            straat=data.get("straat", ""),
        )


class ExportForm(forms.Form):
    formaat = forms.ChoiceField(
        label=_("Bestand"),
        choices=ExportFormaat.choices,
        initial=ExportFormaat.TEKST,
        widget=Radios,
        error_messages={
            "required": _("Kies de vorm van het bestand."),
            "invalid_choice": _("Kies de vorm van het bestand."),
        },
    )


class WisForm(forms.Form):
    """The typed confirmation of an erasure: there is no way back."""

    bevestiging = forms.CharField(
        label=_("Typ %(word)s om te bevestigen") % {"word": CONFIRM_WORD},
        max_length=20,
        error_messages={"required": _("Typ %(word)s om te bevestigen.") % {"word": CONFIRM_WORD}},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_bevestiging(self):
        value = self.cleaned_data["bevestiging"]
        if value.strip().upper() != CONFIRM_WORD:
            raise forms.ValidationError(
                _("Typ precies %(word)s om te bevestigen. Er is niets gewist.")
                % {"word": CONFIRM_WORD}
            )
        return value


def _staff_label(user) -> str:
    """Full names repeat; the account name does not."""
    full = user.get_full_name()
    return f"{full} ({user.get_username()})" if full else user.get_username()


class ToegangFilterForm(forms.Form):
    """Filters of the access log; a value the form does not know is dropped, never an error."""

    medewerker = forms.ModelChoiceField(
        label=_("Medewerker"),
        required=False,
        queryset=None,
        empty_label=_("Alle medewerkers"),
    )
    melding = forms.CharField(
        label=_("Kenmerk van de melding"),
        required=False,
        max_length=20,
        help_text=_("Bijvoorbeeld HV-7K3M-Q9TX."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "size": 14}),
    )

    def __init__(self, *args, viewers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = viewers
        self.fields["medewerker"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )

    def clean_melding(self):
        value = re.sub(r"\s+", "", self.cleaned_data["melding"]).upper()
        if value and not REFERENCE_RE.fullmatch(value):
            raise forms.ValidationError(
                _("Dit is geen kenmerk. Een kenmerk lijkt op HV-7K3M-Q9TX.")
            )
        return value

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"viewer": data.get("medewerker"), "reference": data.get("melding", "")}
