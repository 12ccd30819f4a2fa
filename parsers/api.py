"""parse_page: raw bytes + URL → Document, for the CLI, `process` and the benchmarks.

Bad input never raises: empty, binary, script-only, oversized or too-slow pages come back as
a Document flagged is_empty with a one-line `error`. A field the site parser misses (title, text,
published_at) is filled by the generic path and named in `doc.drift`. A 404/WAF/login page served
with status 200 comes back with `not_article` set (parsers/errorpage.py).
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from contextlib import contextmanager
from datetime import datetime

from futurewatch.core.textnorm import detect_lang
from parsers import dedup, generic, policy_meta
from parsers.base import Page
from parsers.document import Document
from futurewatch.core.encoding import decode_html, looks_binary
from parsers.errorpage import is_short, not_an_article
from parsers.html import build_tree, select_first, text_of
from parsers.registry import publisher_for

log = logging.getLogger(__name__)

MAX_PAGE_BYTES = 8 * 1024 * 1024  # larger bodies are not article pages
FALLBACK_FIELDS = ("title", "text", "published_at")  # a site parser's miss here is filled by the generic path
PAGE_TIME_LIMIT = 10.0  # seconds per page (enforced where signals are available)


class PageTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    """SIGALRM-based limit in the main thread; elsewhere (Airflow workers' threads) the size cap guards."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def _expire(signum, frame):
        raise PageTimeout(f"parsing took longer than {seconds:g}s")

    outer = signal.getitimer(signal.ITIMER_REAL)[0]  # e.g. Airflow's execution_timeout
    if outer and outer <= seconds:
        yield  # the outer alarm fires first anyway; leave it alone
        return
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # give the outer timer back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))


def empty_document(url: str, source_id: str, parser: str, error: str) -> Document:
    return Document(url=url, source_id=source_id, parser=parser, canonical_url=dedup.canonical_url(url),
                    is_empty=True, error=error)


def page_rejection(body: bytes) -> str | None:
    """Why these bytes cannot be an HTML page (empty, too large, binary), or None."""
    if not body or not body.strip():
        return "empty page"
    if len(body) > MAX_PAGE_BYTES:
        return f"page too large ({len(body)} bytes > {MAX_PAGE_BYTES})"
    if looks_binary(body):
        return "binary data, not an HTML page"
    return None


def parse_page(body: bytes, url: str, *, source_id: str | None = None, fetched_at: datetime | None = None,
               hints: dict | None = None, header_charset: str | None = None) -> Document:
    """Parse one fetched page with the parser valid at `fetched_at` (site parser, else generic)."""
    pub = publisher_for(source_id, url)
    sid = pub.source_id if pub else (source_id or "generic")
    parser_cls = pub.parser_for(fetched_at) if pub else generic.V1
    if reason := page_rejection(body):
        return empty_document(url, sid, parser_cls.name(), reason)
    fetched_at = fetched_at or datetime.now().astimezone()
    try:
        with time_limit(PAGE_TIME_LIMIT):
            doc = _run_parser(parser_cls, body, url, sid, fetched_at, hints or {}, header_charset)
    except PageTimeout as exc:
        log.warning("source_id=%s url=%s: %s", sid, url, exc)
        return empty_document(url, sid, parser_cls.name(), str(exc))
    return doc


def _run_parser(parser_cls, body, url, sid, fetched_at, hints, header_charset) -> Document:
    decoded = decode_html(body, header_charset)
    tree = build_tree(decoded.text)
    if tree is None:
        return empty_document(url, sid, parser_cls.name(), "no HTML markup")
    page = Page(url=url, html=decoded.text, tree=tree, fetched_at=fetched_at, hints=hints)
    doc = (parser_cls(page, sid) if parser_cls is generic.V1 else parser_cls(page)).parse()
    if parser_cls is not generic.V1:
        fill_from_generic(doc, decoded.text, page)
    doc.canonical_url = dedup.canonical_url(url)
    doc.lang = detect_lang(doc.title + doc.text)
    if reason := _not_an_article(tree, doc, decoded.text):
        doc.not_article, doc.is_empty, doc.error = reason, True, f"not an article ({reason})"
        doc.drift = []  # a notice page says nothing about the site parser's selectors
    elif not doc.text.strip():
        doc.is_empty = True
        doc.error = doc.error or "no body text found"
    if doc.drift:
        log.warning("source_id=%s url=%s: parser %s missed %s; filled by the generic path (drift)",
                    doc.source_id, url, doc.parser, ", ".join(doc.drift))
    doc.policy = policy_meta.complete_policy(doc)
    return doc


def _not_an_article(tree, doc: Document, html: str) -> str | None:
    titles = f"{text_of(select_first(tree, 'title'))}\n{doc.title}"
    visible = text_of(tree.find("body"))[:5000] if is_short(doc.text) else ""  # only read when needed
    return not_an_article(titles, doc.text, visible, html)


def fill_from_generic(doc: Document, html: str, page: Page) -> None:
    """Fields the site parser missed, taken from the generic path; each miss is noted as drift."""
    missing = [name for name in FALLBACK_FIELDS if not getattr(doc, name)]
    if not missing:
        return
    fresh = Page(url=page.url, html=html, tree=build_tree(html), fetched_at=page.fetched_at, hints=page.hints)
    backup = generic.V1(fresh, doc.source_id).parse()
    for name in missing:
        if getattr(backup, name):
            setattr(doc, name, getattr(backup, name))
            doc.drift.append(name)
