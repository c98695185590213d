"""Who may see and change the programme's pages in the werkruimte (/werkruimte/pijlers/): the
kartrekker edits, the kerngroep reads, others get a 403 (hilversum_eenzaamheid/permissions.py)."""

from hilversum_eenzaamheid.permissions import (
    may_edit_programme as may_edit,
)
from hilversum_eenzaamheid.permissions import (
    may_read_programme as may_read,
)
from hilversum_eenzaamheid.permissions import programme_views

__all__ = ["edit_required", "may_edit", "may_read", "read_required"]

# Templates learn from request.pijlers_edit what to offer.
read_required, edit_required = programme_views("pijlers_edit")
