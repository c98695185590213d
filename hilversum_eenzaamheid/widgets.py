from django import forms


class FirstOptionMixin:
    """Error-summary links point at the first option of a group (Django gives groups no id)."""

    def id_for_label(self, id_, index=None):
        return f"{id_}_0" if id_ and index is None else super().id_for_label(id_, index)


class Radios(FirstOptionMixin, forms.RadioSelect):
    pass


class Checkboxes(FirstOptionMixin, forms.CheckboxSelectMultiple):
    pass
