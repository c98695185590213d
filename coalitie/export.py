"""The partner list as a CSV file that Excel opens as it is (Dutch settings).

UTF-8 with a byte order mark, so that Excel reads "Coördinator" and "ë" correctly; semicolons
between the fields, because Dutch Excel expects those; a cell that starts like a formula gets
a leading apostrophe, so that no cell runs as a formula when the file is opened.
"""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def _date(value) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def _contacts(organisatie) -> str:
    people = []
    for person in organisatie.contactpersonen.all():
        parts = [person.name, person.function, person.email, person.phone]
        people.append(" – ".join(part for part in parts if part))
    return "; ".join(people)


def _header(*, with_contacts: bool) -> list[str]:
    header = [
        _("Organisatie"),
        _("Rol"),
        _("Sector"),
        _("Signalerende functie"),
        _("Partner sinds"),
        _("Partner tot"),
        _("Wijken"),
        _("Website"),
        _("E-mailadres organisatie"),
        _("Telefoonnummer organisatie"),
        _("Wat de organisatie doet tegen eenzaamheid"),
    ]
    if with_contacts:
        header.append(_("Contactpersonen (naam – functie – e-mail – telefoon)"))
    return header


def _row(lid, *, with_contacts: bool) -> list[str]:
    organisatie = lid.organisatie
    wijken = [wijk.name for wijk in organisatie.wijken.all()]
    row = [
        organisatie.name,
        lid.get_role_display(),
        lid.get_sector_display(),
        _("ja") if lid.signalling else _("nee"),
        _date(lid.since),
        _date(lid.until),
        ", ".join(wijken) if wijken else _("heel Hilversum"),
        organisatie.website,
        organisatie.email,
        organisatie.phone,
        lid.commitment,
    ]
    if with_contacts:
        row.append(_contacts(organisatie))
    return row


def partners_csv(leden, *, with_contacts: bool) -> HttpResponse:
    """A download of these memberships; contact persons only when `with_contacts`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"coalitie-partners-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(_header(with_contacts=with_contacts))
    for lid in leden:
        writer.writerow([_cell(value) for value in _row(lid, with_contacts=with_contacts)])
    return response
