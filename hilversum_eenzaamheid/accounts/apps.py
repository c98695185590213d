from django.apps import AppConfig


class AccessConfig(AppConfig):
    # Installed as an app so that Celery finds tasks.py; it has no models of its own.
    name = "hilversum_eenzaamheid.accounts"
    label = "accounts"
    verbose_name = "Inloggen"
