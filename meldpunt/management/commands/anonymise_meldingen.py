from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from meldpunt.retention import retention_apply


class Command(BaseCommand):
    # Plain gettext: argparse cannot format lazy strings, and commands load after setup.
    help = _(
        "Verwijdert de persoonsgegevens van afgesloten meldingen waarvan de bewaartermijn voorbij "
        "is. Wat nodig is voor de cijfers blijft bewaard."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("alleen tellen wat er zou gebeuren; er verandert niets"),
        )

    def handle(self, *args, dry_run: bool = False, **options):
        report = retention_apply(dry_run=dry_run)
        for line in report.lines():
            self.stdout.write(line)
        if not dry_run:
            self.stdout.write(self.style.SUCCESS(_("Klaar.")))
