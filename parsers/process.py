"""The process stage: raw fetches (kind='page') → documents, in batches, resumable and idempotent.

    process_pending(url, *, reparse=False, batch_size=200, on_progress=None) -> ProcessSummary

Each batch is one transaction that claims its rows with FOR UPDATE SKIP LOCKED, so two runs
never parse the same page and a crash loses at most the batch in flight. A page that fails
gets raw_fetches.process_error (one line) and processed_at, and never stops the run.
`reparse=True` walks every stored page again (through futurewatch.rawstore, no crawling) and
rewrites the versions in place with the current parsers.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Callable

from futurewatch.config import Settings
from futurewatch.db import connect
from futurewatch.rawstore import open_raw_store
from futurewatch.stats import analyze_grown
from parsers import dedup, policy_meta, policy_store, queries as q, store
from parsers.api import parse_page
from parsers.document import Document

log = logging.getLogger(__name__)
STORY_WINDOW = "180 days"
MAX_ERRORS_KEPT = 20  # the summary travels through XCom: keep it small (all errors are on the rows)  # stories older than this are not matched against new documents


@dataclass
class ProcessSummary:
    pages: int = 0
    documents_new: int = 0
    versions_new: int = 0
    unchanged: int = 0
    empty: int = 0
    not_articles: int = 0
    drifted: int = 0
    failed: int = 0
    stories_new: int = 0
    reparsed: int = 0
    min_version_id: int | None = None
    max_version_id: int | None = None
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def note_version(self, version_id: int | None) -> None:
        if version_id is None:
            return
        self.min_version_id = min(filter(None, (self.min_version_id, version_id)))
        self.max_version_id = max(filter(None, (self.max_version_id, version_id)))

    def describe(self) -> str:
        return (f"{self.pages} pages: {self.documents_new} new documents, {self.versions_new} new versions, "
                f"{self.unchanged} unchanged, {self.reparsed} reparsed, {self.empty} empty, "
                f"{self.not_articles} not articles, {self.drifted} with parser drift, {self.failed} failed, "
                f"{self.stories_new} new stories in {self.seconds:.1f}s")


def _content_charset(content_type: str | None) -> str | None:
    if content_type and "charset=" in content_type.lower():
        return content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    return None


def load_story_index(conn) -> dedup.StoryIndex:
    index = dedup.StoryIndex()
    for row in conn.execute(q.SELECT_STORY_SIGNATURES, {"window": STORY_WINDOW}):
        index.add(row["story_id"], dedup.minhash_from_bytes(bytes(row["signature"])))
    return index


def process_row(conn, raw_store, index, row: dict, summary: ProcessSummary, reparse: bool) -> Document:
    """Parse one raw page and store its document; a not-an-article page is returned unstored."""
    body = raw_store.get(row["storage_key"])
    doc = parse_page(body, row["final_url"] or row["url"], source_id=row["source_id"], fetched_at=row["fetched_at"],
                     hints=row["hints"] or {}, header_charset=_content_charset(row["content_type"]))
    doc.source_id = row["source_id"]  # the crawler's source owns the document
    summary.drifted += bool(doc.drift)
    if doc.not_article:
        summary.not_articles += 1
        log.info("source_id=%s url=%s: not an article: %s", row["source_id"], row["url"], doc.not_article)
        return doc
    store_document(conn, raw_store, index, row, doc, summary, reparse)
    return doc


def store_document(conn, raw_store, index, row: dict, doc: Document, summary: ProcessSummary, reparse: bool) -> None:
    store.attach_texts(conn, raw_store, doc)
    if any(a.text for a in doc.attachments):
        doc.policy = policy_meta.complete_policy(doc)  # again, over the attachments' text
    urls = list(dict.fromkeys(u for u in (row["url"], row["final_url"], doc.canonical_url) if u))
    if reparse and (done := store.reparse_version(conn, doc, row["raw_fetch_id"])):
        summary.reparsed += 1
        store.upsert_policy(conn, doc, done.version_id)
        policy_store.upsert_policy_details(conn, doc, done.document_id, done.version_id, urls)
        store.upsert_attachments(conn, doc, done.document_id)
        return
    _store_new_version(conn, index, row, doc, summary, urls)


def _store_new_version(conn, index, row: dict, doc: Document, summary: ProcessSummary, urls: list[str]) -> None:
    doc_row, new_doc = store.upsert_document(conn, doc, urls)
    document_id = doc_row["document_id"]
    version_id, new_version = store.insert_version(conn, doc, document_id, row["raw_fetch_id"])
    summary.documents_new += new_doc
    summary.versions_new += new_version
    summary.unchanged += not new_version
    summary.empty += doc.is_empty
    summary.note_version(version_id if new_version else None)
    if version_id is not None:
        store.upsert_policy(conn, doc, version_id)
        policy_store.upsert_policy_details(conn, doc, document_id, version_id, urls)
    store.upsert_attachments(conn, doc, document_id)
    if doc.kind == "policy":
        store.link_interpretations(conn, document_id, urls)
    if doc_row["story_id"] is None and not doc.is_empty:
        summary.stories_new += store.assign_story(conn, index, doc, document_id)


def process_batch(db_url: str, raw_store, index, after: int, batch_size: int, reparse: bool,
                  summary: ProcessSummary) -> int | None:
    """One transaction over up to batch_size pages; returns the last raw_fetch_id seen (None when done)."""
    with connect(db_url) as conn:
        rows = conn.execute(q.SELECT_ALL_PAGES if reparse else q.SELECT_PENDING,
                            {"after": after, "limit": batch_size}).fetchall()
        for row in rows:
            error, doc = None, None
            try:
                with conn.transaction():  # a savepoint: one bad page never spoils the batch
                    doc = process_row(conn, raw_store, index, row, summary, reparse)
            except Exception as exc:  # noqa: BLE001 - recorded on the row, run continues
                error = f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:500]
                log.error("source_id=%s url=%s: process failed: %s", row["source_id"], row["url"], error)
                summary.failed += 1
                if len(summary.errors) < MAX_ERRORS_KEPT:
                    summary.errors.append(f"{row['url']}: {error}")
            conn.execute(q.MARK_PROCESSED, {"raw_fetch_id": row["raw_fetch_id"], "error": error,
                                            "not_article": doc.not_article if doc else None,
                                            "drift": doc.drift if doc else []})
            summary.pages += 1
        conn.commit()
    return rows[-1]["raw_fetch_id"] if rows else None


def process_pending(db_url: str, *, settings: Settings, reparse: bool = False, batch_size: int = 200,
                    on_progress: Callable[[int, int], None] | None = None) -> ProcessSummary:
    """Parse every unprocessed raw page (or, with reparse, every stored page) into documents."""
    started = time.monotonic()
    summary = ProcessSummary()
    raw_store = open_raw_store(settings)
    with connect(db_url) as conn:
        total = conn.execute(q.COUNT_PENDING, {"all": reparse}).fetchone()["n"]
        index = load_story_index(conn)
    after = 0
    while (last := process_batch(db_url, raw_store, index, after, batch_size, reparse, summary)) is not None:
        after = last
        if on_progress:
            on_progress(summary.pages, max(total, summary.pages))
    with connect(db_url) as conn:  # plans for the grown archive at once, not after autovacuum's next round
        analyze_grown(conn, ["documents", "document_versions", "document_urls", "raw_fetches"])
    summary.seconds = time.monotonic() - started
    return summary
