"""The mirror's content: stored pages, each served at its real URL (host, path and query).

Pages come from the registry's fixture folders (crawlers/mirror/stored.py); the mirror renders
nothing of its own. A page stored with a query string answers exactly that query (its parameters
in any order); a page stored without one answers every query of its path. Tests edit a served
page in place with `edit` (new bytes, new ETag, later Last-Modified) and read `today`, `urls()`
and `page()`.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Callable
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from futurewatch.core.config import SOURCE_TIMEZONE

TZ = ZoneInfo(SOURCE_TIMEZONE)
HTML_UTF8 = "text/html; charset=utf-8"


@dataclass
class Page:
    body: bytes
    content_type: str = HTML_UTF8
    status: int = 200
    headers: dict = field(default_factory=dict)
    validators: bool = False  # send ETag / Last-Modified and answer conditional GETs with 304
    last_modified: datetime | None = None
    fault: str | None = None  # timeout | truncated | oversized (the server acts these out)
    size: int = 0  # the announced size of an oversized body

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'

    @property
    def last_modified_http(self) -> str | None:
        if self.last_modified is None:
            return None
        return format_datetime(self.last_modified.astimezone(timezone.utc), usegmt=True)

    @property
    def charset(self) -> str:
        _, _, charset = self.content_type.lower().partition("charset=")
        return charset.split(";")[0].strip() or "utf-8"


@dataclass
class StoredPage:
    url: str  # as served today (dates moved, see crawlers/mirror/dates.py)
    source_id: str
    kind: str  # page | listing | attachment
    page: Page
    folder: str = "mirror"  # where it was stored: mirror, mirror/faults, constructed, real, "" or captures


Route = Callable[[dict, "MirrorSite"], Page]


def query_key(query: dict) -> tuple:
    """A query as the server parses it (blank values dropped), order-free."""
    return tuple(sorted(query.items()))


def url_parts(url: str) -> tuple[str, str, tuple]:
    parts = urlsplit(url)
    return parts.hostname or "", parts.path or "/", query_key({k: v[-1] for k, v in parse_qs(parts.query).items()})


class PathRoute:
    """Every stored page of one path: by exact query, else the page stored without a query."""

    def __init__(self):
        self.by_query: dict[tuple, Page] = {}

    def __call__(self, query: dict, site: "MirrorSite") -> Page:
        page = self.by_query.get(query_key(query)) or self.by_query.get(())
        return page or not_found()


class MirrorSite:
    def __init__(self, today: date | None = None, *, faults: bool = False):
        self.today = today or datetime.now(TZ).date()
        self.faults = faults
        self.pages: dict[str, StoredPage] = {}  # url as served → page
        self.routes: dict[tuple[str, str], Route] = {}
        self.lock = threading.Lock()

    def add(self, stored: StoredPage, *, replace: bool = False) -> bool:
        """Serve a page at its URL; an already served URL is kept unless replace. True if added."""
        host, path, query = url_parts(stored.url)
        route = self.routes.get((host, path))
        if not isinstance(route, PathRoute):
            route = self.routes[(host, path)] = PathRoute()
        if query in route.by_query and not replace:
            return False
        route.by_query[query] = stored.page
        self.pages[stored.url] = stored
        return True

    def add_route(self, host: str, path: str, route: Route) -> None:
        self.routes[(host, path)] = route

    def lookup(self, host: str, path: str) -> Route | None:
        return self.routes.get((host, path))

    def page(self, url: str) -> Page:
        """The page served at url (query included) right now."""
        host, path, query = url_parts(url)
        route = self.lookup(host, path)
        return route(dict(query), self) if route else not_found()

    def urls(self, source_id: str | None = None, kind: str | None = None, folder: str | None = None) -> list[str]:
        """URLs served (as of today), optionally of one source, kind and fixtures subfolder."""
        return sorted(u for u, s in self.pages.items() if (source_id is None or s.source_id == source_id)
                      and (kind is None or s.kind == kind) and (folder is None or s.folder == folder))

    def edit(self, url: str, old: str, new: str) -> None:
        """Replace every `old` with `new` in the page at url (in the page's charset): new bytes,
        new ETag, a later Last-Modified. Fails if `old` is not on the page."""
        with self.lock:
            page = self.pages[url].page
            before, after = old.encode(page.charset), new.encode(page.charset)
            if before not in page.body:
                raise ValueError(f"{old!r} is not on {url}")
            page.body = page.body.replace(before, after)
            page.last_modified = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=1)


def not_found(message: str = "404 Not Found") -> Page:
    body = f"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>{message}</h1></body></html>\n"
    return Page(body.encode(), status=404)
