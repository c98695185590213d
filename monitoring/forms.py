"""Forms of the monitoring app (validation only)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import readers, statline
from .constants import DEFAULT_SOURCE, Leeftijdsgroep

# A national StatLine file is well under this; anything larger is not the table we expect.
MAX_UPLOAD_MB = 500
_HEAD_BYTES = 1 << 16
_EXCEL_SUFFIXES = (".xlsx", ".xls", ".ods")
_SELECT = forms.Select(attrs={"class": "form-select"})


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand van StatLine"),
        help_text=_(
            "Een CSV-bestand of een JSON-bestand (OData) van de tabel 'Gezondheid per wijk en "
            "buurt'. Grote bestanden mogen: het inlezen gaat op de achtergrond door."
        ),
        error_messages={"required": _("Kies het bestand dat u wilt inlezen.")},
    )
    source = forms.CharField(
        label=_("Bron (niet verplicht)"),
        required=False,
        max_length=255,
        help_text=format_lazy(_("Laat u dit leeg, dan schrijven we: {}."), DEFAULT_SOURCE),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.name.lower().endswith(_EXCEL_SUFFIXES):
            raise ValidationError(
                _("Dit is een spreadsheet. Download de tabel op StatLine als CSV-bestand.")
            )
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise ValidationError(
                _("Het bestand is groter dan %(max)s MB. Is dit wel de goede tabel?")
                % {"max": MAX_UPLOAD_MB}
            )
        head = upload.read(_HEAD_BYTES)
        upload.seek(0)
        try:
            readers.check_head(head, complete=upload.size <= len(head))
        except statline.FileProblem as problem:
            raise ValidationError(str(problem)) from None
        return upload


class FigureFilterForm(forms.Form):
    """Filters of the figures list; an unknown value is ignored, not an error page."""

    jaar = forms.TypedChoiceField(
        label=_("Jaar"), required=False, coerce=int, empty_value=None, widget=_SELECT
    )
    indicator = forms.ChoiceField(label=_("Indicator"), required=False, widget=_SELECT)
    leeftijd = forms.ChoiceField(
        label=_("Leeftijdsgroep"),
        required=False,
        choices=[("", _("Alle leeftijdsgroepen")), *Leeftijdsgroep.choices],
        widget=_SELECT,
    )
    buurten = forms.BooleanField(
        label=_("Ook de buurten tonen"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args, years: list[int], indicators: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [("", _("Alle jaren")), *((y, str(y)) for y in years)]
        self.fields["indicator"].choices = [("", _("Alle indicatoren")), *indicators]

    def filters(self) -> dict:
        """The valid filters as keyword arguments for selectors.figure_tables."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "year": data["jaar"],
            "indicator": data["indicator"],
            "age_group": data["leeftijd"],
            "with_buurten": data["buurten"],
        }
