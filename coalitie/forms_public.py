"""The short form on /coalitie/ with which an organisation asks to join."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hilversum_eenzaamheid.forms import EMAIL_INVALID

from .validators import validate_phone_number

HONEYPOT_FIELD = "website"
CONTRIBUTION_MAX_LENGTH = 2000


class AanmeldingForm(forms.Form):
    organisation_name = forms.CharField(
        label=_("Naam van uw organisatie"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"required": _("Vul de naam van uw organisatie in.")},
    )
    contact_name = forms.CharField(
        label=_("Uw naam"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Vul uw naam in, dan weet de kartrekker wie u bent.")},
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Vul uw e-mailadres in, dan kan de kartrekker u antwoorden."),
            "invalid": EMAIL_INVALID,
        },
    )
    phone = forms.CharField(
        label=_("Uw telefoonnummer (niet verplicht)"),
        required=False,
        max_length=30,
        validators=[validate_phone_number],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    contribution = forms.CharField(
        label=_("Wat wilt u bijdragen?"),
        max_length=CONTRIBUTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Bijvoorbeeld: onze medewerkers letten op klanten die alleen zijn, we hebben een "
            "ruimte voor activiteiten, of we denken graag mee."
        ),
        error_messages={"required": _("Schrijf in een paar woorden wat u wilt bijdragen.")},
    )
    # People never see this field; programs that fill in every field do (see is_spam).
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def is_spam(self) -> bool:
        return bool(str(self.data.get(HONEYPOT_FIELD, "")).strip())

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "organisation_name": data["organisation_name"],
            "contact_name": data["contact_name"],
            "email": data["email"],
            "phone": data["phone"],
            "contribution": data["contribution"],
        }


def typed_initial(data) -> dict:
    """What was typed in a POST, to show again on the rate-limit page (nothing validated)."""
    form = AanmeldingForm()
    return {
        name: field.widget.value_from_datadict(data, {}, form.add_prefix(name))
        for name, field in form.fields.items()
        if name != HONEYPOT_FIELD
    }
