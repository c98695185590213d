"""Who may see and change the coalition's pages in the werkruimte.

The kartrekker edits and the kerngroep reads (hilversum_eenzaamheid/permissions.py). Only the
kartrekker sees the e-mail addresses and phone numbers of contact persons and the join
requests. Every other role (aanbieder, buurtteam, meldpunt-coördinator) gets a 403: the
coalition's contacts are not theirs to see.
"""

from hilversum_eenzaamheid.permissions import (
    may_edit_programme as may_edit,
)
from hilversum_eenzaamheid.permissions import (
    may_read_programme as may_read,
)
from hilversum_eenzaamheid.permissions import programme_views

__all__ = ["edit_required", "may_edit", "may_read", "may_see_contact_details", "read_required"]

# Templates learn from request.coalitie_edit what to show.
read_required, edit_required = programme_views("coalitie_edit")


def may_see_contact_details(user) -> bool:
    """E-mail and phone of contact persons, and join requests: the kartrekker's only."""
    return may_edit(user)
