"""Forms of the werkruimte: an activity, a location, a moderation decision (validation only)."""

from django import forms
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from coalitie.models import Organisatie
from hilversum_eenzaamheid.widgets import Checkboxes, Radios
from wijken.models import Wijk
from wijken.selectors import normalise_postcode

from .constants import Aanmelding, Vocabulaire
from .filters import term_label
from .models import Activiteit, Locatie, Term
from .selectors import EDITABLE_FIELDS, proposed_values

# One group of checkboxes per vocabulary, in the order providers think about their activity.
TERM_FIELDS = [
    ("doelgroep", Vocabulaire.DOELGROEP, _("Voor wie is de activiteit?")),
    ("soort", Vocabulaire.SOORT, _("Bij welke soort eenzaamheid helpt de activiteit?")),
    ("type", Vocabulaire.TYPE, _("Wat voor activiteit is het?")),
    ("taal", Vocabulaire.TAAL, _("Welke talen spreken de begeleiders?")),
    ("vorm", Vocabulaire.VORM, _("Hoe vindt de activiteit plaats?")),
]


class DutchFormMixin:
    """Marks optional fields in their label (labels carry the message, not asterisks alone)."""

    # Optional at first sight, but needed in some cases; their help text says when.
    conditional: tuple[str, ...] = ()

    def mark_optional(self) -> None:
        for name, field in self.fields.items():
            if field.required or name in self.conditional:
                continue
            if not isinstance(field.widget, forms.CheckboxInput):
                field.label = format_lazy("{} ({})", field.label, _("niet verplicht"))


def _formfield(field, **kwargs):
    # People type "www.example.nl"; https is the scheme to assume today.
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ActiviteitForm(DutchFormMixin, forms.ModelForm):
    """An activity as a provider describes it; the kartrekker also picks the organisation."""

    conditional = ("cost_amount", "aanmelding_uitleg")

    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisatie.objects.all(),
        error_messages={"required": _("Kies de organisatie van de activiteit.")},
    )

    class Meta:
        model = Activiteit
        fields = [*EDITABLE_FIELDS, "wijken"]
        formfield_callback = _formfield
        widgets = {
            "short_description": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 6}),
            # Typed in English: lang lets spelling checkers and screen readers know.
            "name_en": forms.TextInput(attrs={"lang": "en"}),
            "short_description_en": forms.Textarea(attrs={"rows": 2, "lang": "en"}),
            "description_en": forms.Textarea(attrs={"rows": 6, "lang": "en"}),
            "status": Radios,
            "aanmelding": Radios,
            "wijken": Checkboxes,
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "description": _(
                "Vertel wat mensen gaan doen, wie er komen en wat ze kunnen verwachten."
            ),
            "description_en": _("Leeg laten: de Engelse pagina toont dan de Nederlandse tekst."),
            "contact_phone": _("Bijvoorbeeld 035 123 45 67."),
            "cost_amount": _(
                "Alleen invullen als de activiteit niet gratis is. Bijvoorbeeld 2,50."
            ),
            "wijken": _("Kies de wijken van de mensen voor wie de activiteit is."),
        }
        error_messages = {
            "name": {"required": _("Vul de naam van de activiteit in.")},
            "short_description": {
                "required": _("Vul een korte beschrijving in."),
                "max_length": _("Gebruik hooguit 200 tekens (nu %(show_value)d)."),
            },
            "short_description_en": {
                "max_length": _("Gebruik hooguit 200 tekens (nu %(show_value)d)."),
            },
            "contact_email": {"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")},
            "website": {"invalid": _("Vul een webadres in zoals https://www.voorbeeld.nl.")},
            "wat_werkt_url": {"invalid": _("Vul een webadres in zoals https://www.movisie.nl/…")},
        }

    def __init__(self, *args, user_is_kartrekker: bool = False, voorstel=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not user_is_kartrekker:
            del self.fields["organisatie"]
        elif self.instance.pk:
            self.fields["organisatie"].initial = self.instance.organisatie_id
        self.fields["wijken"].queryset = Wijk.objects.order_by("name")
        self.fields["cost_amount"].localize = True
        self.fields["cost_amount"].widget = forms.TextInput(attrs={"inputmode": "decimal"})
        for name, vocabulaire, label in TERM_FIELDS:
            self.fields[name] = forms.ModelMultipleChoiceField(
                label=label,
                queryset=Term.objects.filter(vocabulaire=vocabulaire),
                widget=Checkboxes,
                required=False,
            )
            # The database holds the Dutch label; show the one of the page's language.
            self.fields[name].label_from_instance = term_label
        self._set_initial(voorstel)
        self.mark_optional()

    def _set_initial(self, voorstel) -> None:
        # A pending proposal is what the provider last said: edit that, not the public version.
        values = proposed_values(voorstel.data) if voorstel is not None else {}
        for name, value in values.items():
            if name == "wijken":
                self.initial[name] = [wijk.pk for wijk in value]
            elif name != "terms":
                self.initial[name] = value
        terms = values.get("terms")
        if terms is None:
            terms = list(self.instance.terms.all()) if self.instance.pk else []
        for name, vocabulaire, _label in TERM_FIELDS:
            self.initial.setdefault(name, [t.pk for t in terms if t.vocabulaire == vocabulaire])

    def clean(self):
        data = super().clean()
        min_age, max_age = data.get("min_age"), data.get("max_age")
        if min_age is not None and max_age is not None and min_age > max_age:
            self.add_error("max_age", _("De maximale leeftijd is lager dan de minimale leeftijd."))
        if data.get("is_free"):
            data["cost_amount"] = None
        elif "cost_amount" in data and data["cost_amount"] is None:
            self.add_error("cost_amount", _("Vul het bedrag in, of vink ‘gratis’ aan."))
        if "wijken" in data and not data["wijken"] and not data.get("heel_hilversum"):
            self.add_error(
                "wijken", _("Kies minstens één wijk, of vink ‘voor heel Hilversum’ aan.")
            )
        needs_signup = data.get("aanmelding") in (Aanmelding.NODIG, Aanmelding.GEWENST)
        if needs_signup and not data.get("aanmelding_uitleg"):
            self.add_error("aanmelding_uitleg", _("Schrijf op hoe mensen zich aanmelden."))
        data["terms"] = [t for name, _v, _l in TERM_FIELDS for t in data.get(name) or []]
        return data

    def values(self) -> dict:
        """The cleaned values the services take: model fields, organisation, terms, wijken."""
        names = [*EDITABLE_FIELDS, "wijken", "terms"]
        if "organisatie" in self.fields:
            names.append("organisatie")
        return {name: self.cleaned_data[name] for name in names}


class LocatieForm(DutchFormMixin, forms.ModelForm):
    class Meta:
        model = Locatie
        fields = [
            "name",
            "street_address",
            "postcode",
            "city",
            "wijk",
            "rolstoel",
            "invalidentoilet",
            "ringleiding",
            "prikkelarm",
            "latitude",
            "longitude",
        ]
        labels = {"street_address": _("Straat en huisnummer")}
        help_texts = {
            "street_address": _("Bijvoorbeeld Kerkstraat 12."),
            "postcode": _(
                "Bijvoorbeeld 1211 AB. Bij een postcode in Hilversum zoeken wij de wijk op."
            ),
            "wijk": _("Alleen nodig als wij de wijk niet bij de postcode vinden."),
            "latitude": _("Bijvoorbeeld 52.2292. Voor een precieze plek op de kaart."),
        }
        error_messages = {"name": {"required": _("Vul de naam van de locatie in.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].queryset = Wijk.objects.order_by("name")
        for name in ("latitude", "longitude"):
            self.fields[name].localize = True
            self.fields[name].widget = forms.TextInput(attrs={"inputmode": "decimal"})
        self.mark_optional()

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"]
        if not value:
            return ""
        pc6 = normalise_postcode(value)
        if pc6 is None:
            raise forms.ValidationError(_("Vul een postcode in zoals 1211 AB."))
        return f"{pc6[:4]} {pc6[4:]}"


class AfwijzenForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom wijst u het voorstel af?"),
        help_text=_("De aanbieder ziet deze uitleg. Schrijf wat er anders moet."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Schrijf op waarom u het voorstel afwijst.")},
    )


class LijstFilterForm(forms.Form):
    """The filters of the werkruimte list (GET); unknown values are ignored, never an error."""

    FILTERS = [
        ("", _("Alle activiteiten")),
        ("wacht", _("Wacht op beoordeling")),
        ("controleren", _("Opnieuw controleren")),
        ("correcties", _("Met correcties")),
    ]
    filter = forms.ChoiceField(label=_("Toon"), choices=FILTERS, required=False)
    q = forms.CharField(label=_("Naam bevat (niet verplicht)"), required=False, max_length=100)

    def clean_q(self) -> str:
        return self.cleaned_data["q"].strip()
