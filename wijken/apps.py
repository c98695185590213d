from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class WijkenConfig(AppConfig):
    name = "wijken"
    verbose_name = _("Wijken")

    def ready(self):
        from .models import Wijk
        from .selectors import wijken_forget

        post_save.connect(wijken_forget, sender=Wijk, dispatch_uid="wijken_forget_save")
        post_delete.connect(wijken_forget, sender=Wijk, dispatch_uid="wijken_forget_delete")
