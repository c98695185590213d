"""The evaluation as a PDF: "Halfjaarlijkse evaluatie aanpak eenzaamheid <period>".

HTML first (`rapport_html`, the same figures and charts as the web page), then WeasyPrint
(`hilversum_eenzaamheid.pdf`: static files only, never the network) writing tagged PDF/UA-1.
Fonts come from the machine (DejaVu Sans).
"""

import hashlib
import logging
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import OperationalError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hilversum_eenzaamheid.pdf import html_document

from .constants import CRITERIA, RapportStatus
from .models import Evaluatie, EvaluatieRapport
from .selectors_evaluatie import evaluatie_data, missing_texts

logger = logging.getLogger(__name__)

# Never fetched: only a base for relative links, which the fetcher maps to static files.
PDF_BASE_URL = "https://rapport.invalid/"
# Longer than the task's time limit: a report BEZIG for longer has lost its worker.
STALE_AFTER = timedelta(minutes=15)
WAITING_AFTER = timedelta(minutes=2)


def rapport_html(evaluatie: Evaluatie, *, data: dict | None = None, now=None, version=None):
    """The HTML of the report (always in Dutch, whatever the language of who asked)."""
    now = now or timezone.now()
    with translation.override("nl"):
        data = data if data is not None else evaluatie_data(evaluatie, now=now)
        criteria = [
            {
                "name": str(c.name),
                "description": str(c.description),
                "text": getattr(evaluatie, c.field),
            }
            for c in CRITERIA
        ]
        return render_to_string(
            "monitoring/rapport/evaluatie.html",
            {
                "evaluatie": evaluatie,
                "data": data,
                "charts": data["charts"],
                # "Lessen voor de toekomst" closes the report, after the figures.
                "criteria": criteria[:-1],
                "lessen": criteria[-1],
                "missing": [*_missing_texts_line(evaluatie), *data["missing"]],
                "rendered_at": now,
                "version": version,
                "stylesheet": urljoin(settings.STATIC_URL, "monitoring/rapport.css"),
                "pdf": True,
            },
        )


def _missing_texts_line(evaluatie: Evaluatie) -> list[str]:
    missing = missing_texts(evaluatie)
    if not missing:
        return []
    return [
        _("De kartrekker heeft nog niets geschreven bij: %(criteria)s.")
        % {"criteria": ", ".join(missing)}
    ]


def render_pdf(html: str) -> bytes:
    """Lay out the HTML with WeasyPrint as tagged PDF/UA-1."""
    return html_document(html, PDF_BASE_URL).write_pdf(pdf_variant="pdf/ua-1")


def evaluatie_pdf(evaluatie: Evaluatie, *, now=None, version=None) -> bytes:
    return render_pdf(rapport_html(evaluatie, now=now, version=version))


def _claim(rapport: EvaluatieRapport, now, *, take_over: bool) -> bool:
    """Mark the version BEZIG for this run in one UPDATE, so of two runs at once one renders.
    A version BEZIG for less than STALE_AFTER is another run's, unless `take_over`."""
    claim = EvaluatieRapport.objects.filter(pk=rapport.pk).exclude(status=RapportStatus.KLAAR)
    if not take_over:
        claim = claim.exclude(status=RapportStatus.BEZIG, started_at__gt=now - STALE_AFTER)
    return claim.update(status=RapportStatus.BEZIG, started_at=now) == 1


def rapport_render(
    *, rapport_id: int, now=None, take_over: bool = False
) -> EvaluatieRapport | None:
    """Render and store one PDF version, unless it is already there (a task may run twice).

    The file goes through Django's storage with its SHA-256. A version that is KLAAR is never
    rendered again, so the final PDF of a vastgesteld evaluation never changes. Database
    trouble is raised for the task to retry; anything else marks the version MISLUKT.
    `take_over`: the run that marked the version BEZIG is known to be dead (its task came
    back after its worker process was killed), so this run renders without waiting.
    """
    now = now or timezone.now()
    rapport = EvaluatieRapport.objects.select_related("evaluatie").filter(pk=rapport_id).first()
    if rapport is None or rapport.status == RapportStatus.KLAAR:
        return rapport
    if not _claim(rapport, now, take_over=take_over):
        return rapport
    rapport.started_at = now  # this run's start, not that of a dead run it took over from
    try:
        pdf = evaluatie_pdf(rapport.evaluatie, now=now, version=rapport.version)
    except OperationalError:
        raise
    except Exception:  # a bug must not leave the page saying "bezig" forever
        logger.exception("Evaluatierapport %s is mislukt", rapport_id)
        return rapport_fail(
            rapport=rapport,
            message=_("Het maken van de pdf is mislukt. Probeer het later opnieuw of meld het."),
        )
    rapport.file.save(rapport.file_name, ContentFile(pdf), save=False)
    rapport.sha256 = hashlib.sha256(pdf).hexdigest()
    rapport.size = len(pdf)
    rapport.status = RapportStatus.KLAAR
    rapport.started_at = rapport.started_at or now
    rapport.finished_at = timezone.now()
    rapport.message = ""
    rapport.save(
        update_fields=["file", "sha256", "size", "status", "started_at", "finished_at", "message"]
    )
    return rapport


def rapport_fail(*, rapport: EvaluatieRapport, message: str) -> EvaluatieRapport:
    rapport.status = RapportStatus.MISLUKT
    rapport.message = message
    rapport.finished_at = timezone.now()
    rapport.save(update_fields=["status", "message", "finished_at"])
    return rapport


def rapporten_waiting(*, now=None) -> list[int]:
    """Versions nobody works on: queued a while ago (the broker was down) or BEZIG for
    longer than STALE_AFTER (their worker died)."""
    from django.db.models import Q

    now = now or timezone.now()
    waiting = Q(status=RapportStatus.WACHTEND, created_at__lt=now - WAITING_AFTER)
    stale = Q(status=RapportStatus.BEZIG, started_at__lt=now - STALE_AFTER)
    return list(
        EvaluatieRapport.objects.filter(waiting | stale)
        .order_by("created_at")
        .values_list("pk", flat=True)
    )
