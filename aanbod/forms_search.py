from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Synoniem


class SynoniemForm(forms.ModelForm):
    """One line of the synonym list: a word and the words that mean the same."""

    class Meta:
        model = Synoniem
        fields = ["term", "synonyms"]
        error_messages = {
            "term": {"unique": _("Dit woord staat al in de lijst. Wijzig daar de synoniemen.")}
        }
        help_texts = {
            "term": _("Een woord dat mensen intypen, bijvoorbeeld: eten."),
            "synonyms": _("Gescheiden door komma's, bijvoorbeeld: maaltijd, diner, lunch."),
        }

    def clean_term(self) -> str:
        # Stored in lower case, so "Eten" and "eten" are the same word (and unique).
        return " ".join(self.cleaned_data["term"].split()).lower()

    def clean_synonyms(self) -> str:
        parts = [p.strip() for p in self.cleaned_data["synonyms"].split(",") if p.strip()]
        if not parts:
            raise forms.ValidationError(_("Vul minstens één woord in."))
        return ", ".join(parts)
