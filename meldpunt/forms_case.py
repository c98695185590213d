"""Forms of the case pages (validation only; the workflow rules live in workflow.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coalitie.models import Organisatie
from wijken.models import Wijk

from .constants import AnnuleerReden, ContactKanaal, JaNee, Status, Uitkomst, VerwijzingSoort
from .forms import Radios
from .models import Buurtteam
from .selectors_case import activiteit_for_referral
from .services_case import (
    ATTEMPT_NOTE_MAX_LENGTH,
    CANCEL_REASON_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    REASON_MAX_LENGTH,
    REFERRAL_NOTE_MAX_LENGTH,
)

SEARCH_MAX_LENGTH = 100
# The team filter's value for "no team yet"; team slugs are wijk slugs, so it cannot clash.
NO_TEAM = "geen-team"


class MeldingFilterForm(forms.Form):
    """Filters of the list; a value the form does not know is dropped, never an error page."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle statussen")), *Status.choices]
    )
    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        required=False,
        queryset=Wijk.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Alle wijken"),
    )
    overdue = forms.BooleanField(label=_("Alleen te laat voor eerste contact"), required=False)

    def __init__(self, *args, teams=None, **kwargs):
        """`teams`: offer a filter by team (for the coördinator, who sees every team's list)."""
        super().__init__(*args, **kwargs)
        self.teams = {team.slug: team for team in teams or ()}
        if teams is not None:
            self.fields["team"] = forms.ChoiceField(
                label=_("Buurtteam"),
                required=False,
                choices=[
                    ("", _("Alle buurtteams")),
                    (NO_TEAM, _("Zonder buurtteam (triage)")),
                    *[(team.slug, team.name) for team in self.teams.values()],
                ],
            )

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        team = data.get("team", "")
        return {
            "status": data.get("status", ""),
            "wijk": data.get("wijk"),
            "buurtteam": self.teams.get(team),
            "without_team": team == NO_TEAM,
            "overdue": bool(data.get("overdue")),
        }


class StatusForm(forms.Form):
    """A status step; only the steps the workflow allows from the current status are offered."""

    to_status = forms.ChoiceField(
        label=_("Nieuwe status"),
        widget=Radios,
        error_messages={
            "required": _("Kies de nieuwe status."),
            "invalid_choice": _("Deze status kan nu niet. Kies een van de mogelijkheden."),
        },
    )
    outcome = forms.ChoiceField(
        label=_("Uitkomst (alleen bij afsluiten)"),
        required=False,
        choices=Uitkomst.choices,
        widget=Radios,
        error_messages={"invalid_choice": _("Kies een uitkomst uit de lijst.")},
    )
    share_outcome = forms.ChoiceField(
        label=_(
            "Mag de huisarts of professional die meldde de uitkomst horen? (alleen bij afsluiten)"
        ),
        required=False,
        choices=[("nee", _("Nee")), ("ja", _("Ja, de persoon stemt ermee in"))],
        initial="nee",
        widget=Radios,
        error_messages={"invalid_choice": _("Kies ja of nee.")},
    )
    reason = forms.CharField(
        label=_("Toelichting (verplicht bij vervallen)"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, next_statuses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(s, Status(s).label) for s in next_statuses]


class ContactPogingForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Hoe zocht u contact?"),
        choices=ContactKanaal.choices,
        widget=Radios,
        error_messages={
            "required": _("Kies hoe u contact zocht."),
            "invalid_choice": _("Kies telefoon, e-mail, huisbezoek of brief."),
        },
    )
    reached = forms.ChoiceField(
        label=_("Hebt u de persoon gesproken?"),
        choices=JaNee.choices,
        widget=Radios,
        error_messages={
            "required": _("Kies ja of nee."),
            "invalid_choice": _("Kies ja of nee."),
        },
    )
    note = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=ATTEMPT_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NotitieForm(forms.Form):
    text = forms.CharField(
        label=_("Notitie"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf een notitie.")},
    )


class VerwijzingForm(forms.Form):
    """A referral. The activity is chosen from the search results on the page (its id)."""

    kind = forms.ChoiceField(
        label=_("Waarheen verwijst u?"),
        choices=VerwijzingSoort.choices,
        widget=Radios,
        error_messages={
            "required": _("Kies waarheen u verwijst."),
            "invalid_choice": _("Kies waarheen u verwijst."),
        },
    )
    # Rendered by hand as radio buttons for the search results; the search box carries its id.
    activiteit = forms.CharField(
        label=_("Activiteit van de sociale kaart"), required=False, max_length=20
    )
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie (alleen bij verwijzing naar een organisatie)"),
        required=False,
        queryset=Organisatie.objects.order_by("name"),
        empty_label=_("Kies een organisatie"),
        error_messages={"invalid_choice": _("Kies een organisatie uit de lijst.")},
    )
    description = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=REFERRAL_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_activiteit(self):
        value = self.cleaned_data["activiteit"].strip()
        if not value:
            return None
        activiteit = activiteit_for_referral(value)
        if activiteit is None:
            raise forms.ValidationError(_("Deze activiteit staat niet (meer) op de sociale kaart."))
        return activiteit

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        missing = not data.get("activiteit") and "activiteit" not in self.errors
        if kind == VerwijzingSoort.AANBOD and missing:
            self.add_error("activiteit", _("Zoek en kies een activiteit van de sociale kaart."))
        missing = not data.get("organisatie") and "organisatie" not in self.errors
        if kind == VerwijzingSoort.ORGANISATIE and missing:
            self.add_error("organisatie", _("Kies een organisatie."))
        return data


class AssignForm(forms.Form):
    """Give a melding to a team. The teams are read once per page, not once per form."""

    buurtteam = forms.TypedChoiceField(
        label=_("Buurtteam"),
        coerce=int,
        error_messages={
            "required": _("Kies een buurtteam."),
            "invalid_choice": _("Kies een buurtteam uit de lijst."),
        },
    )
    reason = forms.CharField(
        label=_("Waarom dit team?"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Schrijf op waarom de melding naar dit team gaat.")},
    )

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        if teams is None:
            teams = Buurtteam.objects.order_by("name")
        self.teams = {team.pk: team for team in teams}
        self.fields["buurtteam"].choices = [
            ("", _("Kies een buurtteam")),
            *[(pk, team.name) for pk, team in self.teams.items()],
        ]

    def clean_buurtteam(self):
        return self.teams[self.cleaned_data["buurtteam"]]


class CancelForm(forms.Form):
    """The coördinator lets a melding in triage lapse: a double or abuse, and why."""

    kind = forms.ChoiceField(
        label=_("Waarom vervalt de melding?"),
        choices=AnnuleerReden.choices,
        widget=Radios,
        error_messages={
            "required": _("Kies waarom de melding vervalt."),
            "invalid_choice": _("Kies waarom de melding vervalt."),
        },
    )
    reason = forms.CharField(
        label=pgettext_lazy("vervallen", "Toelichting"),
        help_text=_("Bijvoorbeeld het kenmerk van de andere melding over deze persoon."),
        max_length=CANCEL_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf op waarom de melding vervalt.")},
    )
