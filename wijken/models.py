from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Wijk(models.Model):
    """A district of Hilversum as CBS counts it (code WK0402xx)."""

    code = models.CharField(
        _("CBS-code"),
        max_length=8,
        unique=True,
        validators=[RegexValidator(r"^WK0402\d{2}$", _("Een wijkcode ziet eruit als WK040201."))],
    )
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name
