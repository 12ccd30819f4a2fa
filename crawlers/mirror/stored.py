"""Stored pages → the mirror's routes. One format for every page the mirror serves:

    <stem>.meta.json   {"url", "crawl_date" (or "fetched_at"), "kind": page | listing | attachment,
                        "content_type", "file" (default <stem>.html.gz), "moves_with_today",
                        optional "status", "headers" {"Location": …}, "fault", "size", "origin"}
    <stem>.html.gz     the body, gzipped (or the file the meta names: .json.gz, .pdf.gz …)

A source's `fixtures` folder (crawlers/sources.yaml) is read in this order, the first page stored
for a URL winning: mirror/ (the site as the mirror serves it: listings, APIs, articles,
attachments), then the folder itself, constructed/ and real/ (the parser cases). With faults on,
mirror/faults/ replaces pages and adds the fault pages (crawlers/mirror/__init__.py lists them).
Real captures (scripts/capture_fixtures.py) replace everything at their URLs.

A page with "moves_with_today" is served as if fetched today (crawlers/mirror/dates.py); the
others are served byte for byte at the URL they were stored under.
"""

from __future__ import annotations

import gzip
import json
import logging
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

from crawlers.mirror.dates import TZ, shift_bytes
from crawlers.mirror.site import HTML_UTF8, MirrorSite, Page, StoredPage

log = logging.getLogger(__name__)
XML_SUFFIXES = (".xml", ".xml.gz", ".rss", ".atom")
TEXT_TYPES = ("text/", "json", "xml", "javascript")
FIXTURE_FOLDERS = ("mirror", "", "constructed", "real")
FAULTS_FOLDER = "mirror/faults"
MAX_PAGE_BYTES = 32 * 1024 * 1024  # a stored body is at most a few MB; an oversized fault announces its size


def _header(headers: dict, name: str) -> str | None:
    for key, value in (headers or {}).items():
        if key.lower() == name.lower():
            return value[0] if isinstance(value, list) and value else value
    return None


def _content_type(meta: dict, body_file: Path) -> str:
    declared = meta.get("content_type") or _header(meta.get("headers"), "Content-Type")
    if declared:
        return declared
    if body_file.name.endswith(XML_SUFFIXES):
        return "application/xml; charset=utf-8"
    return "text/html" if body_file.name.endswith(".gz") else HTML_UTF8  # gz pages: the parser sniffs the charset


def _stored_at(meta: dict) -> datetime | None:
    stamp = meta.get("crawl_date") or meta.get("fetched_at")
    return datetime.fromisoformat(stamp) if stamp else None


def read_page(meta_path: Path, today: date) -> tuple[str, str, Page]:
    """(url as served today, kind, Page) of one stored page; raises OSError/ValueError/KeyError."""
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    body_file = meta_path.parent / meta.get("file", meta_path.name.removesuffix(".meta.json") + ".html.gz")
    if body_file.stat().st_size > MAX_PAGE_BYTES:
        raise ValueError(f"body over {MAX_PAGE_BYTES} bytes")
    raw = body_file.read_bytes()
    body = gzip.decompress(raw) if body_file.name.endswith(".gz") else raw
    if len(body) > MAX_PAGE_BYTES:
        raise ValueError(f"body over {MAX_PAGE_BYTES} bytes")
    content_type, url, kind = _content_type(meta, body_file), meta["url"], meta.get("kind", "page")
    stored_at = _stored_at(meta)
    location = _header(meta.get("headers"), "Location")
    if meta.get("moves_with_today") and stored_at:
        stored_on = stored_at.astimezone(TZ).date()
        url = shift_bytes(url.encode(), stored_on, today).decode()
        location = shift_bytes(location.encode(), stored_on, today).decode() if location else None
        if any(t in content_type.lower() for t in TEXT_TYPES):
            body = shift_bytes(body, stored_on, today, Page(b"", content_type).charset)
    page = Page(body, content_type=content_type, status=int(meta.get("status", 200)),
                headers={"Location": location} if location else {}, validators=kind == "page" and not meta.get("fault"),
                last_modified=stored_at, fault=meta.get("fault"), size=int(meta.get("size", 0)))
    return url, kind, page


def stored_pages(folder: Path, today: date) -> Iterator[tuple[str, str, Page]]:
    """(url, kind, Page) for every stored page directly in folder; a broken one is logged and skipped."""
    for meta_path in sorted(folder.glob("*.meta.json")):
        try:
            yield read_page(meta_path, today)
        except (OSError, ValueError, KeyError, EOFError) as exc:
            log.warning("mirror: skipping stored page %s: %s", meta_path, exc)


def source_pages(root: Path | None, today: date, *, faults: bool = False) -> Iterator[tuple[str, StoredPage]]:
    """(subfolder, page) for every stored page of a source's fixtures folder, in serving order."""
    if root is None or not root.is_dir():
        return
    for sub in FIXTURE_FOLDERS + ((FAULTS_FOLDER,) if faults else ()):
        for url, kind, page in stored_pages(root / sub, today):
            yield sub, StoredPage(url, root.name, kind, page, sub)


def load_sources(site: MirrorSite, sources) -> int:
    """Serve every stored page of each source's fixtures folder; returns how many were added."""
    added = 0
    for config in sources:
        for sub, stored in source_pages(config.fixtures_dir(), site.today, faults=site.faults):
            stored.source_id = config.source_id
            added += site.add(stored, replace=sub == FAULTS_FOLDER)
    return added


def load_folder(site: MirrorSite, source_id: str, folder: Path, *, replace: bool = False,
                label: str = "captures") -> int:
    """Serve every stored page directly in folder as the source's; returns how many were added."""
    return sum(site.add(StoredPage(url, source_id, kind, page, label), replace=replace)
               for url, kind, page in stored_pages(folder, site.today))


def load_captures(site: MirrorSite, folder: Path) -> int:
    """Real captures in folder/<source_id>/ (scripts/capture_fixtures.py) replace stored pages."""
    return sum(load_folder(site, sub.name, sub, replace=True) for sub in sorted(folder.iterdir()) if sub.is_dir())
