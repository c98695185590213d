"""Sending hostile requests with Django's test client, and what to check in the answers."""

from collections.abc import Iterable
from urllib.parse import quote, urlsplit

from django.test import Client

from .corpus import HostileInput, english_messages_in, problems_with
from .targets import ERROR_SUMMARY

FORM_TYPE = "application/x-www-form-urlencoded"


def client(**kwargs) -> Client:
    """A fresh client per request: no session, login or lock-out carries over."""
    return Client(raise_request_exception=False, **kwargs)


def body_with(valid: dict, hostile: HostileInput | None, fields: Iterable[str]) -> str:
    """An urlencoded body: `valid`, with the hostile input in each of `fields`."""
    chosen = set(fields)
    pairs = []
    for name, value in valid.items():
        if hostile is not None and name in chosen:
            pairs.append(hostile.encoded(name))
        else:
            pairs.append(f"{quote(name)}={quote(str(value), safe='')}")
    return "&".join(pairs)


def query_with(parameters: Iterable[str], hostile: HostileInput) -> str:
    return "?" + "&".join(hostile.encoded(name) for name in parameters)


def location_problems(response) -> list[str]:
    """A redirect must stay on the portal, whatever `next` said."""
    location = response.get("Location")
    if not location:
        return []
    parts = urlsplit(location)
    if parts.netloc not in ("", "testserver") or location.startswith(("//", "/\\")):
        return [f"redirects away from the portal: {location[:100]!r}"]
    if parts.scheme not in ("", "http", "https"):
        return [f"redirects to a {parts.scheme}: address"]
    return []


def form_answer_problems(response, hostile: HostileInput | None, first_field: str) -> list[str]:
    """No 500, nothing reflected, no English, no redirect away; a form shown again after a
    post shows what went wrong at the top."""
    found = problems_with(response, hostile) + location_problems(response)
    found += [f"English message: {m}" for m in english_messages_in(response)]
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        body = response.content.decode("utf-8", "replace")
        if f'name="{first_field}"' in body and ERROR_SUMMARY not in body:
            found.append("form shown again without the error summary")
    return found
