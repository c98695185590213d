"""The file a person gets on a request for access: their data in the meldpunt, JSON or text.

Per melding the file holds what is about the person, by their part in it (privacy.rollen):
- the person concerned gets the melding with everything the team wrote, but not who reported
  it (only the kind of reporter): reporters may report without the person knowing who;
- the reporter gets what they reported and their own contact details, and the e-mails the
  meldpunt sent them, but not the details of the person concerned or the team's notes;
- someone only named in a text gets the texts that name them.
Staff names are left out: they are the staff's data, not the person's.

Plain text rather than PDF: it is readable on any device and by screen readers, is built in
memory within the request, and leaves no file with personal data in the storage, where a PDF
would be rendered by a worker and stored for download (see PITFALLS.md on WeasyPrint).
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .constants import UitberichtSoort
from .constants_privacy import ExportFormaat, Rol, Vindplaats
from .models import Melding
from .models_privacy import Verzoek, VerzoekTreffer
from .selectors_privacy import rollen

REPORTER_MAIL = {
    UitberichtSoort.ONTVANGST,
    UitberichtSoort.MELDER_OPGEPAKT,
    UitberichtSoort.MELDER_AFGESLOTEN,
}


@dataclass(frozen=True)
class Export:
    filename: str
    content: bytes
    content_type: str


def _when(value: datetime | None) -> datetime | None:
    return timezone.localtime(value) if value else None


def _melder(melding: Melding, own: bool) -> dict:
    melder = getattr(melding, "melder", None)
    if melder is None:
        return {}
    data = {"rol": melder.get_role_display()}
    if own:
        data.update(naam=melder.name, email=melder.email, telefoon=melder.phone)
    return data


def _betrokkene(melding: Melding) -> dict:
    person = getattr(melding, "betrokkene", None)
    if person is None:
        return {}
    return {
        "naam": person.name,
        "straat": person.street,
        "huisnummer": person.huisnummer,
        "postcode": person.postcode,
        "telefoon": person.phone,
        "email": person.email,
        "weet_van_de_melding": melding.get_person_knows_display(),
    }


def _notitie(row) -> dict:
    return {"op": _when(row.created_at), "tekst": row.text}


def _contactpoging(row) -> dict:
    return {
        "op": _when(row.at),
        "hoe": row.get_channel_display(),
        "bereikt": row.reached,
        "toelichting": row.note,
    }


def _verwijzing(row) -> dict:
    target = row.activiteit or row.organisatie
    return {
        "op": _when(row.created_at),
        "soort": row.get_kind_display(),
        "naar": str(target) if target else None,
        "toelichting": row.description,
    }


def _stap(row, with_reason: bool) -> dict:
    step = {
        "op": _when(row.at),
        "van": row.get_from_status_display() or None,
        "naar": row.get_to_status_display(),
    }
    if with_reason:
        step["reden"] = row.reason
    return step


def _email(row) -> dict:
    return {
        "op": _when(row.created_at),
        "aan": row.recipient,
        "onderwerp": row.subject,
        "tekst": row.body,
    }


def _case(melding: Melding, *, concerned: bool, reporter: bool) -> dict:
    """What the person may know of the case itself: its stand, not who is behind it."""
    if not (concerned or reporter):
        return {}
    data = {
        "status": melding.get_status_display(),
        "afgesloten_op": _when(melding.closed_at),
        "wijk": melding.wijk.name if melding.wijk else None,
        "buurtteam": melding.buurtteam.name if melding.buurtteam else None,
        "melder": _melder(melding, own=reporter),
        "signalen": [s.get_code_display() for s in melding.signalen.all()],
    }
    # A reporter hears the outcome only when the person agreed to that.
    if concerned or melding.outcome_may_be_shared:
        data["uitkomst"] = melding.get_outcome_display() or None
    if concerned:
        data["over_wie"] = _betrokkene(melding)
    return data


def melding_export(treffer: VerzoekTreffer, melding: Melding) -> dict:
    """One melding as the person may have it, by their part in it (see the module docstring).

    The person concerned gets every note, attempt, referral and reason; anyone else only the
    rows the search found them in.
    """
    parts = rollen(treffer, melding)
    concerned, reporter = Rol.BETROKKENE in parts, Rol.MELDER in parts

    def rows(code: str, queryset, build) -> list[dict]:
        found = treffer.rows_of(code)
        return [build(row) for row in queryset if concerned or row.pk in found]

    data = {
        "kenmerk": melding.reference,
        "uw_rol": [str(Rol(part).label) for part in Rol.values if part in parts],
        "gemeld_op": _when(melding.created_at),
        **_case(melding, concerned=concerned, reporter=reporter),
    }
    if concerned or reporter or Vindplaats.TOELICHTING in treffer.vindplaatsen:
        data["toelichting"] = melding.text
    found_steps = treffer.rows_of(Vindplaats.GESCHIEDENIS)
    lists = {
        "notities": rows(Vindplaats.NOTITIE, melding.notities.all(), _notitie),
        "contactpogingen": rows(
            Vindplaats.CONTACTPOGING, melding.contactpogingen.all(), _contactpoging
        ),
        "verwijzingen": rows(Vindplaats.VERWIJZING, melding.verwijzingen.all(), _verwijzing),
        "geschiedenis": [
            _stap(step, with_reason=concerned or step.pk in found_steps)
            for step in melding.statuswijzigingen.all()
            if concerned or reporter or step.pk in found_steps
        ],
        "emails": [
            _email(mail)
            for mail in melding.uitberichten.all()
            if (reporter and mail.kind in REPORTER_MAIL)
            or mail.pk in treffer.rows_of(Vindplaats.EMAIL)
        ],
    }
    data.update({key: value for key, value in lists.items() if value or concerned})
    return data


def export_document(verzoek: Verzoek, pairs: list[tuple[VerzoekTreffer, Melding]], now) -> dict:
    """The whole file as data: a short explanation, then one entry per melding."""
    return {
        "bron": _("Gemeente Hilversum, meldpunt eenzaamheid"),
        "gemaakt_op": _when(now),
        "verzoek": verzoek.pk,
        "uitleg": _(
            "Dit zijn de gegevens over u in het meldpunt eenzaamheid. Gegevens over andere "
            "mensen staan er niet in, zoals de naam van wie de melding deed."
        ),
        "meldingen": [melding_export(treffer, melding) for treffer, melding in pairs],
    }


# The keys of the document in words, for the text file.
TEXT_LABELS = {
    "kenmerk": gettext_lazy("Kenmerk"),
    "uw_rol": gettext_lazy("Uw rol"),
    "gemeld_op": gettext_lazy("Gemeld op"),
    "status": gettext_lazy("Status"),
    "uitkomst": gettext_lazy("Uitkomst"),
    "afgesloten_op": gettext_lazy("Afgesloten op"),
    "wijk": gettext_lazy("Wijk"),
    "buurtteam": gettext_lazy("Buurtteam"),
    "melder": gettext_lazy("Melder"),
    "over_wie": gettext_lazy("Over wie"),
    "signalen": gettext_lazy("Wat de melder merkte"),
    "toelichting": gettext_lazy("Toelichting"),
    "notities": gettext_lazy("Notities"),
    "contactpogingen": gettext_lazy("Contactpogingen"),
    "verwijzingen": gettext_lazy("Verwijzingen"),
    "geschiedenis": gettext_lazy("Geschiedenis"),
    "emails": gettext_lazy("E-mails van het meldpunt"),
    "rol": gettext_lazy("Rol"),
    "naam": gettext_lazy("Naam"),
    "email": gettext_lazy("E-mailadres"),
    "telefoon": gettext_lazy("Telefoonnummer"),
    "straat": gettext_lazy("Straat"),
    "huisnummer": gettext_lazy("Huisnummer"),
    "postcode": gettext_lazy("Postcode"),
    "weet_van_de_melding": gettext_lazy("Weet van de melding"),
    "op": gettext_lazy("Op"),
    "tekst": gettext_lazy("Tekst"),
    "hoe": gettext_lazy("Hoe"),
    "bereikt": gettext_lazy("Bereikt"),
    "soort": gettext_lazy("Soort"),
    "naar": gettext_lazy("Naar"),
    "van": gettext_lazy("Van"),
    "reden": gettext_lazy("Reden"),
    "aan": gettext_lazy("Aan"),
    "onderwerp": gettext_lazy("Onderwerp"),
}


def _key(key: str) -> str:
    return str(TEXT_LABELS.get(key, key))


def _iso(value) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    raise TypeError(type(value))


def _text_value(value) -> str:
    if isinstance(value, datetime):
        return date_format(value, "j F Y, H:i")
    if value is True:
        return _("ja")
    if value is False:
        return _("nee")
    if value in (None, ""):
        return "–"
    # A note of several lines stays under its field.
    return str(value).replace("\n", "\n      ")


def _text_block(key: str, value, lines: list[str]) -> None:
    title = _key(key)
    if isinstance(value, dict):
        lines.append(f"{title}:")
        lines += [f"  {_key(sub)}: {_text_value(v)}" for sub, v in value.items()]
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        lines.append(f"{title}:")
        for row in value:
            parts = [f"{_key(sub)}: {_text_value(v)}" for sub, v in row.items()]
            lines.append("  - " + "\n    ".join(parts))
    elif isinstance(value, list):
        lines.append(f"{title}: {', '.join(value) if value else '–'}")
    else:
        lines.append(f"{title}: {_text_value(value)}")


def as_text(document: dict) -> str:
    """The document as plain text for people: headings, one field a line."""
    lines = [
        document["bron"],
        _("Gegevens gemaakt op %(when)s") % {"when": _text_value(document["gemaakt_op"])},
        "",
        document["uitleg"],
    ]
    for entry in document["meldingen"]:
        heading = _("Melding %(ref)s") % {"ref": entry["kenmerk"]}
        lines += ["", heading, "=" * len(heading)]
        for key, value in entry.items():
            if key != "kenmerk":
                _text_block(key, value, lines)
    if not document["meldingen"]:
        lines += ["", _("Er zijn geen meldingen gekozen.")]
    return "\n".join(lines) + "\n"


def export_build(
    *, verzoek: Verzoek, pairs: list[tuple[VerzoekTreffer, Melding]], formaat: str, now
) -> Export:
    """The download: JSON for a computer, or plain text for a person. No names in the file name."""
    document = export_document(verzoek, pairs, now)
    stamp = timezone.localtime(now).strftime("%Y%m%d")
    base = f"meldpunt-gegevens-{verzoek.pk}-{stamp}"
    if formaat == ExportFormaat.JSON:
        content = json.dumps(document, ensure_ascii=False, indent=2, default=_iso) + "\n"
        return Export(f"{base}.json", content.encode(), "application/json; charset=utf-8")
    return Export(f"{base}.txt", as_text(document).encode(), "text/plain; charset=utf-8")
