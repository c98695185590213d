"""Row forms for attendance at a meeting and participants of a training (formsets).

Each row's organisation select gets the same list of choices, read once per request: a
ModelChoiceField would query the organisations again for every row it draws.
"""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from .services import DeelnemerRij

EXTRA_ROWS = 5


class _RowForm(forms.Form):
    organisatie = forms.TypedChoiceField(
        label=_("Organisatie"), coerce=int, required=False, empty_value=None
    )
    name = forms.CharField(label=_("Naam"), required=False, max_length=200)

    def __init__(self, *args, organisaties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].choices = [("", _("Kies een organisatie")), *organisaties]
        self.fields["organisatie"].error_messages["invalid_choice"] = _(
            "Kies een organisatie uit de lijst."
        )


class AanwezigheidForm(_RowForm):
    """One organisation at a meeting, with the person who came when known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Naam (niet verplicht)")

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("organisatie") and "organisatie" not in self.errors:
            self.add_error("organisatie", _("Kies de organisatie van deze persoon."))
        return data


class DeelnemerForm(_RowForm):
    """One participant of a training; the hidden id keeps existing rows (and their ambassador
    link) in place."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    function = forms.CharField(label=_("Functie (niet verplicht)"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].label = _("Organisatie (niet verplicht)")
        self.order_fields(["name", "organisatie", "function", "id"])

    def clean(self):
        data = super().clean()
        if not (data.get("name") or "").strip() and "name" not in self.errors:
            self.add_error(
                "name",
                _("Vul de naam van de deelnemer in, of vink 'Verwijderen' aan."),
            )
        return data


AanwezigheidFormSet = formset_factory(
    AanwezigheidForm, extra=EXTRA_ROWS, can_delete=True, max_num=500, validate_max=True
)
DeelnemerFormSet = formset_factory(
    DeelnemerForm, extra=EXTRA_ROWS, can_delete=True, max_num=500, validate_max=True
)


def aanwezigheid_rows(formset) -> list[tuple[int, str]]:
    """(organisation id, name) of every filled-in row that is not marked for deletion."""
    return [
        (form.cleaned_data["organisatie"], form.cleaned_data["name"])
        for form in formset.forms
        if form.cleaned_data.get("organisatie") and not form.cleaned_data.get("DELETE")
    ]


def deelnemer_rows(formset) -> list[DeelnemerRij]:
    """The rows for deelnemers_save: changed, kept and deleted participants."""
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data:  # an empty extra row
            continue
        rows.append(
            DeelnemerRij(
                pk=data.get("id"),
                name=data.get("name", ""),
                organisatie_id=data.get("organisatie"),
                function=data.get("function", ""),
                delete=bool(data.get("DELETE")),
            )
        )
    return rows
