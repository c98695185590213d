"""Renders a form field's widget with the classes and ARIA links the form layout needs."""

from django import forms, template

register = template.Library()


def describedby(field) -> str:
    """Ids of the field's hint and error texts, as the templates write them."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hulp")
    if field.errors:
        ids.append(f"{field.auto_id}-fout")
    return " ".join(ids)


@register.simple_tag
def widget(field, extra_class=""):
    """The input itself, with Bootstrap's classes, aria-describedby and aria-invalid."""
    base = "form-select" if isinstance(field.field.widget, forms.Select) else "form-control"
    if isinstance(field.field.widget, forms.CheckboxInput):
        base = "form-check-input"
    classes = [base, extra_class, "is-invalid" if field.errors else ""]
    attrs = {"class": " ".join(c for c in classes if c)}
    if describedby(field):
        attrs["aria-describedby"] = describedby(field)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def field_describedby(field) -> str:
    return describedby(field)
