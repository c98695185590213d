"""Post a burst of meldingen through the public form, in a process set up like a web server.

Run as `python -m tests.faults.meldingen_burst <total> <before>` with the portal's environment
(REDIS_URL: the cache and a real, not eager, Celery broker). After `before` meldingen it writes
PAUSED and waits for a line on stdin, so the test can stop Redis at that point. At the end it
writes one JSON line: per melding [post status, Location, thank-you status, reference shown,
queries of the post].
"""

import json
import re
import sys

import django

SHOWN = re.compile(r'<strong class="meldpunt-kenmerk">([^<]+)</strong>')


def melding_data(number: int) -> dict:
    """Ten kinds in turn: a receipt for the odd ones, urgent ones, ones without a wijk."""
    from tests.meldpunt.conftest import form_data

    kind = number % 10
    data = {"huisnummer": str(number + 1)}
    if kind % 2:
        data["reporter_email"] = f"melder{number}@example.org"
    if kind in (4, 5):
        data["urgent"] = "ja"
    if kind in (6, 7):  # "Weet ik niet": the coördinator finds a team for it
        data.update(postcode="", huisnummer="", wijk="onbekend")
    return form_data(**data)


def main(total: int, before: int) -> None:
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    answers = []
    for number in range(total):
        if number == before:
            print("PAUSED", flush=True)
            sys.stdin.readline()
        with CaptureQueriesContext(connection) as queries:
            posted = client.post("/meldpunt/", melding_data(number))
        location = posted.get("Location", "")
        thanks = client.get(location) if location else None
        shown = SHOWN.search(thanks.content.decode()) if thanks else None
        answers.append(
            [
                posted.status_code,
                location,
                thanks.status_code if thanks else 0,
                shown.group(1) if shown else "",
                len(queries),
            ]
        )
    print(json.dumps(answers), flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
