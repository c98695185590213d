from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from monitoring.constants import RapportStatus
from monitoring.periods import is_period
from monitoring.rapport import rapport_render
from monitoring.selectors_evaluatie import evaluatie_get
from monitoring.services_evaluatie import rapport_request


class Command(BaseCommand):
    # Plain gettext: argparse cannot format lazy strings, and commands load after setup.
    help = _(
        "Maakt de pdf 'Halfjaarlijkse evaluatie aanpak eenzaamheid' van een half jaar en "
        "schrijft die naar een bestand. De pdf wordt ook als nieuwe versie bewaard; van een "
        "vastgestelde evaluatie is er één versie, die niet meer verandert."
    )

    def add_arguments(self, parser):
        parser.add_argument("period", help=_("het half jaar, bijvoorbeeld 2025-H1"))
        parser.add_argument(
            "-o", "--output", type=Path, required=True, help=_("pad van het pdf-bestand")
        )

    def handle(self, *args, period: str, output: Path, **options):
        if not is_period(period):
            raise CommandError(
                _("Schrijf het half jaar zoals 2025-H1, niet %(p)s.") % {"p": period}
            )
        evaluatie = evaluatie_get(period)
        if evaluatie is None:
            raise CommandError(_("Er is geen evaluatie voor %(p)s.") % {"p": period})
        if output.parent and not output.parent.is_dir():
            raise CommandError(_("De map %(dir)s bestaat niet.") % {"dir": output.parent})
        # Made here and now, not by a worker: the command waits for its own file.
        rapport = rapport_request(evaluatie=evaluatie, queue=False)
        rapport = rapport_render(rapport_id=rapport.pk)
        if rapport is None or rapport.status != RapportStatus.KLAAR:
            message = rapport.message if rapport else ""
            raise CommandError(_("De pdf is niet gemaakt. %(message)s") % {"message": message})
        with rapport.file.open("rb") as stream:
            output.write_bytes(stream.read())
        self.stdout.write(
            _("Versie %(version)s geschreven naar %(path)s (%(size)s bytes, SHA-256 %(sha)s).")
            % {
                "version": rapport.version,
                "path": output,
                "size": rapport.size,
                "sha": rapport.sha256,
            }
        )
