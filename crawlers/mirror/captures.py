"""Real captures (written by scripts/capture_fixtures.py) served by the mirror at their real
paths, in place of the reconstructed pages. A capture replaces the route for its path (for a
list with a query string, every query of that path gets the captured list)."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

from crawlers.mirror.site import MirrorSite, Page

log = logging.getLogger(__name__)
CAPTURES_DIR = Path(__file__).with_name("captures")


def _content_type(headers: dict) -> str:
    for key, values in headers.items():
        if key.lower() == "content-type" and values:
            return values[0]
    return "application/octet-stream"


def load_captures(site: MirrorSite, folder: Path = CAPTURES_DIR) -> int:
    """Add a route per capture found under folder/<source>/; returns how many were added."""
    added = 0
    for meta_path in sorted(folder.glob("*/*.meta.json")):
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = gzip.decompress((meta_path.parent / meta["file"]).read_bytes())
        except (OSError, ValueError, KeyError) as exc:
            log.warning("mirror: skipping capture %s: %s", meta_path, exc)
            continue
        parts = urlsplit(meta["url"])
        page = Page(body, content_type=_content_type(meta.get("headers") or {}), status=int(meta.get("status", 200)),
                    validators=meta.get("kind") != "listing")
        site.add_route(parts.hostname, parts.path or "/", lambda q, s, page=page: page)
        added += 1
    return added
