"""A Celery worker of the project whose PDF rendering stops at a gate, for the fault tests only.

Run as `python -m tests.faults.render_gate_worker worker …`. Before WeasyPrint starts, the
rendering process writes its pid to $FAULTS_RENDER_STARTED and waits until $FAULTS_RENDER_GATE
exists. A test can so kill the process at a known point in the middle of a render, with no hook
in the portal's code. Prefork children are forked from this process and wait the same way.
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

    started = Path(os.environ["FAULTS_RENDER_STARTED"])
    gate = Path(os.environ["FAULTS_RENDER_GATE"])
    render_pdf = rapport.render_pdf

    def render_pdf_at_the_gate(html: str) -> bytes:
        started.write_text(str(os.getpid()))
        while not gate.exists():
            time.sleep(0.05)
        return render_pdf(html)

    rapport.render_pdf = render_pdf_at_the_gate
    import weasyprint  # noqa: F401  loaded once here, not again in every forked pool process

    app.worker_main(sys.argv[1:])


if __name__ == "__main__":
    main()
