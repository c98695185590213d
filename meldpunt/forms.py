"""The melding form (validation only): public on /meldpunt/, and for staff taking a phone call."""

import copy
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from coalitie.validators import validate_phone_number
from hilversum_eenzaamheid import widgets
from wijken.selectors import normalise_postcode, parse_huisnummer, wijken_all

from .constants import TEXT_MAX_LENGTH, Bekend, Bron, JaNee, MelderRol, Over, Signaal
from .services import Contact

WIJK_ONBEKEND = "onbekend"
HONEYPOT_FIELD = "website"
STARTED_SALT = "meldpunt.form-started"
# Nobody reads and fills in this form in under MELDPUNT_MIN_FILL_SECONDS (3); programs do.
NAME_MAX_LENGTH = 200
PHONE_MAX_LENGTH = 30


class BootstrapInputs:
    """This form's own templates draw each option, so every input needs Bootstrap's class."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "form-check-input", **(attrs or {})}, choices)

    def __deepcopy__(self, memo):
        # Django copies the list of options too; it is never changed in place (see below).
        copied = copy.copy(self)
        copied.attrs = self.attrs.copy()
        memo[id(self)] = copied
        return copied


class SharedChoices:
    """Every form gets its own copy of each field, and Django deep-copies the choices with it,
    in case a form changes them in place. These forms never do: `wijk` gets a new list. Sharing
    the fixed lists saves a third of the cost of making the form, which the busiest public
    page pays twice per melding (show the form, send it)."""

    def __deepcopy__(self, memo):
        return forms.Field.__deepcopy__(self, memo)


class ChoiceField(SharedChoices, forms.ChoiceField):
    pass


class MultipleChoiceField(SharedChoices, forms.MultipleChoiceField):
    pass


class Radios(BootstrapInputs, widgets.Radios):
    pass


class Checkboxes(BootstrapInputs, widgets.Checkboxes):
    pass


def _phone_field(label):
    return forms.CharField(
        label=label,
        required=False,
        max_length=PHONE_MAX_LENGTH,
        validators=[validate_phone_number],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


def _email_field(label):
    return forms.EmailField(
        label=label,
        required=False,
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _name_field(label):
    return forms.CharField(
        label=label,
        required=False,
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


class MeldingForm(forms.Form):
    """The eight questions of a melding, in the order people think about them."""

    about = ChoiceField(
        label=_("Over wie gaat uw melding?"),
        choices=Over.choices,
        widget=Radios,
        error_messages={"required": _("Kies of de melding over uzelf of over iemand anders gaat.")},
    )
    reporter_role = ChoiceField(
        label=_("Wie bent u?"),
        required=False,
        choices=[c for c in MelderRol.choices if c[0] != MelderRol.ZELF],
        widget=Radios,
        help_text=_("Meldt u over uzelf? Dan hoeft u hier niets te kiezen."),
    )
    urgent = ChoiceField(
        label=_("Is er direct gevaar?"),
        choices=JaNee.choices,
        widget=Radios,
        help_text=_("Bijvoorbeeld als iemand niet meer wil leven, of in nood is."),
        error_messages={"required": _("Kies ja of nee.")},
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
    )
    huisnummer = forms.CharField(label=_("Huisnummer"), required=False, max_length=10)
    street = forms.CharField(
        label=_("Straat (niet verplicht)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    wijk = ChoiceField(
        label=_("Of kies de wijk"),
        required=False,
        help_text=_("Weet u de postcode niet? Kies dan de wijk. Of kies 'Weet ik niet'."),
    )
    signals = MultipleChoiceField(
        label=_("Wat merkt u?"),
        required=False,
        choices=Signaal.choices,
        widget=Checkboxes,
        help_text=_("Kies wat past. U mag meer dan één ding kiezen."),
    )
    text = forms.CharField(
        label=_("Vertel in uw eigen woorden wat er aan de hand is"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Wat ziet of hoort u? Sinds wanneer? Wat zou kunnen helpen?"),
    )
    person_knows = ChoiceField(
        label=_("Weet de persoon dat u dit meldt?"),
        required=False,
        choices=Bekend.choices,
        widget=Radios,
        help_text=_("Meldt u over uzelf? Dan hoeft u hier niets te kiezen."),
    )
    person_name = _name_field(_("Naam"))
    person_phone = _phone_field(_("Telefoonnummer"))
    person_email = _email_field(_("E-mailadres"))
    reporter_name = _name_field(_("Uw naam (niet verplicht)"))
    reporter_phone = _phone_field(_("Uw telefoonnummer (niet verplicht)"))
    reporter_email = _email_field(_("Uw e-mailadres (niet verplicht)"))
    consent = forms.BooleanField(
        label=_("Ik ga akkoord met de privacyverklaring"),
        error_messages={
            "required": _(
                "Zet een vinkje als u akkoord gaat. Zonder uw toestemming kunnen we de melding "
                "niet behandelen."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wijken = {w.slug: w for w in wijken_all()}
        self.fields["wijk"].choices = [
            ("", _("Kies een wijk")),
            *[(slug, wijk.name) for slug, wijk in self.wijken.items()],
            (WIJK_ONBEKEND, _("Weet ik niet")),
        ]
        self.fields["reporter_email"].help_text = _(
            "Vult u uw e-mailadres in? Dan krijgt u een bevestiging met het kenmerk."
        )

    @property
    def is_blank(self) -> bool:
        """Nothing posted or carried over (an old tab, the rate limit): the same for everyone."""
        return not self.is_bound and not self.initial

    @property
    def choices_key(self) -> str:
        """Changes when the wijk list does: part of the cache key of the rendered blank form."""
        return "|".join(f"{w.pk}:{w.slug}:{w.name}" for w in self.wijken.values())

    def clean_postcode(self):
        value = self.cleaned_data["postcode"].strip()
        if value and normalise_postcode(value) is None:
            raise forms.ValidationError(_("Vul een postcode in zoals 1211 AB."), code="postcode")
        return value

    def clean_huisnummer(self):
        value = self.cleaned_data["huisnummer"].strip()
        if value and parse_huisnummer(value) is None:
            raise forms.ValidationError(
                _("Vul een huisnummer in zoals 12 of 12a."), code="huisnummer"
            )
        return value

    def clean(self):
        data = super().clean()
        about_self = data.get("about") == Over.ZELF
        if data.get("about") == Over.ANDER:
            self._require("reporter_role", _("Kies wie u bent."))
            self._require("person_knows", _("Kies of de persoon weet dat u dit meldt."))
        self._clean_place(data)
        if not data.get("signals") and not data.get("text") and not self._has_error("text"):
            self.add_error("signals", _("Kies wat u merkt, of schrijf het op in het tekstvak."))
        if about_self:
            self._clean_own_contact(data)
        return data

    def _require(self, name, message):
        if not self.cleaned_data.get(name) and not self._has_error(name):
            self.add_error(name, message)

    def _has_error(self, name) -> bool:
        return name in self.errors

    def _clean_place(self, data):
        if any(self._has_error(name) for name in ("postcode", "huisnummer", "wijk")):
            return
        if not data.get("postcode") and not data.get("wijk") and not data.get("street"):
            self.add_error(
                "postcode",
                _(
                    "Vul de postcode en het huisnummer in, of kies een wijk. Weet u het niet? "
                    "Kies dan 'Weet ik niet'."
                ),
            )

    def _clean_own_contact(self, data):
        if not data.get("person_name", "").strip():
            self._require("person_name", _("Vul uw naam in, dan weten we wie we bellen of mailen."))
        if self._has_error("person_phone") or self._has_error("person_email"):
            return
        if not data.get("person_phone") and not data.get("person_email"):
            self.add_error(
                "person_phone",
                _(
                    "Vul uw telefoonnummer of e-mailadres in, zodat we contact met u kunnen "
                    "opnemen."
                ),
            )

    def service_kwargs(self) -> dict:
        """What melding_create needs, from the cleaned data."""
        data = self.cleaned_data
        about_self = data["about"] == Over.ZELF
        return {
            "about_self": about_self,
            "urgent": data["urgent"] == JaNee.JA,
            "consent": data["consent"],
            "reporter_role": "" if about_self else data["reporter_role"],
            "person_knows": "" if about_self else data["person_knows"],
            "signals": data["signals"],
            "text": data["text"],
            "postcode": data["postcode"],
            "huisnummer": data["huisnummer"],
            "street": data["street"],
            "wijk": self.wijken.get(data["wijk"]),
            "person": Contact(data["person_name"], data["person_phone"], data["person_email"]),
            # About oneself there is one person: what was typed under "your details" is ignored.
            "reporter": Contact()
            if about_self
            else Contact(data["reporter_name"], data["reporter_phone"], data["reporter_email"]),
        }


def started_token(at: float | None = None) -> str:
    """A signed moment at which the form was shown, for the hidden "started" field."""
    moment = time.time() if at is None else at
    return signing.Signer(salt=STARTED_SALT).sign(f"{moment:.3f}")


def seconds_since(token: str, now: float | None = None) -> float | None:
    """Seconds since the form was shown; None for a missing or forged token."""
    try:
        value = signing.Signer(salt=STARTED_SALT).unsign(token or "")
        started = float(value)
    except (signing.BadSignature, ValueError):
        return None
    return (time.time() if now is None else now) - started


class PublicMeldingForm(MeldingForm):
    """The form on /meldpunt/, with its quiet defences against programs that post forms."""

    # People never see this field; programs that fill in every field do (see is_spam).
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def is_spam(self) -> bool:
        return bool(str(self.data.get(HONEYPOT_FIELD, "")).strip())

    def clean(self):
        data = super().clean()
        age = seconds_since(data.get("started", ""))
        if age is None or age < settings.MELDPUNT_MIN_FILL_SECONDS:
            self.fill_time_ok = False
            self.add_error(
                None,
                _(
                    "Dat ging heel snel. Kijk uw melding nog even na en klik dan opnieuw op "
                    "'Melding versturen'."
                ),
            )
        return data

    def started_value(self) -> str:
        """The token to render: the one posted if it was fine, else a fresh one."""
        if self.is_bound and getattr(self, "fill_time_ok", True):
            posted = self.data.get("started", "")
            if seconds_since(posted) is not None:
                return posted
        return started_token()


class StaffMeldingForm(MeldingForm):
    """A melding taken by phone or at the desk; the staff member fills in for the caller."""

    source = ChoiceField(
        label=_("Hoe kwam de melding binnen?"),
        choices=[(Bron.TELEFOON, Bron.TELEFOON.label), (Bron.BALIE, Bron.BALIE.label)],
        widget=Radios,
        error_messages={"required": _("Kies telefoon of balie.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _(
            "De melder is gewezen op de privacyverklaring en gaat akkoord"
        )
        self.order_fields(["source"])


def typed_initial(form_class, data) -> dict:
    """What was typed in a POST, as initial values for an unbound form (nothing validated)."""
    form = form_class()
    return {
        name: field.widget.value_from_datadict(data, {}, form.add_prefix(name))
        for name, field in form.fields.items()
        if name not in {HONEYPOT_FIELD, "started"}
    }
