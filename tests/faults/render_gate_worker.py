"""A Celery worker of the project whose PDF rendering and GGD import stop at a gate, for the
fault tests only.

Run as `python -m tests.faults.render_gate_worker worker …`. Before WeasyPrint starts, and once
an import has marked its batch BEZIG, the process writes its pid to $FAULTS_RENDER_STARTED and
waits until $FAULTS_RENDER_GATE exists. A test can so kill the process at a known point in the
middle of a render or an import, with no hook in the portal's code. Prefork children are forked
from this process and wait the same way.
"""

import os
import sys
import time
from pathlib import Path

import django


def main() -> None:
    django.setup()
    from hilversum_eenzaamheid.celery import app
    from monitoring import rapport
    from monitoring.importer import GgdImporter

    started = Path(os.environ["FAULTS_RENDER_STARTED"])
    gate = Path(os.environ["FAULTS_RENDER_GATE"])
    render_pdf, import_run = rapport.render_pdf, GgdImporter.run

    def wait_at_the_gate() -> None:
        started.write_text(str(os.getpid()))
        while not gate.exists():
            time.sleep(0.05)

    def render_pdf_at_the_gate(html: str) -> bytes:
        wait_at_the_gate()
        return render_pdf(html)

    def import_run_at_the_gate(self, stream):
        wait_at_the_gate()
        return import_run(self, stream)

    rapport.render_pdf = render_pdf_at_the_gate
    GgdImporter.run = import_run_at_the_gate
    import weasyprint  # noqa: F401  loaded once here, not again in every forked pool process

    app.worker_main(sys.argv[1:])


if __name__ == "__main__":
    main()
