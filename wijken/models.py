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


class Buurt(models.Model):
    """A neighbourhood inside a wijk (code BU0402wwbb: gemeente, wijk, buurt)."""

    code = models.CharField(
        _("CBS-code"),
        max_length=10,
        unique=True,
        validators=[
            RegexValidator(r"^BU0402\d{4}$", _("Een buurtcode ziet eruit als BU04020701."))
        ],
    )
    # The CBS postcode file carries only codes; names come later from the Wijk- en Buurtkaart.
    name = models.CharField(_("naam"), max_length=100, blank=True)
    wijk = models.ForeignKey(
        Wijk, verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="buurten"
    )

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name or self.code


class Postcode(models.Model):
    """Maps a PC6 postcode, or one house number in it, to its wijk.

    A postcode whose house numbers all lie in one wijk has a single row without huisnummer;
    a postcode split over wijken has one row per house number. The import fills this table.
    """

    postcode = models.CharField(
        _("postcode"),
        max_length=6,
        validators=[RegexValidator(r"^[1-9]\d{3}[A-Z]{2}$", _("Bijvoorbeeld 1221AB."))],
    )
    huisnummer = models.PositiveIntegerField(_("huisnummer"), null=True, blank=True)
    wijk = models.ForeignKey(
        Wijk, verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="postcodes"
    )
    buurt = models.ForeignKey(
        Buurt,
        verbose_name=_("buurt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="postcodes",
    )

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")
        ordering = ["postcode", "huisnummer"]
        # No separate index on postcode: the lookup filters on it, and it is the leading column
        # of the (postcode, huisnummer) unique index, which serves that on both databases.
        constraints = [
            # NULLs are distinct in a unique index, so the whole-postcode row needs its own rule.
            models.UniqueConstraint(
                fields=["postcode"],
                condition=models.Q(huisnummer__isnull=True),
                name="wijken_postcode_unique_without_huisnummer",
            ),
            models.UniqueConstraint(
                fields=["postcode", "huisnummer"], name="wijken_postcode_huisnummer_unique"
            ),
        ]

    def __str__(self) -> str:
        if self.huisnummer is None:
            return self.postcode
        return f"{self.postcode} {self.huisnummer}"
