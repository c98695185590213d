from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitieConfig(AppConfig):
    name = "coalitie"
    verbose_name = _("Coalitie")
