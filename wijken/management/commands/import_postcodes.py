import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wijken.services import ImportReport, PostcodeImportError, postcodes_import


class Command(BaseCommand):
    # Plain gettext: argparse cannot format lazy strings, and commands load after setup.
    help = _(
        'Vult de postcodetabel uit het CBS-bestand "buurt, wijk en gemeente voor '
        'postcode-huisnummer" (PC6,Huisnummer,BuurtJJJJ,WijkJJJJ,GemeenteJJJJ). '
        "Alleen adressen in Hilversum worden bewaard; de oude tabel wordt vervangen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=_("pad naar het CSV-bestand van het CBS"))

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(_("Bestand niet gevonden: %(path)s") % {"path": file})
        # CBS ships the file zipped; a clear hint beats a complaint about the header.
        if zipfile.is_zipfile(file):
            raise CommandError(
                _("%(path)s is een zip-bestand. Pak het eerst uit en geef het CSV-bestand op.")
                % {"path": file}
            )
        try:
            # utf-8-sig drops a BOM; undecodable bytes become bad rows instead of a crash.
            with file.open(encoding="utf-8-sig", errors="replace", newline="") as lines:
                report = postcodes_import(lines=lines)
        except PostcodeImportError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(
                _("Kan %(path)s niet lezen: %(reason)s") % {"path": file, "reason": error.strerror}
            ) from error
        self._print(report)

    def _print(self, report: ImportReport) -> None:
        out = self.stdout
        out.write(_("Regels gelezen: %(n)s") % {"n": report.rows_read})
        out.write(_("Regels voor Hilversum bewaard: %(n)s") % {"n": report.rows_kept})
        out.write(
            _("Regels van andere gemeenten overgeslagen: %(n)s") % {"n": report.rows_other_gemeente}
        )
        if report.rows_bad:
            out.write(
                self.style.WARNING(_("Foute regels overgeslagen: %(n)s") % {"n": report.rows_bad})
            )
            for error in report.errors:
                out.write(
                    self.style.WARNING(
                        _("  regel %(line)s: %(message)s")
                        % {"line": error.line, "message": error.message}
                    )
                )
            if report.rows_bad > len(report.errors):
                out.write(
                    _("  … en nog %(n)s foute regels.")
                    % {"n": report.rows_bad - len(report.errors)}
                )
        out.write(
            _("Postcodes gekoppeld zonder huisnummer: %(n)s")
            % {"n": report.postcodes_without_number}
        )
        out.write(
            _("Postcodes gekoppeld per huisnummer: %(n)s (%(numbers)s huisnummers)")
            % {"n": report.postcodes_with_number, "numbers": report.numbers_mapped}
        )
        out.write(self.style.SUCCESS(_("De postcodetabel is bijgewerkt.")))
