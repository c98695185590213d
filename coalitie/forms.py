"""Forms of the coalition's werkruimte (validation only; the services write)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hilversum_eenzaamheid.forms import (
    DutchFormMixin,
    date_input,
    time_input,
)
from hilversum_eenzaamheid.widgets import Checkboxes, Radios
from wijken.models import Wijk

from .models import Ambassadeur, Bijeenkomst, Contactpersoon, Lidmaatschap, Organisatie, Training
from .validators import validate_phone_number


class PartnerForm(DutchFormMixin, forms.ModelForm):
    """An organisation in the coalition: its own details and its membership, on one page."""

    name = forms.CharField(
        label=_("Naam van de organisatie"),
        max_length=200,
        error_messages={"required": _("Vul de naam van de organisatie in.")},
    )
    description = forms.CharField(
        label=_("Wat doet de organisatie?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Een of twee korte zinnen. Dit staat op de openbare pagina van de coalitie."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(
        label=_("Algemeen e-mailadres"),
        required=False,
        help_text=_("Het adres van de organisatie, niet van één persoon."),
    )
    phone = forms.CharField(
        label=_("Algemeen telefoonnummer"),
        required=False,
        max_length=30,
        validators=[validate_phone_number],
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    wijken = forms.ModelMultipleChoiceField(
        label=_("Actief in wijken"),
        queryset=Wijk.objects.order_by("code"),
        required=False,
        widget=Checkboxes,
        help_text=_("Niets aanvinken als de organisatie in heel Hilversum actief is."),
    )

    class Meta:
        model = Lidmaatschap
        fields = ["role", "sector", "signalling", "commitment", "since", "until"]
        widgets = {
            "role": Radios,
            "commitment": forms.Textarea(attrs={"rows": 4}),
            "since": date_input(),
            "until": date_input(),
        }
        error_messages = {
            "role": {"required": _("Kies de rol van de organisatie in de coalitie.")},
            "sector": {"required": _("Kies de sector van de organisatie.")},
            "since": {"required": _("Vul in sinds wanneer de organisatie partner is.")},
        }

    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        if instance is not None and instance.pk:
            organisatie = instance.organisatie
            kwargs["initial"] = {
                "name": organisatie.name,
                "description": organisatie.description,
                "website": organisatie.website,
                "email": organisatie.email,
                "phone": organisatie.phone,
                "wijken": list(organisatie.wijken.all()),
                **kwargs.get("initial", {}),
            }
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("De einddatum ligt vóór de datum waarop het begon."))
        return data


class PartnerCreateForm(PartnerForm):
    """A new partner: an organisation already in the portal, or a new one."""

    organisatie = forms.ModelChoiceField(
        label=_("Staat de organisatie al in het portaal?"),
        queryset=Organisatie.objects.none(),
        required=False,
        empty_label=_("Nee, het is een nieuwe organisatie"),
        help_text=_(
            "Bijvoorbeeld omdat zij activiteiten op de sociale kaart heeft. Kiest u er een? "
            "Laat dan de naam leeg. Wat u verder invult, komt bij die organisatie te staan."
        ),
    )

    def __init__(self, *args, organisaties=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisaties is not None:
            self.fields["organisatie"].queryset = organisaties
        self.fields["name"].required = False
        self.fields["name"].label = _("Naam van de nieuwe organisatie")
        self.order_fields(["organisatie"])

    def clean(self):
        data = super().clean()
        if data.get("organisatie") and data.get("name"):
            self.add_error(
                "name",
                _("Kies een organisatie uit de lijst, of vul een nieuwe naam in. Niet allebei."),
            )
        elif not data.get("organisatie") and not data.get("name") and "name" not in self.errors:
            self.add_error(
                "name",
                _("Vul de naam in, of kies hierboven een organisatie die al in het portaal staat."),
            )
        return data


class ContactpersoonForm(DutchFormMixin, forms.ModelForm):
    class Meta:
        model = Contactpersoon
        fields = ["name", "function", "email", "phone"]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        }
        help_texts = {"phone": _("Bijvoorbeeld 035 123 45 67.")}
        error_messages = {"name": {"required": _("Vul de naam van de contactpersoon in.")}}


class AmbassadeurForm(DutchFormMixin, forms.ModelForm):
    class Meta:
        model = Ambassadeur
        fields = ["name", "organisatie", "since", "trained"]
        widgets = {"since": date_input()}
        help_texts = {
            "organisatie": _("Leeg laten als de ambassadeur een inwoner of losse vrijwilliger is."),
            "trained": _("Aanvinken als de ambassadeur een training in signaleren heeft gevolgd."),
        }
        error_messages = {
            "name": {"required": _("Vul de naam van de ambassadeur in.")},
            "since": {"required": _("Vul in sinds wanneer de persoon ambassadeur is.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = Organisatie.objects.order_by("name")
        self.fields["organisatie"].empty_label = _("Geen organisatie")


class BijeenkomstForm(DutchFormMixin, forms.ModelForm):
    class Meta:
        model = Bijeenkomst
        fields = [
            "kind",
            "title",
            "date",
            "start_time",
            "end_time",
            "place",
            "public",
            "agenda",
            "minutes",
        ]
        widgets = {
            "kind": Radios,
            "date": date_input(),
            "start_time": time_input(),
            "end_time": time_input(),
            "agenda": forms.Textarea(attrs={"rows": 5}),
            "minutes": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {"minutes": _("Na afloop: wat is er besproken en afgesproken?")}
        error_messages = {
            "kind": {"required": _("Kies wat voor bijeenkomst het is.")},
            "title": {"required": _("Vul een titel in.")},
            "date": {"required": _("Vul de datum in.")},
            "start_time": {"required": _("Vul de begintijd in.")},
            "place": {"required": _("Vul de plaats in, bijvoorbeeld het adres of het gebouw.")},
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("De eindtijd moet na de begintijd liggen."))
        return data


class TrainingForm(DutchFormMixin, forms.ModelForm):
    class Meta:
        model = Training
        fields = ["title", "date", "trainer", "audience", "place", "description"]
        widgets = {
            "date": date_input(),
            "audience": Radios,
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "title": {"required": _("Vul een titel in.")},
            "date": {"required": _("Vul de datum in.")},
            "trainer": {"required": _("Vul in wie de training geeft.")},
            "audience": {"required": _("Kies voor wie de training is.")},
        }
