"""The hostile-input corpus (hostile_inputs.yaml) and the checks every answer to it must pass."""

import re
import traceback
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import quote

import yaml

CORPUS_FILE = Path(__file__).with_name("hostile_inputs.yaml")

# gunicorn refuses a request line (path and query string) over 4094 bytes, so longer values
# never reach the portal in an address; 10,000 also covers a server with a larger limit. The
# longer values are still sent in form bodies.
MAX_QUERY_VALUE_LENGTH = 10_000

# Django's own messages in English: seeing one means a person got an untranslated error.
ENGLISH_MESSAGES = (
    "This field is required",
    "Enter a valid",
    "Ensure this value",
    "Select a valid choice",
    "Null characters are not allowed",
    "CSRF verification failed",
    "Bad Request",
    "Server Error",
)


@dataclass(frozen=True)
class HostileInput:
    """One entry: `values` are sent for one parameter (several for a repeated parameter), or
    `raw` is put into the query string or form body as it is (already percent-encoded)."""

    id: str
    kind: str
    values: tuple[str, ...] = ()
    raw: str | None = None

    @property
    def text(self) -> str:
        """All values as one text, for the reflection check."""
        return "".join(self.values)

    def encoded(self, name: str) -> str:
        """`name=value` pairs for a query string or an urlencoded body."""
        if self.raw is not None:
            return f"{quote(name)}={self.raw}"
        return "&".join(f"{quote(name)}={quote(value, safe='')}" for value in self.values)

    @property
    def segment(self) -> str:
        """The input as one part of an address path (between two slashes)."""
        return self.raw if self.raw is not None else quote(self.text, safe="")

    @property
    def fits_in_a_query_string(self) -> bool:
        return sum(len(v) for v in self.values) <= MAX_QUERY_VALUE_LENGTH


@dataclass(frozen=True)
class HostileRequest:
    """A whole-request trick for a form (see the `requests:` section of the corpus)."""

    id: str
    spec: dict = field(hash=False, compare=False)


def _text(entry: dict) -> str:
    if "repeat" in entry:
        return entry["repeat"] * int(entry["times"])
    return str(entry["value"])


def _input(entry: dict) -> HostileInput:
    if "raw" in entry:
        return HostileInput(entry["id"], entry["kind"], raw=entry["raw"])
    if "values" in entry:
        values = tuple(str(v) for v in entry["values"]) * int(entry.get("times", 1))
        return HostileInput(entry["id"], entry["kind"], values=values)
    return HostileInput(entry["id"], entry["kind"], values=(_text(entry),))


@cache
def _load() -> dict:
    with CORPUS_FILE.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


@cache
def hostile_inputs() -> tuple[HostileInput, ...]:
    return tuple(_input(entry) for entry in _load()["inputs"])


@cache
def hostile_requests() -> tuple[HostileRequest, ...]:
    return tuple(HostileRequest(entry["id"], entry) for entry in _load()["requests"])


@cache
def hostile_cookies() -> tuple[tuple[str, ...], tuple[HostileInput, ...]]:
    section = _load()["cookies"]
    values = tuple(
        HostileInput(entry["id"], "cookie", values=(_text(entry),)) for entry in section["values"]
    )
    return tuple(section["names"]), values


# A tag as a browser would parse it: "<" followed by a letter, "/", "!" or "?".
_TAG = re.compile(r"<[A-Za-z/!?]")


def _body(response) -> str:
    content = b"" if getattr(response, "streaming", False) else response.content
    return content.decode("utf-8", "replace")


def problems_with(response, hostile: HostileInput | None = None) -> list[str]:
    """What is wrong with the answer to a hostile request: a 500, or markup that came back
    unescaped. An empty list means the answer is fine."""
    problems = []
    if response.status_code >= 500:
        exc_info = getattr(response, "exc_info", None)
        trace = "".join(traceback.format_exception(*exc_info)) if exc_info else ""
        problems.append(f"HTTP {response.status_code}\n{trace[-1500:]}")
    if "html" not in response.get("Content-Type", ""):
        return problems
    body = _body(response)
    if "<script>alert" in body.lower():
        problems.append("'<script>alert' came back unescaped")
    if hostile is not None:
        for value in set(hostile.values):
            if _TAG.search(value) and len(value) > 3 and value in body:
                problems.append(f"markup came back unescaped: {value[:80]!r}")
            if value.lower().startswith("javascript:") and f'href="{value}' in body:
                problems.append("a javascript: link came back")
    return problems


def english_messages_in(response) -> list[str]:
    """Django's English messages on a page meant for Dutch readers."""
    if "html" not in response.get("Content-Type", ""):
        return []
    body = _body(response)
    return [message for message in ENGLISH_MESSAGES if message in body]


def describe(label: str, hostile_id: str, found: list[str]) -> str:
    return f"{label} with {hostile_id}: " + "; ".join(found)
