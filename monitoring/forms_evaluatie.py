"""Forms of the half-yearly evaluation and of spending (validation only)."""

import re
from decimal import Decimal

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pijlers.models import Actie

from .constants import CRITERIA, SCORE_FIELDS, SCORE_MAX, SCORE_MIN, Begrotingspost
from .models import Evaluatie
from .periods import FIRST_PERIOD, HalfYear, period_range

_SCORE_ERROR = _("Geef een cijfer van 1 tot en met 10.")
_TEXTAREA = {"class": "form-control", "rows": 6}


class EvaluatieCreateForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Half jaar"),
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={
            "required": _("Kies een half jaar."),
            "invalid_choice": _("Kies een half jaar uit de lijst."),
        },
    )

    def __init__(self, *args, existing: set[str], now=None, **kwargs):
        super().__init__(*args, **kwargs)
        last = HalfYear.current(now).next()
        periods = period_range(HalfYear.parse(FIRST_PERIOD), last)
        self.fields["period"].choices = [
            (str(p), f"{p} ({p.label})") for p in reversed(periods) if str(p) not in existing
        ]


class EvaluatieTextForm(forms.ModelForm):
    """The kartrekker's texts: a summary and one text per criterion of chapter 8."""

    class Meta:
        model = Evaluatie
        fields = ["samenvatting", *(c.field for c in CRITERIA)]
        widgets = {
            "samenvatting": forms.Textarea(attrs=_TEXTAREA),
            **{c.field: forms.Textarea(attrs=_TEXTAREA) for c in CRITERIA},
        }
        labels = {
            "samenvatting": _("Samenvatting (niet verplicht)"),
            **{c.field: c.name for c in CRITERIA},
        }
        help_texts = {
            c.field: format_lazy(
                "{} {}", c.description, _("Nodig om de evaluatie vast te stellen.")
            )
            for c in CRITERIA
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterium in CRITERIA:
            # Optional while writing; vaststellen asks for every one.
            self.fields[criterium.field].required = False


def _score_field(label):
    return forms.IntegerField(
        label=label,
        min_value=SCORE_MIN,
        max_value=SCORE_MAX,
        widget=forms.NumberInput(
            attrs={"class": "form-control", "min": SCORE_MIN, "max": SCORE_MAX, "step": 1}
        ),
        error_messages={
            "required": _SCORE_ERROR,
            "invalid": _SCORE_ERROR,
            "min_value": _SCORE_ERROR,
            "max_value": _SCORE_ERROR,
        },
    )


class BeoordelingForm(forms.Form):
    """A kerngroep member's scores: results, process and cooperation, each 1 to 10."""

    resultaten = _score_field(SCORE_FIELDS[0][1])
    proces = _score_field(SCORE_FIELDS[1][1])
    samenwerking = _score_field(SCORE_FIELDS[2][1])
    comment = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 5}),
        help_text=_("Wat gaat goed, wat kan beter? Hooguit 2000 tekens."),
    )


class _ActieChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, actie):
        return f"{actie.pijler.number}. {actie.pijler.name} – {actie.title}"


def dutch_amount(text: str) -> str:
    """ "€ 1.250,50" → "1250.50". A point followed by exactly three digits (and no comma)
    separates thousands, as Dutch readers write it; any other point is a decimal point."""
    text = text.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in text:
        return text.replace(".", "").replace(",", ".")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
        return text.replace(".", "")
    return text


class AmountField(forms.DecimalField):
    def to_python(self, value):
        if isinstance(value, str):
            value = dutch_amount(value)
        return super().to_python(value)


class UitgaveForm(forms.Form):
    actie = _ActieChoiceField(
        label=_("Actie"),
        queryset=Actie.objects.select_related("pijler").order_by(
            "pijler__number", "position", "pk"
        ),
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={
            "required": _("Kies de actie waarvoor het geld is uitgegeven."),
            "invalid_choice": _("Kies een actie uit de lijst."),
        },
    )
    post = forms.ChoiceField(
        label=_("Begrotingspost"),
        choices=Begrotingspost.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={
            "required": _("Kies de begrotingspost."),
            "invalid_choice": _("Kies een begrotingspost uit de lijst."),
        },
    )
    date = forms.DateField(
        label=_("Datum"),
        help_text=_("Bijvoorbeeld 15-03-2025."),
        input_formats=["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"class": "form-control"}, format="%d-%m-%Y"),
        error_messages={
            "required": _("Vul de datum in."),
            "invalid": _("Vul een datum in zoals 15-03-2025."),
        },
    )
    amount = AmountField(
        label=_("Bedrag in euro"),
        help_text=_("Bijvoorbeeld 1250,50."),
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
        widget=forms.TextInput(attrs={"class": "form-control", "inputmode": "decimal"}),
        error_messages={
            "required": _("Vul het bedrag in."),
            "invalid": _("Vul een bedrag in zoals 1250,50."),
            "min_value": _("Het bedrag moet meer dan 0 euro zijn."),
            "max_digits": _("Dit bedrag is te groot."),
            "max_whole_digits": _("Dit bedrag is te groot."),
            "max_decimal_places": _("Gebruik hooguit twee cijfers achter de komma."),
        },
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control"}),
        error_messages={
            "required": _("Schrijf kort waarvoor het geld is uitgegeven."),
            "max_length": _("Gebruik hooguit 200 tekens."),
        },
    )
