"""Log lines of the portal: JSON in production, text locally, never with personal data.

`settings.LOGGING` puts two filters and one of the formatters below on the console handler:

- `ContextFilter` adds the id of the request being served (set by `RequestIdMiddleware`), or in
  a Celery task that task's id, so every line of one request or task can be found together.
- `PersonalDataFilter` masks e-mail addresses and Dutch phone numbers. It is a safety net: the
  code logs ids, never what people typed, but an error text (a mail server refusing an address)
  can still carry one.

Only the standard library: one `json.dumps` per line needs no extra dependency.
"""

import json
import logging
import re
from contextvars import ContextVar
from datetime import UTC, datetime

from celery import current_task

# The id of the request this thread or task is serving; None outside a request.
request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

# Bounded repeats (RFC 5321 lengths) keep the match linear on hostile input such as "a@" * 10_000.
EMAIL = re.compile(
    r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,10}\.[A-Za-z]{2,24}"
)
# 06-12345678, 035 123 45 67, (035) 1234567, +31 6 1234 5678, 0031612345678: a national 0 or
# the country code 31, then nine digits with at most two separators between two digits. The
# boundaries keep hex ids, uuids and long numbers of other kinds intact.
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|\(?0)[1-9](?:[ .)/-]{0,2}[0-9]){8}(?!\w)"
)
EMAIL_MASK = "[email]"
PHONE_MASK = "[phone]"

# Attributes every LogRecord has; anything else on a record came in through `extra=`.
_STANDARD_RECORD = logging.LogRecord("", logging.INFO, "", 0, "", None, None)
_OURS = {"message", "asctime", "request_id", "task_id", "task_name", "context_id"}
_RECORD_ATTRIBUTES = frozenset(vars(_STANDARD_RECORD)) | _OURS
_SCALARS = (str, int, float, bool, type(None))


def mask_personal_data(text: str) -> str:
    """The text with e-mail addresses and Dutch phone numbers replaced by placeholders."""
    return PHONE.sub(PHONE_MASK, EMAIL.sub(EMAIL_MASK, text))


def _current_task_ids() -> tuple[str | None, str | None]:
    if not current_task:  # a proxy: false outside a task (eager tasks count as inside)
        return None, None
    task_id = current_task.request.id
    return (task_id, current_task.name) if task_id else (None, None)


class ContextFilter(logging.Filter):
    """Add `request_id`, or `task_id` and `task_name` inside a Celery task, to each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.task_id, record.task_name = _current_task_ids()
        record.context_id = record.request_id or record.task_id or "-"
        return True


class PersonalDataFilter(logging.Filter):
    """Mask e-mail addresses and phone numbers in the message, the traceback and the extras."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it to the handler's error report
            return True
        record.msg, record.args = mask_personal_data(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        for name, value in list(vars(record).items()):
            if name not in _RECORD_ATTRIBUTES and isinstance(value, str):
                setattr(record, name, mask_personal_data(value))
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request or task id, extras.

    Extras that are not plain values are left out: Django attaches the request object to
    its records, and its text would carry the query string.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in ("request_id", "task_id", "task_name"):
            value = getattr(record, name, None)
            if value:
                entry[name] = value
        for name, value in vars(record).items():
            if name not in _RECORD_ATTRIBUTES and isinstance(value, _SCALARS):
                entry.setdefault(name, value)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """Readable lines for a developer's terminal, with the request or task id in brackets."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(context_id)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, "context_id"):  # a handler without the ContextFilter
            record.context_id = "-"
        return super().format(record)
