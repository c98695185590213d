"""The Celery application: configuration from Django settings (CELERY_*), tasks autodiscovered."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hilversum_eenzaamheid.settings")

app = Celery("hilversum_eenzaamheid")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
