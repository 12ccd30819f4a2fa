"""Stored pages of the registry's sources, served by the mirror at their real URLs.

A source's `fixtures` folder (and its constructed/ and real/ subfolders) holds pages as
`<stem>.meta.json` (url, crawl_date, origin; optional kind and content_type) beside the body
`<stem>.html.gz` (or the file the meta names). A YAML-only source needs nothing else to be
crawled offline. Routes a site module already registered are left alone (a path is served by
one markup source), and, as for captures, a page answers every query string of its path.
"""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

from crawlers.mirror.site import HTML_UTF8, MirrorSite, Page
from futurewatch.sources import SourceConfig

log = logging.getLogger(__name__)
XML_SUFFIXES = (".xml", ".xml.gz", ".rss", ".atom")


def _content_type(meta: dict, body_file: Path) -> str:
    if meta.get("content_type"):
        return meta["content_type"]
    if body_file.name.endswith(XML_SUFFIXES):
        return "application/xml; charset=utf-8"
    return "text/html" if body_file.name.endswith(".gz") else HTML_UTF8  # gz pages: the parser sniffs the charset


def fixture_pages(folder: Path):
    """(url, Page) for every stored page under folder (itself, constructed/ and real/)."""
    for meta_path in sorted(p for sub in ("", "constructed", "real") for p in (folder / sub).glob("*.meta.json")):
        stem = meta_path.name.removesuffix(".meta.json")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body_file = meta_path.parent / meta.get("file", f"{stem}.html.gz")
            raw = body_file.read_bytes()
            body = gzip.decompress(raw) if body_file.name.endswith(".gz") else raw
        except (OSError, ValueError, KeyError, EOFError) as exc:
            log.warning("mirror: skipping fixture %s: %s", meta_path, exc)
            continue
        yield meta["url"], Page(body, content_type=_content_type(meta, body_file),
                                validators=meta.get("kind") != "listing")


def load_fixture_pages(site: MirrorSite, sources) -> int:
    """Add a route per stored page of each source; returns how many were added."""
    added = 0
    for config in sources:
        folder = config.fixtures_dir() if isinstance(config, SourceConfig) else None
        if folder is None or not folder.is_dir():
            continue
        for url, page in fixture_pages(folder):
            parts = urlsplit(url)
            if site.lookup(parts.hostname, parts.path or "/") is None:
                site.add_route(parts.hostname, parts.path or "/", lambda q, s, page=page: page)
                added += 1
    return added
