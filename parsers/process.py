"""The process stage: raw fetches (kind='page') → documents, in batches, resumable and idempotent.

    process_pending(url, *, reparse=False, batch_size=200, on_progress=None, run_key=None) -> ProcessSummary

Each batch is one transaction that claims its rows with FOR UPDATE SKIP LOCKED, so two runs
never parse the same page and a crash loses at most the batch in flight. A batch is parsed
first; its new documents are then written together (parsers/batch_store.py: a few multi-row
statements and one COPY) and the other pages one by one, each in a savepoint; search-index
entries are merged once per batch (parsers/batch_write.indexed_batch). A page that fails
gets raw_fetches.process_error (one line) and processed_at, and never stops the run.
`reparse=True` walks every stored page again (through futurewatch.core.rawstore, no crawling) and
rewrites the versions in place with the current parsers; it adds a version only for a fetch that has
none, whose content no version of the document holds and that was stored after the current version's
(never one through the revert rule).
A URL's fetches become versions in the order they were stored: a fetch whose URL has an older one
pending in another run's batch waits for a later run (`waiting`); a document with several URLs never
takes an older fetch's text over a newer one's, but keeps it as a version that is not current
(parsers/store.insert_version; counted `older`).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Callable

from futurewatch.core.config import Settings
from futurewatch.core.db import connect
from futurewatch.core.encoding import content_charset
from futurewatch.core.rawstore import open_raw_store
from futurewatch.core.run_tally import add_to_tally
from futurewatch.core.searchtext import SearchTextFolder
from futurewatch.core.stats import analyze_grown
from parsers import batch_store, dedup, policy_meta, policy_store, queries as q, store
from parsers.batch_store import Page
from parsers.batch_write import indexed_batch
from parsers.api import parse_page
from parsers.document import Document

log = logging.getLogger(__name__)
STORY_WINDOW = "180 days"  # stories older than this are not matched against new documents
MAX_ERRORS_KEPT = 20  # the summary travels through XCom: keep it small (all errors are on the rows)


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
    waiting: int = 0  # left for a later run: an older fetch of the same URL is still pending (another run's)
    older: int = 0  # kept as versions that are not current: stored before the fetch behind their document's
    #                 current version (another URL's), with a text new to the document
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
                f"{self.waiting} waiting, {self.older} older than their document's current version, "
                f"{self.stories_new} new stories in {self.seconds:.1f}s")


def load_story_index(conn) -> dedup.StoryIndex:
    index = dedup.StoryIndex()
    for row in conn.execute(q.SELECT_STORY_SIGNATURES, {"window": STORY_WINDOW}):
        index.add(row["story_id"], dedup.minhash_from_bytes(bytes(row["signature"])))
    return index


def parse_row(conn, raw_store, row: dict) -> Document:
    """Parse one raw page, with the text of the attachments the crawler stored (reads only)."""
    body = raw_store.get(row["storage_key"])
    doc = parse_page(body, row["final_url"] or row["url"], source_id=row["source_id"], fetched_at=row["fetched_at"],
                     hints=row["hints"] or {}, header_charset=content_charset(row["content_type"]))
    doc.source_id = row["source_id"]  # the crawler's source owns the document
    if doc.not_article:
        return doc
    store.attach_texts(conn, raw_store, doc)
    if any(a.text for a in doc.attachments):
        doc.policy = policy_meta.complete_policy(doc)  # again, over the attachments' text
    return doc


def page_urls(row: dict, doc: Document) -> list[str]:
    return list(dict.fromkeys(u for u in (row["url"], row["final_url"], doc.canonical_url) if u))


def store_document(conn, folder, index, page: Page, summary: ProcessSummary, reparse: bool) -> None:
    """One page by page: a reparse, a new version of a stored document, a refetch or a reprint."""
    doc, row, urls = page.doc, page.row, page.urls
    search_text = folder.search_text(doc.title, doc.text)
    if reparse and (done := store.reparse_version(conn, doc, row["raw_fetch_id"], search_text)):
        summary.reparsed += 1
        store.upsert_policy(conn, doc, done.version_id)
        policy_store.upsert_policy_details(conn, doc, done.document_id, done.version_id, urls)
        store.upsert_attachments(conn, doc, done.document_id)
        return
    doc_row, new_doc = store.upsert_document(conn, doc, urls)
    document_id = doc_row["document_id"]
    version_id, created, older = store.insert_version(conn, doc, document_id, row["raw_fetch_id"], search_text,
                                                      may_revert=not reparse)
    summary.documents_new += new_doc
    summary.versions_new += created and not older
    summary.older += created and older  # kept in the history, not current (store.insert_version)
    summary.unchanged += not created
    summary.empty += doc.is_empty
    summary.note_version(version_id if created else None)
    if version_id is not None:
        store.upsert_policy(conn, doc, version_id)
        policy_store.upsert_policy_details(conn, doc, document_id, version_id, urls)
    store.upsert_attachments(conn, doc, document_id)
    if doc.kind == "policy":
        store.link_interpretations(conn, document_id, urls)
    if doc_row["story_id"] is None and not doc.is_empty:
        summary.stories_new += store.assign_story(conn, index, doc, document_id)


def _one_line(exc: Exception) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:500]


def _failed(row: dict, error: str, summary: ProcessSummary) -> None:
    log.error("source_id=%s url=%s: process failed: %s", row["source_id"], row["url"], error)
    summary.failed += 1
    if len(summary.errors) < MAX_ERRORS_KEPT:
        summary.errors.append(f"{row['url']}: {error}")


def parse_batch(conn, raw_store, rows: list[dict], summary: ProcessSummary, outcomes: dict) -> list[Page]:
    """Parse every page of a batch; failures and not-articles go to `outcomes` (raw_fetch_id → outcome)."""
    pages = []
    for row in rows:
        try:
            doc = parse_row(conn, raw_store, row)
        except Exception as exc:  # noqa: BLE001 - recorded on the row, run continues
            outcomes[row["raw_fetch_id"]] = (_one_line(exc), None, [])
            _failed(row, outcomes[row["raw_fetch_id"]][0], summary)
            continue
        summary.drifted += bool(doc.drift)
        outcomes[row["raw_fetch_id"]] = (None, doc.not_article, doc.drift)
        if doc.not_article:
            summary.not_articles += 1
            log.info("source_id=%s url=%s: not an article: %s", row["source_id"], row["url"], doc.not_article)
        else:
            pages.append(Page(row, doc, page_urls(row, doc)))
    return pages


def store_batch(conn, folder, index, pages: list[Page], summary: ProcessSummary, reparse: bool,
                outcomes: dict) -> None:
    """New documents together (parsers/batch_store.py), then the rest page by page, each in a savepoint."""
    if not reparse:
        known = set(index.hashes)
        try:
            with conn.transaction():
                pages = batch_store.store_new_documents(conn, folder, index, pages, summary)
        except Exception as exc:  # noqa: BLE001 - every page is tried again on its own below
            log.warning("batch write failed, storing its %d pages one by one: %s", len(pages), _one_line(exc))
            index.forget(set(index.hashes) - known)  # stories of the rolled-back write
    for page in pages:
        try:
            with conn.transaction():  # a savepoint: one bad page never spoils the batch
                store_document(conn, folder, index, page, summary, reparse)
        except Exception as exc:  # noqa: BLE001 - recorded on the row, run continues
            outcomes[page.row["raw_fetch_id"]] = (_one_line(exc), None, page.doc.drift)
            _failed(page.row, outcomes[page.row["raw_fetch_id"]][0], summary)


def process_batch(db_url: str, raw_store, index, folder, after: int, batch_size: int, reparse: bool,
                  summary: ProcessSummary, run_key: str | None = None) -> int | None:
    """One transaction over up to batch_size pages; returns the last raw_fetch_id seen (None when done).
    With a run_key, the batch's new versions are added to the run's tally in the same transaction."""
    versions_before = summary.versions_new
    with connect(db_url) as conn, indexed_batch(conn):
        claimed = conn.execute(q.SELECT_ALL_PAGES if reparse else q.SELECT_PENDING,
                               {"after": after, "limit": batch_size}).fetchall()
        rows = [row for row in claimed if not row.get("waits")]
        summary.waiting += len(claimed) - len(rows)
        outcomes: dict[int, tuple] = {}
        pages = parse_batch(conn, raw_store, rows, summary, outcomes)
        store_batch(conn, folder, index, pages, summary, reparse, outcomes)
        ids = [row["raw_fetch_id"] for row in rows]
        conn.execute(q.MARK_BATCH_PROCESSED, {
            "ids": ids, "errors": [outcomes[i][0] for i in ids], "not_articles": [outcomes[i][1] for i in ids],
            "drifts": [json.dumps(outcomes[i][2]) for i in ids]})
        summary.pages += len(rows)
        if run_key and summary.versions_new > versions_before:
            add_to_tally(conn, run_key, "parse", summary.versions_new - versions_before, summary.min_version_id,
                         summary.max_version_id)
    return claimed[-1]["raw_fetch_id"] if claimed else None


def process_pending(db_url: str, *, settings: Settings, reparse: bool = False, batch_size: int = 200,
                    on_progress: Callable[[int, int], None] | None = None,
                    run_key: str | None = None) -> ProcessSummary:
    """Parse every unprocessed raw page (or, with reparse, every stored page) into documents.
    `run_key` (an Airflow run's): its new versions are tallied over all its attempts (core/run_tally.py)."""
    started = time.monotonic()
    summary = ProcessSummary()
    raw_store = open_raw_store(settings)
    with connect(db_url) as conn:
        total = conn.execute(q.COUNT_PENDING, {"all": reparse}).fetchone()["n"]
        index = load_story_index(conn)
        folder = SearchTextFolder.from_database(conn)
    after = 0
    while (last := process_batch(db_url, raw_store, index, folder, after, batch_size, reparse, summary,
                                 run_key)) is not None:
        after = last
        if on_progress:
            on_progress(summary.pages, max(total, summary.pages))
    with connect(db_url) as conn:  # plans for the grown archive at once, not after autovacuum's next round
        analyze_grown(conn, ["documents", "document_versions", "document_urls", "raw_fetches"])
    summary.seconds = time.monotonic() - started
    return summary
