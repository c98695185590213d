from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from hilversum_eenzaamheid.accounts.demo import code_lines
from hilversum_eenzaamheid.demo import DEMO_USERS
from meldpunt.demo import demo_usernames

# Each app owns its demo data; order follows the app dependencies (ARCHITECTURE.md).
SEEDERS = [
    "coalitie.demo.seed",
    "pijlers.demo.seed",
    "aanbod.demo.seed",
    "hilversum_eenzaamheid.demo.seed",
    "meldpunt.demo.seed",
    "hilversum_eenzaamheid.accounts.demo.seed",
    "monitoring.demo.seed",
]


class Command(BaseCommand):
    help = "Laadt de demogegevens van Hilversum. Twee keer draaien verandert niets."

    def handle(self, *args, **options):
        with transaction.atomic():
            for path in SEEDERS:
                changed = import_string(path)()
                self.stdout.write(f"{path}: {changed} nieuw of bijgewerkt")
        self.stdout.write("")
        # Only a local run shows the password itself; elsewhere it stays in the environment.
        password = settings.DEMO_PASSWORD if settings.DEBUG else "de waarde van DEMO_PASSWORD"
        self.stdout.write(f"Demo-accounts, allemaal met wachtwoord: {password}")
        for demo in DEMO_USERS:
            self.stdout.write(f"  {demo.username:<28} {demo.role}")
        for username in demo_usernames():
            self.stdout.write(f"  {username:<28} buurtteam")
        for line in code_lines():
            self.stdout.write(line)
