from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project package as an app: site-wide views, tasks and the seed_demo command."""

    name = "hilversum_eenzaamheid"
    verbose_name = _("Portaal")
