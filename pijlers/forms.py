"""Forms of the pijlers werkruimte (validation only; the services write)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coalitie.models import Organisatie
from hilversum_eenzaamheid.forms import (
    DutchFormMixin,
    date_input,
    time_input,
)
from hilversum_eenzaamheid.widgets import Checkboxes, Radios
from wijken.models import Wijk

from . import kwartalen
from .constants import PAGE_MAX_LENGTH, TEXT_MAX_LENGTH, Status
from .models import Actie, AgendaItem, Telling, Verhaal
from .tekst import render_markdown


def _quarter_choices(current: str = "") -> list[tuple[str, str]]:
    quarters = kwartalen.planning_quarters()
    if current and current not in quarters:
        quarters = sorted([*quarters, current])
    return [(q, kwartalen.quarter_label(q)) for q in quarters]


class ActieForm(DutchFormMixin, forms.ModelForm):
    """An action: what, for whom, when, by whom, and its status."""

    start_quarter = forms.ChoiceField(
        label=_("Startkwartaal"), error_messages={"required": _("Kies het startkwartaal.")}
    )
    end_quarter = forms.ChoiceField(
        label=_("Eindkwartaal"),
        required=False,
        help_text=_("Kies 'Doorlopend' als de actie geen einde heeft."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"),
        queryset=Organisatie.objects.order_by("name"),
        required=False,
        widget=Checkboxes,
    )

    class Meta:
        model = Actie
        fields = [
            "title",
            "description",
            "audience",
            "planning_text",
            "start_quarter",
            "end_quarter",
            "status",
            "trekker",
            "trekker_name",
            "partners",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "audience": forms.Textarea(attrs={"rows": 2}),
            "planning_text": forms.Textarea(attrs={"rows": 2}),
            "status": Radios,
        }
        error_messages = {
            "title": {"required": _("Vul de naam van de actie in.")},
            "status": {"required": _("Kies de status van de actie.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.fields["start_quarter"].choices = [
            ("", _("Kies een kwartaal")),
            *_quarter_choices(instance.start_quarter),
        ]
        self.fields["end_quarter"].choices = [
            ("", _("Doorlopend (geen eindkwartaal)")),
            *_quarter_choices(instance.end_quarter),
        ]
        self.fields["trekker"].queryset = Organisatie.objects.order_by("name")
        self.fields["trekker"].empty_label = _("Geen organisatie gekozen")
        self.fields["status"].choices = list(Status.choices)
        self.fields["status"].help_text = _(
            "Een actie waarvan het eindkwartaal voorbij is en die niet gereed of gestopt is, "
            "staat vanzelf op 'Vertraagd'."
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("start_quarter"), data.get("end_quarter")
        if start and end and end < start:
            self.add_error("end_quarter", _("Het eindkwartaal ligt vóór het startkwartaal."))
        return data


class VoortgangForm(DutchFormMixin, forms.Form):
    day = forms.DateField(
        label=_("Datum"),
        widget=date_input(),
        error_messages={"required": _("Vul de datum in.")},
    )
    text = forms.CharField(
        label=_("Wat is er gebeurd?"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Schrijf geen namen of gegevens van inwoners op."),
        error_messages={"required": _("Schrijf op wat er is gebeurd.")},
    )

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("De datum ligt in de toekomst."))
        return day

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Schrijf op wat er is gebeurd."))
        return text


class TellingForm(DutchFormMixin, forms.ModelForm):
    class Meta:
        model = Telling
        fields = ["metric", "target", "achieved", "unit", "period"]
        labels = {
            "metric": _("Wat tellen we?"),
            "target": _("Doel (aantal)"),
            "achieved": _("Bereikt (aantal)"),
            "unit": _("Eenheid"),
            "period": _("Periode"),
        }
        help_texts = {
            "metric": _("Bijvoorbeeld: deelnemers aan de training, bezoekers van de website."),
            "unit": _("Bijvoorbeeld: deelnemers, bezoekers, meldingen, ambassadeurs."),
            "period": _("Bijvoorbeeld: 2026, of: najaar 2026."),
        }
        error_messages = {
            "metric": {"required": _("Vul in wat u telt.")},
            "target": {"required": _("Vul het doel in, als een heel getal.")},
            "achieved": {"required": _("Vul in hoeveel er bereikt is. Nog niets? Vul 0 in.")},
            "unit": {"required": _("Vul de eenheid in, bijvoorbeeld: deelnemers.")},
            "period": {"required": _("Vul de periode in, bijvoorbeeld: 2026.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("target", "achieved"):
            self.fields[name].min_value = 0
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 0})
            self.fields[name].error_messages["min_value"] = _("Het aantal kan niet onder 0.")


class VerhaalForm(DutchFormMixin, forms.ModelForm):
    class Meta:
        model = Verhaal
        fields = ["title", "text", "actie", "wijk", "consent"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}
        labels = {
            "consent": _("De verteller geeft toestemming om dit verhaal op de website te zetten"),
        }
        help_texts = {
            "text": _(
                "Schrijf geen namen of andere gegevens waaraan iemand te herkennen is, tenzij "
                "diegene dat goed vindt."
            ),
            "consent": _("Zonder toestemming blijft het verhaal in de werkruimte."),
        }
        error_messages = {
            "title": {"required": _("Vul een titel in.")},
            "text": {"required": _("Schrijf het verhaal op.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actie"].queryset = Actie.objects.select_related("pijler").order_by(
            "pijler__number", "position"
        )
        self.fields["actie"].empty_label = _("Geen actie")
        self.fields["wijk"].queryset = Wijk.objects.order_by("name")
        self.fields["wijk"].empty_label = _("Geen wijk")


class PaginaForm(DutchFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        error_messages={"required": _("Vul de titel van de pagina in.")},
    )
    body = forms.CharField(
        label=_("Tekst"),
        max_length=PAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_(
            "Een lege regel begint een nieuwe alinea. ## aan het begin van een regel maakt een "
            "kopje. - aan het begin maakt een opsomming. **woord** wordt vet. Een link: "
            "[tekst](/meldpunt/). HTML-code werkt niet en wordt weggehaald."
        ),
        error_messages={"required": _("De pagina mag niet leeg zijn.")},
    )

    # The English version (issue #8): optional; English pages show the Dutch text without it.
    title_en = forms.CharField(
        label=_("Titel in het Engels"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"lang": "en"}),
    )
    body_en = forms.CharField(
        label=_("Tekst in het Engels"),
        max_length=PAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "lang": "en"}),
        help_text=_("Leeg laten: de Engelse pagina toont dan de Nederlandse tekst."),
    )

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not render_markdown(body).strip():
            raise forms.ValidationError(_("Er blijft geen tekst over. Schrijf gewone tekst."))
        return body

    def clean_body_en(self):
        body = self.cleaned_data["body_en"]
        if body.strip() and not render_markdown(body).strip():
            raise forms.ValidationError(_("Er blijft geen tekst over. Schrijf gewone tekst."))
        return body


class AgendaItemForm(DutchFormMixin, forms.ModelForm):
    url = forms.URLField(
        label=_("Meer informatie (webadres)"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Vul een webadres in zoals https://www.hilversum.nl.")},
    )

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "kind",
            "start_date",
            "end_date",
            "start_time",
            "end_time",
            "place",
            "description",
            "url",
            "public",
        ]
        widgets = {
            "kind": Radios,
            "start_date": date_input(),
            "end_date": date_input(),
            "start_time": time_input(),
            "end_time": time_input(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "start_time": _("Leeg laten voor iets dat de hele dag of meer dagen duurt."),
        }
        error_messages = {
            "title": {"required": _("Vul een titel in.")},
            "kind": {"required": _("Kies wat voor agendapunt het is.")},
            "start_date": {"required": _("Vul de begindatum in.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(self.fields["kind"].choices)[1:]  # no empty choice
