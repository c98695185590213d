"""WeasyPrint for the portal's PDFs (the aanbod folder, the monitoring evaluation).

WeasyPrint is imported inside the functions: it is slow to load and only workers and the PDF
views need it. Documents may only use the portal's own static files: the fetcher reads them from
disk and refuses everything else, so a PDF never makes a network request or reads a file outside
static.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation


def static_files_fetcher(base_url: str):
    """A WeasyPrint URL fetcher for the static files under `base_url` + STATIC_URL only."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    static_prefix = urljoin(base_url, settings.STATIC_URL)

    class StaticFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(static_prefix):
                raise ValueError(f"A PDF may only use the portal's static files: {url}")
            name = unquote(urlsplit(url).path).removeprefix(urlsplit(static_prefix).path)
            try:
                path = finders.find(name)
            except SuspiciousFileOperation:
                path = None
            if not path:
                raise ValueError(f"No such static file: {name}")
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, Path(path).read_bytes(), {"Content-Type": content_type})

    return StaticFilesOnly()


def html_document(html: str, base_url: str):
    """The WeasyPrint HTML document of `html`, its relative links resolved against `base_url`
    (never fetched: a base for the static files only)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url, url_fetcher=static_files_fetcher(base_url))
