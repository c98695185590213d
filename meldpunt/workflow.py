"""The case workflow of a melding, written as ONE transition table.

`TRANSITIONS[from][to]` lists the checks a step must pass; a pair that is not in the table is
not a step at all. Each check reads the melding (and what the user typed) and returns a Dutch
message when the step may not happen yet. The services call `transition_check` before they write;
the pages call `next_statuses` to offer only the steps that exist.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from .constants import CLOSED_STATUSES, Status, Uitkomst
from .selectors_case import is_coordinator


class TransitionError(Exception):
    """A status change that is not allowed; `message` says why, in Dutch, for the page."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Step:
    """What a requested step brings along: who asks, and the reason and outcome they gave."""

    melding: object
    user: object
    reason: str = ""
    outcome: str = ""


Check = Callable[[Step], str | None]


def by_team_member(step: Step) -> str | None:
    team = step.melding.buurtteam
    if team is None:
        return _("Deze melding heeft nog geen buurtteam. De coördinator kiest eerst een team.")
    if not team.members.filter(pk=step.user.pk).exists():
        return _("Alleen een lid van %(team)s kan deze melding oppakken.") % {"team": team.name}
    return None


def after_failed_attempts(step: Step) -> str | None:
    needed = settings.MELDPUNT_CONTACT_ATTEMPTS
    done = step.melding.contactpogingen.filter(reached=False).count()
    if done < needed:
        return _(
            "'Niet bereikt' kan pas na %(needed)s contactpogingen zonder resultaat. "
            "Er zijn er nu %(done)s."
        ) % {"needed": needed, "done": done}
    return None


def with_referral(step: Step) -> str | None:
    if not step.melding.verwijzingen.exists():
        return _("Voeg eerst een verwijzing toe. Daarna kan de status 'Doorverwezen' worden.")
    return None


def with_outcome(step: Step) -> str | None:
    if step.outcome not in Uitkomst.values:
        return _("Kies een uitkomst om de melding af te sluiten.")
    return None


def outcome_not_reached(step: Step) -> str | None:
    if step.outcome != Uitkomst.NIET_BEREIKT:
        return _("Een melding die niet bereikt is, sluit u af met de uitkomst 'Niet bereikt'.")
    return None


def by_team_or_coordinator(step: Step) -> str | None:
    """Cancelling is for the team that has the melding; before a team has it, the coördinator's."""
    team = step.melding.buurtteam
    if team is None:
        if is_coordinator(step.user):
            return None
        return _("Alleen de coördinator kan een melding zonder buurtteam laten vervallen.")
    if not team.members.filter(pk=step.user.pk).exists():
        return _("Alleen een lid van %(team)s kan deze melding laten vervallen.") % {
            "team": team.name
        }
    return None


def with_reason(step: Step) -> str | None:
    if not step.reason.strip():
        return _("Schrijf op waarom de melding vervalt, bijvoorbeeld: dubbele melding.")
    return None


S = Status
CANCEL = {S.GEANNULEERD: (by_team_or_coordinator, with_reason)}

TRANSITIONS: dict[str, dict[str, tuple[Check, ...]]] = {
    S.NIEUW: {S.OPGEPAKT: (by_team_member,), **CANCEL},
    S.OPGEPAKT: {S.CONTACT_GELEGD: (), S.NIET_BEREIKT: (after_failed_attempts,), **CANCEL},
    S.CONTACT_GELEGD: {S.DOORVERWEZEN: (with_referral,), S.AFGESLOTEN: (with_outcome,), **CANCEL},
    S.NIET_BEREIKT: {
        S.CONTACT_GELEGD: (),
        S.AFGESLOTEN: (with_outcome, outcome_not_reached),
        **CANCEL,
    },
    S.DOORVERWEZEN: {S.AFGESLOTEN: (with_outcome,), **CANCEL},
    S.AFGESLOTEN: {},
    S.GEANNULEERD: {},
}


def next_statuses(status: str) -> list[str]:
    """The states a melding in `status` may go to, in the order of Status."""
    allowed = TRANSITIONS.get(status, {})
    return [value for value in Status.values if value in allowed]


def is_allowed(from_status: str, to_status: str) -> bool:
    """Whether the table has this step at all (its checks aside)."""
    return to_status in TRANSITIONS.get(from_status, {})


def _label(status: str) -> str:
    return str(Status(status).label) if status in Status.values else str(status)


def transition_check(step: Step, to_status: str) -> None:
    """Raise TransitionError with a Dutch message unless the melding may go to `to_status`."""
    from_status = step.melding.status
    if from_status in CLOSED_STATUSES:
        raise TransitionError(
            _("Deze melding is %(status)s. De status kan niet meer veranderen.")
            % {"status": _label(from_status).lower()}
        )
    if not is_allowed(from_status, to_status):
        raise TransitionError(
            _("Van '%(from)s' naar '%(to)s' kan niet. Mogelijk is: %(options)s.")
            % {
                "from": _label(from_status),
                "to": _label(to_status),
                "options": ", ".join(f"'{_label(s)}'" for s in next_statuses(from_status)),
            }
        )
    for check in TRANSITIONS[from_status][to_status]:
        message = check(step)
        if message:
            raise TransitionError(message)
