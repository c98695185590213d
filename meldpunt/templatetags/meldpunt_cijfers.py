from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def cel(value):
    """A suppressed count (None) reads "minder dan 5"; 0 and larger counts show as they are."""
    return _("minder dan 5") if value is None else value


@register.filter
def lookup(mapping, key):
    return mapping.get(key, 0)
