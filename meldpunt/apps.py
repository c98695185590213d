from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class MeldpuntConfig(AppConfig):
    name = "meldpunt"
    verbose_name = _("Meldpunt")

    def ready(self):
        from .models import Buurtteam, BuurtteamWijk
        from .routing import teams_forget

        for model in (Buurtteam, BuurtteamWijk):
            for name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(
                    teams_forget, sender=model, dispatch_uid=f"teams_{name}_{model.__name__}"
                )
        m2m_changed.connect(teams_forget, sender=Buurtteam.wijken.through, dispatch_uid="teams_m2m")
