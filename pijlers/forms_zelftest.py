"""The self-check form (validation only): six statements, and age group and wijk if one likes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hilversum_eenzaamheid import widgets
from wijken.models import Wijk

from .zelftest import MAX_MISSING, VRAGEN, Antwoord, Leeftijd


class Radios(widgets.Radios):
    """The template draws each option itself, so every input needs Bootstrap's class."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "form-check-input", **(attrs or {})}, choices)


def _vraag_field(label) -> forms.ChoiceField:
    # Not required one by one: one question may be skipped (see pijlers/zelftest.py); clean()
    # asks for the rest.
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=Antwoord.choices,
        widget=Radios,
        error_messages={"invalid_choice": _("Kies nee, min of meer of ja.")},
    )


def _too_few_message(answered: int) -> str:
    needed = len(VRAGEN) - MAX_MISSING
    return ngettext(
        "U hebt %(answered)d vraag beantwoord. Beantwoord er minstens %(needed)d van de "
        "%(all)d. Dan kunnen we zeggen wat de uitslag is.",
        "U hebt %(answered)d vragen beantwoord. Beantwoord er minstens %(needed)d van de "
        "%(all)d. Dan kunnen we zeggen wat de uitslag is.",
        answered,
    ) % {"answered": answered, "needed": needed, "all": len(VRAGEN)}


class ZelftestForm(forms.Form):
    leeftijd = forms.ChoiceField(
        label=_("Hoe oud bent u?"),
        required=False,
        choices=[("", _("Zeg ik liever niet")), *Leeftijd.choices],
        widget=Radios,
        error_messages={"invalid_choice": _("Kies een van de leeftijden uit de lijst.")},
    )
    wijk = forms.ChoiceField(
        label=_("In welke wijk woont u?"),
        required=False,
        error_messages={"invalid_choice": _("Kies een wijk uit de lijst.")},
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions = {vraag.name: _vraag_field(vraag.text) for vraag in VRAGEN}
        self.fields = {**questions, **self.fields}
        self.fields["wijk"].choices = [
            ("", _("Weet ik niet of zeg ik liever niet")),
            *Wijk.objects.order_by("name").values_list("slug", "name"),
        ]

    def vragen(self):
        """The bound fields of the six statements, in order."""
        return [self[vraag.name] for vraag in VRAGEN]

    def clean(self):
        data = super().clean()
        missing = [
            vraag.name
            for vraag in VRAGEN
            if not data.get(vraag.name) and not self.has_error(vraag.name)
        ]
        if len(missing) > MAX_MISSING:
            for name in missing:
                self.add_error(name, _("Kies een antwoord."))
            answered = sum(1 for vraag in VRAGEN if data.get(vraag.name))
            self.add_error(None, _too_few_message(answered))
        return data

    def wijk_name(self, slug: str) -> str:
        """The name of a wijk of the list ("" for none)."""
        return dict(self.fields["wijk"].choices).get(slug, "") if slug else ""

    def antwoorden(self) -> dict[str, str]:
        """The answers to the statements, by question name ("" when skipped)."""
        return {vraag.name: self.cleaned_data.get(vraag.name, "") for vraag in VRAGEN}
