"""Database sessions that ignore a session cookie Django could never have written.

Django's own check lets any key of eight or more characters through to the database, and
PostgreSQL refuses text with a NUL byte: a forged `sessionid` cookie then made every page a
500. Keys Django makes are 32 lowercase letters and digits; anything else is treated as no
session at all, without a query.
"""

import re

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

SESSION_KEY = re.compile(r"[a-z0-9]{32}")


class SessionStore(DatabaseSessionStore):
    def _validate_session_key(self, key):
        return isinstance(key, str) and SESSION_KEY.fullmatch(key) is not None
