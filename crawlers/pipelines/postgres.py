"""Writes each outcome to PostgreSQL: raw_fetches, seen_urls, attachments, and the run tallies.

new / changed / unchanged are decided here, against the seen_urls row loaded at start:
a page never fetched before is new; a page whose bytes hash differently is changed (a new
raw_fetch, which the parser turns into a new version), also when they are bytes it had before
(A → B → A: a raw_fetch of its own, migration 0430); the same hash or a 304 is unchanged.
A page counts as new or changed exactly when this run stored its raw_fetch: when another run
(a backfill beside a manual run) stored the same bytes first, it is unchanged here; when the
store kept bytes seen_urls already had (they differ from the URL's latest stored fetch: a URL
reverted before 0430), it is changed. So the run's tallies always agree with the raw_fetches
range its asset event names.
"""

from __future__ import annotations

import logging
from posixpath import basename
from urllib.parse import unquote, urlsplit

from psycopg.types.json import Jsonb

from crawlers import store
from crawlers.items import FetchItem
from crawlers.urls import attachment_ext
from futurewatch.core.db import connect

log = logging.getLogger(__name__)


def _header(item: FetchItem, name: str) -> str | None:
    for key, values in item.headers.items():
        if key.lower() == name.lower() and values:
            return values[0]
    return None


class PostgresPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.db_url = crawler.settings.get("FW_DB_URL")
        self.crawl_run_id = crawler.settings.getint("FW_CRAWL_RUN_ID") or None
        self.conn = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self):
        self.conn = connect(self.db_url, autocommit=True)

    def close_spider(self):
        if self.conn is not None:
            store.touch_seen(self.conn, self.crawler.spider.run.unchanged_urls)
            self.conn.close()

    def process_item(self, item: FetchItem):
        run = self.crawler.spider.run
        if item.outcome == "failed":
            run.note_failure(item.url, item.kind, item.reason or "unknown")
            self.record_failure(item)
            return item
        run.responses += 1
        if item.outcome == "end":
            return item
        if item.outcome == "not_modified":
            self.record_not_modified(item, run)
        elif item.blocked_reason:
            run.note_blocked(item.url, item.blocked_reason)
            self.insert_raw_fetch(item)
        else:
            self.record_fetched(item, run)
        return item

    # --- outcomes ---------------------------------------------------------------------------

    def record_fetched(self, item: FetchItem, run) -> None:
        with self.conn.transaction():
            self.conn.execute(store.LOCK_URL, {"url": item.url})  # store.LOCK_URL: commits in raw_fetch_id order
            raw_fetch_id, stored = self.insert_raw_fetch(item)
            if item.kind == "listing":
                return
            self.upsert_seen(item, stored=stored)
            if item.kind == "attachment":
                run.attachments_stored += 1
                self.upsert_attachment(item, "stored", raw_fetch_id, item.sha256, item.storage_key, len(item.body))
                return
        seen = self.crawler.spider.seen.get(item.url)
        if not stored:
            run.unchanged += 1
        elif seen is None or not seen.last_sha256:
            run.new += 1
        else:  # stored: other bytes than the URL's latest fetch, even when seen_urls had these (a URL
            run.changed += 1  # reverted before 0430, or another run's fetch in between)

    def record_not_modified(self, item: FetchItem, run) -> None:
        if item.kind == "attachment":  # an already stored file linked from (another) page
            latest = self.conn.execute(store.SELECT_LATEST_FETCH, {"url": item.url}).fetchone()
            if latest:
                self.upsert_attachment(item, "stored", latest["raw_fetch_id"], latest["sha256"],
                                       latest["storage_key"], latest["size_bytes"])
            return
        run.unchanged += 1
        seen = self.crawler.spider.seen.get(item.url)
        self.upsert_seen(item, sha256=seen.last_sha256 if seen else None, not_modified=True)

    def record_failure(self, item: FetchItem) -> None:
        if item.kind == "attachment":
            status = "too_large" if (item.reason or "").startswith("too_large") else "failed"
            self.upsert_attachment(item, status, None, None, None, None)
        elif item.kind == "page":
            self.conn.execute(store.UPSERT_SEEN_FAILED, {"url": item.url, "source_id": item.source_id,
                                                         "status": item.status or None, "hints": Jsonb(item.hints),
                                                         "failed_at": item.fetched_at})

    # --- rows -------------------------------------------------------------------------------

    def insert_raw_fetch(self, item: FetchItem) -> tuple[int, bool]:
        """The raw_fetch_id of these bytes at this URL, and whether this call stored them."""
        params = {"source_id": item.source_id, "crawl_run_id": self.crawl_run_id, "url": item.url,
                  "final_url": item.final_url or item.url, "status": item.status, "headers": Jsonb(item.headers),
                  "fetched_at": item.fetched_at, "sha256": item.sha256, "size_bytes": len(item.body),
                  "storage_key": item.storage_key, "content_type": item.content_type, "kind": item.kind,
                  "blocked_reason": item.blocked_reason, "hints": Jsonb(item.hints), "parent_url": item.parent_url}
        return store.insert_raw_fetch(self.conn, params)

    def upsert_seen(self, item: FetchItem, sha256: str | None = None, *, stored: bool = False,
                    not_modified: bool = False) -> None:
        """The URL's row, unless it records a newer fetch (store.UPSERT_SEEN_FETCHED)."""
        self.conn.execute(store.UPSERT_SEEN_FETCHED, {
            "url": item.url, "source_id": item.source_id, "fetched_at": item.fetched_at,
            "etag": _header(item, "ETag"), "last_modified": _header(item, "Last-Modified"),
            "sha256": item.sha256 or sha256, "status": item.status, "hints": Jsonb(item.hints),
            "stored": stored, "not_modified": not_modified})

    def upsert_attachment(self, item: FetchItem, status: str, raw_fetch_id, sha256, storage_key, size) -> None:
        name = unquote(basename(urlsplit(item.url).path)) or None
        ext = attachment_ext(item.url)
        self.conn.execute(store.UPSERT_ATTACHMENT, {
            "page_url": item.parent_url or item.url, "url": item.url, "filename": name,
            "ext": ext.lstrip(".") if ext else None, "size_bytes": size, "sha256": sha256,
            "storage_key": storage_key, "raw_fetch_id": raw_fetch_id, "status": status})
