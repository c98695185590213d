import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_kvk_number(value: str) -> None:
    """A KvK number has exactly eight digits (Handelsregister)."""
    if not re.fullmatch(r"\d{8}", value or ""):
        raise ValidationError(
            _("Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678."), code="kvk_number"
        )


def validate_phone_number(value: str) -> None:
    """Dutch or international phone number: digits with spaces, dashes, brackets or a leading +."""
    digits = re.sub(r"\D", "", value or "")
    if not re.fullmatch(r"\+?[\d\s\-()]+", value or "") or not 10 <= len(digits) <= 15:
        raise ValidationError(
            _("Vul een geldig telefoonnummer in, bijvoorbeeld 035 123 45 67."), code="phone_number"
        )
