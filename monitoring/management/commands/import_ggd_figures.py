from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from monitoring.constants import DEFAULT_SOURCE, ImportStatus
from monitoring.models import ImportBatch
from monitoring.services import ggd_import, import_batch_start_cli


class Command(BaseCommand):
    # Plain gettext: argparse cannot format lazy strings, and commands load after setup.
    help = _(
        "Leest GGD-cijfers over eenzaamheid in uit de StatLine-tabel 'Gezondheid per wijk en "
        "buurt' (50150NED of 50120NED), als CSV- of OData-JSON-bestand. Alleen Hilversum, zijn "
        "wijken en buurten, de GGD-regio en Nederland worden bewaard. Twee keer hetzelfde "
        "bestand inlezen verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=_("pad naar het CSV- of JSON-bestand"))
        parser.add_argument(
            "--bron",
            default=DEFAULT_SOURCE,
            help=_("bron die bij de cijfers komt te staan (standaard: %(default)s)"),
        )

    def handle(self, *args, file: Path, bron: str, **options):
        if not file.is_file():
            raise CommandError(_("Bestand niet gevonden: %(path)s") % {"path": file})
        batch = import_batch_start_cli(file_name=file.name, source=bron)
        try:
            with file.open("rb") as stream:
                batch = ggd_import(batch=batch, stream=stream)
        except OSError as error:
            raise CommandError(
                _("Kan %(path)s niet lezen: %(reason)s") % {"path": file, "reason": error.strerror}
            ) from error
        self._print(batch)
        if batch.status == ImportStatus.MISLUKT:
            raise CommandError(batch.message)

    def _print(self, batch: ImportBatch) -> None:
        out = self.stdout
        out.write(
            _("Formaat: %(f)s, tekenset: %(e)s") % {"f": batch.file_format, "e": batch.encoding}
        )
        out.write(_("Regels gelezen: %(n)s") % {"n": batch.rows_read})
        out.write(_("Regels ingelezen: %(n)s") % {"n": batch.rows_imported})
        out.write(
            _("Regels overgeslagen (andere gebieden of leeftijden): %(n)s")
            % {"n": batch.rows_skipped}
        )
        out.write(
            _("Cijfers toegevoegd: %(new)s, bijgewerkt: %(changed)s")
            % {"new": batch.observations_created, "changed": batch.observations_updated}
        )
        if batch.rows_failed:
            out.write(
                self.style.WARNING(_("Foute regels overgeslagen: %(n)s") % {"n": batch.rows_failed})
            )
            for error in batch.errors:
                out.write(
                    self.style.WARNING(
                        _("  regel %(line)s: %(message)s")
                        % {"line": error["line"], "message": error["message"]}
                    )
                )
            if batch.rows_failed > len(batch.errors):
                out.write(
                    _("  … en nog %(n)s foute regels.")
                    % {"n": batch.rows_failed - len(batch.errors)}
                )
        if batch.status != ImportStatus.MISLUKT:
            out.write(self.style.SUCCESS(_("Klaar: de GGD-cijfers zijn bijgewerkt.")))
