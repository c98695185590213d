"""Small pieces the werkruimte views share."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Paginator

PER_PAGE = 50


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on its field when the form has one."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for field, messages in error.message_dict.items():
        target = field if field in form.fields and field != NON_FIELD_ERRORS else None
        form.add_error(target, messages)


def paginate(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("pagina"))
