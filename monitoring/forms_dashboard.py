"""The dashboard's filters: a GET form, so it works without JavaScript and can be bookmarked."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import Leeftijdsgroep

_SELECT = forms.Select(attrs={"class": "form-select"})
DEFAULT_INDICATOR = "eenzaam"
# The StatLine tables give figures per wijk for these age groups only.
DASHBOARD_AGES = (Leeftijdsgroep.VANAF_18, Leeftijdsgroep.VAN_18_TOT_65, Leeftijdsgroep.VANAF_65)


class DashboardFilterForm(forms.Form):
    """Indicator, year and age group of the first two blocks. Empty or unknown values fall
    back to the defaults (with a notice for unknown ones), never to an error page."""

    indicator = forms.ChoiceField(label=_("Indicator"), required=False, widget=_SELECT)
    jaar = forms.TypedChoiceField(
        label=_("Jaar"), required=False, coerce=int, empty_value=None, widget=_SELECT
    )
    leeftijd = forms.ChoiceField(
        label=_("Leeftijdsgroep"),
        required=False,
        choices=[(a.value, a.label) for a in DASHBOARD_AGES],
        widget=_SELECT,
    )

    def __init__(self, *args, years: list[int], indicators: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = indicators
        self.fields["jaar"].choices = [
            ("", _("Laatste jaar met cijfers per wijk")),
            *((y, str(y)) for y in years),
        ]
        self.indicator_codes = [code for code, _name in indicators]

    @property
    def unknown_value(self) -> bool:
        return self.is_bound and not self.is_valid()

    def choices(self) -> dict:
        """The chosen values, with defaults for what is empty or unknown."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        indicator = data.get("indicator") or ""
        if indicator not in self.indicator_codes:
            indicator = (
                DEFAULT_INDICATOR
                if DEFAULT_INDICATOR in self.indicator_codes
                else next(iter(self.indicator_codes), "")
            )
        return {
            "indicator": indicator,
            "year": data.get("jaar"),
            "age_group": data.get("leeftijd") or Leeftijdsgroep.VANAF_18.value,
        }
