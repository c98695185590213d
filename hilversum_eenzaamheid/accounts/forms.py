"""Forms of the login steps: a code from the app or a backup code, and the password reset."""

import math
import re

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from .services import code_normalise

# Codes from the app are digits; backup codes are letters a–z and digits 2–7.
_CODE_CHARACTERS = re.compile(r"^[0-9a-z]{6,16}$")


class LoginForm(AuthenticationForm):
    """Django's login form, with the username's length limit enforced.

    Django only puts the limit in the HTML; a longer name reached authenticate(), and
    django-axes then failed to store it (a server error instead of an answer).
    """

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))


class CodeForm(forms.Form):
    """One code: from the authenticator app (6 digits) or a backup code (8 characters)."""

    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("De 6 cijfers uit de app op uw telefoon. Of een reservecode van 8 tekens."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
                "class": "form-control otp-code",
            }
        ),
    )

    def clean_code(self) -> str:
        code = code_normalise(self.cleaned_data["code"])
        if not _CODE_CHARACTERS.match(code):
            raise forms.ValidationError(
                _("Deze code klopt niet. Een code heeft 6 cijfers, of 8 letters en cijfers."),
                code="format",
            )
        return code


class AppCodeForm(forms.Form):
    """The first code from a newly added app, to show that it works."""

    code = forms.CharField(
        label=_("Code uit de app"),
        max_length=20,
        help_text=_("De 6 cijfers die de app nu laat zien."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": "form-control otp-code",
            }
        ),
    )

    def clean_code(self) -> str:
        code = code_normalise(self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(
                _("Vul de 6 cijfers in die de app laat zien."), code="format"
            )
        return code


def link_hours() -> int:
    """How long a reset link works, in whole hours, as the pages and the e-mail say."""
    return max(1, math.ceil(settings.PASSWORD_RESET_TIMEOUT / 3600))


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the look-up and the e-mail happen in a background task.

    The answer then takes as long for an unknown address as for a known one, so its timing
    does not tell whether an account exists either.
    """

    def save(self, **kwargs) -> None:
        from .tasks import enqueue_password_reset_mail

        enqueue_password_reset_mail(self.cleaned_data["email"])
