from django.conf import settings


def broker_state() -> str:
    """ "eager" without a broker, else "ok" or "unavailable" after one short connection try."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from .celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)
    except Exception:  # any failure means the broker is not usable
        return "unavailable"
    return "ok"
