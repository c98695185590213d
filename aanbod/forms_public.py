from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Correctie

MESSAGE_MAX_LENGTH = 2000
HONEYPOT_FIELD = "website"


class CorrectieForm(forms.Form):
    """ "Klopt er iets niet?": what is wrong, and optionally where to send a reply."""

    message = forms.CharField(
        label=_("Wat klopt er niet?"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("Bijvoorbeeld: de tijd is anders, of de activiteit is gestopt."),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Schrijf op wat er niet klopt.")},
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres (niet verplicht)"),
        required=False,
        max_length=Correctie._meta.get_field("email").max_length,
        help_text=_(
            "Alleen invullen als u een reactie wilt. We gebruiken het nergens anders voor."
        ),
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # People never see this field; programs that fill in every field do (see is_spam).
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())
