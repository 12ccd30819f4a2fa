"""Every SQL statement of the crawl stage, named, and the small functions that run them.

Writers upsert, so a rerun of a run key (an Airflow retry) rewrites its own rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from psycopg.types.json import Jsonb

from crawlers.registry import SourceConfig

UPSERT_SOURCE = """
INSERT INTO sources (source_id, name, kind, enabled, config)
VALUES (%(source_id)s, %(name)s, %(kind)s, %(enabled)s, %(config)s)
ON CONFLICT (source_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
    enabled = EXCLUDED.enabled, config = EXCLUDED.config, updated_at = now()
"""
START_CRAWL_RUN = """
INSERT INTO crawl_runs (source_id, run_key) VALUES (%(source_id)s, %(run_key)s)
ON CONFLICT (source_id, run_key) DO UPDATE SET started_at = now(), finished_at = NULL, status = 'running',
    listed = 0, new = 0, changed = 0, unchanged = 0, failed = 0, blocked = 0, requests = 0,
    duration_ms = NULL, error = NULL, details = '{}'::jsonb
RETURNING crawl_run_id
"""
FINISH_CRAWL_RUN = """
UPDATE crawl_runs SET finished_at = now(), status = %(status)s, listed = %(listed)s, new = %(new)s,
    changed = %(changed)s, unchanged = %(unchanged)s, failed = %(failed)s, blocked = %(blocked)s,
    requests = %(requests)s, duration_ms = %(duration_ms)s, error = %(error)s, details = %(details)s
WHERE crawl_run_id = %(crawl_run_id)s
"""
FAIL_CRAWL_RUN = """
UPDATE crawl_runs SET finished_at = now(), status = %(status)s, error = %(error)s,
    duration_ms = (extract(epoch FROM now() - started_at) * 1000)::int
WHERE crawl_run_id = %(crawl_run_id)s AND status = 'running'
"""
SELECT_CRAWL_RUN = "SELECT * FROM crawl_runs WHERE crawl_run_id = %(crawl_run_id)s"
SELECT_SEEN = """
SELECT url, etag, last_modified, last_sha256, last_status, last_fetched_at, hints
FROM seen_urls WHERE source_id = %(source_id)s
"""
# A fetch is stored unless it has the bytes of the URL's latest (unblocked) fetch, the one stored last
# (highest raw_fetch_id: the order `process` reads them in), or it is older than that fetch and has bytes
# the URL already has (a run committing after a newer one: history already kept). It names the fetch it
# follows, so bytes coming back (A → B → A) are a row of their own and a rerun finds its row (0430).
INSERT_RAW_FETCH = """
INSERT INTO raw_fetches (source_id, crawl_run_id, url, final_url, status, headers, fetched_at, sha256,
    size_bytes, storage_key, content_type, kind, blocked_reason, hints, parent_url, follows_raw_fetch_id)
SELECT %(source_id)s, %(crawl_run_id)s, %(url)s, %(final_url)s, %(status)s, %(headers)s, %(fetched_at)s,
    %(sha256)s, %(size_bytes)s, %(storage_key)s, %(content_type)s, %(kind)s, %(blocked_reason)s, %(hints)s,
    %(parent_url)s, latest.raw_fetch_id
FROM (SELECT 1) one
LEFT JOIN LATERAL (SELECT raw_fetch_id, sha256, fetched_at FROM raw_fetches WHERE url = %(url)s
                   AND blocked_reason IS NULL ORDER BY raw_fetch_id DESC LIMIT 1) latest ON true
WHERE latest.sha256 IS DISTINCT FROM %(sha256)s
AND NOT (%(fetched_at)s < latest.fetched_at
         AND EXISTS (SELECT 1 FROM raw_fetches k WHERE k.url = %(url)s AND k.sha256 = %(sha256)s))
ON CONFLICT (url, sha256, follows_raw_fetch_id) DO NOTHING
RETURNING raw_fetch_id
"""
# A fetch's row and its seen_urls row are written under the URL's lock: two runs storing one URL at once
# would otherwise commit in another order than their raw_fetch_ids, and seen_urls would describe the one
# that is not the latest.
LOCK_URL = "SELECT pg_advisory_xact_lock(hashtext('futurewatch.fetch_url'), hashtext(%(url)s))"
SELECT_RAW_FETCH = """
SELECT raw_fetch_id FROM raw_fetches WHERE url = %(url)s AND sha256 = %(sha256)s
ORDER BY raw_fetch_id DESC LIMIT 1
"""
SELECT_LATEST_FETCH = """
SELECT raw_fetch_id, sha256, storage_key, size_bytes FROM raw_fetches
WHERE url = %(url)s AND blocked_reason IS NULL ORDER BY raw_fetch_id DESC LIMIT 1
"""
# seen_urls describes the fetch the archive holds as the URL's latest: a recheck sends its validators, and a 304
# to validators of other bytes would hide a change. So a fetch writes the row when it is at least as new as the
# recorded one (a row UPSERT_SEEN_FAILED made records none), or when it stored its bytes (a run committing after a
# newer one, with bytes new to the URL: stored last, they are the latest, INSERT_RAW_FETCH, so the next recheck
# sends their validators). An older fetch that stored nothing leaves the row as it is, last_seen_at too. A 304
# confirms the bytes its run sent validators for (sha256: those the run loaded); when another run has recorded
# other bytes since (the page went back meanwhile), it leaves the row, whose validators then fetch the page.
# A 200 sets both validators as it came, absent ones too: an ETag kept from other bytes would draw a 304
# for them. A 304 may omit them, so it keeps what the row has.
UPSERT_SEEN_FETCHED = """
INSERT INTO seen_urls (url, source_id, last_fetched_at, etag, last_modified, last_sha256, last_status, hints)
VALUES (%(url)s, %(source_id)s, %(fetched_at)s, %(etag)s, %(last_modified)s, %(sha256)s, %(status)s, %(hints)s)
ON CONFLICT (url) DO UPDATE SET last_seen_at = now(), last_fetched_at = EXCLUDED.last_fetched_at,
    etag = CASE WHEN %(not_modified)s THEN COALESCE(EXCLUDED.etag, seen_urls.etag) ELSE EXCLUDED.etag END,
    last_modified = CASE WHEN %(not_modified)s THEN COALESCE(EXCLUDED.last_modified, seen_urls.last_modified)
                         ELSE EXCLUDED.last_modified END,
    last_sha256 = COALESCE(EXCLUDED.last_sha256, seen_urls.last_sha256), last_status = EXCLUDED.last_status,
    hints = CASE WHEN EXCLUDED.hints = '{}'::jsonb THEN seen_urls.hints ELSE EXCLUDED.hints END
WHERE %(stored)s
   OR ((seen_urls.last_fetched_at IS NULL OR EXCLUDED.last_fetched_at >= seen_urls.last_fetched_at)
       AND NOT (%(not_modified)s AND EXCLUDED.last_sha256 IS DISTINCT FROM seen_urls.last_sha256))
"""
# A failure becomes last_status (how the URL answered last) unless the row records a fetch newer than it: an
# overlapping run's failure committed late would misstate a page that answered since. Rechecks never depend on it.
# (A failure item without a time, from an older spider, writes as before.)
UPSERT_SEEN_FAILED = """
INSERT INTO seen_urls (url, source_id, last_status, hints) VALUES (%(url)s, %(source_id)s, %(status)s, %(hints)s)
ON CONFLICT (url) DO UPDATE SET last_seen_at = now(), last_status = EXCLUDED.last_status
WHERE %(failed_at)s::timestamptz IS NULL OR seen_urls.last_fetched_at IS NULL
   OR seen_urls.last_fetched_at <= %(failed_at)s
"""
TOUCH_SEEN = "UPDATE seen_urls SET last_seen_at = now() WHERE url = ANY(%(urls)s)"
UPSERT_ATTACHMENT = """
INSERT INTO attachments (page_url, url, filename, ext, size_bytes, sha256, storage_key, raw_fetch_id, status)
VALUES (%(page_url)s, %(url)s, %(filename)s, %(ext)s, %(size_bytes)s, %(sha256)s, %(storage_key)s,
    %(raw_fetch_id)s, %(status)s)
ON CONFLICT (page_url, url) DO UPDATE SET
    size_bytes = COALESCE(EXCLUDED.size_bytes, attachments.size_bytes),
    sha256 = COALESCE(EXCLUDED.sha256, attachments.sha256),
    storage_key = COALESCE(EXCLUDED.storage_key, attachments.storage_key),
    raw_fetch_id = COALESCE(EXCLUDED.raw_fetch_id, attachments.raw_fetch_id),
    status = CASE WHEN attachments.status IN ('extracted', 'unsupported') AND EXCLUDED.status = 'stored'
                  THEN attachments.status ELSE EXCLUDED.status END
"""


@dataclass(frozen=True)
class SeenUrl:
    url: str
    etag: str | None
    last_modified: str | None
    last_sha256: str | None
    last_status: int | None
    last_fetched_at: datetime | None
    hints: dict


def upsert_source(conn, config: SourceConfig) -> None:
    conn.execute(UPSERT_SOURCE, {"source_id": config.source_id, "name": config.name, "kind": config.kind,
                                 "enabled": config.enabled, "config": Jsonb(config.to_json())})


def start_crawl_run(conn, source_id: str, run_key: str) -> int:
    return conn.execute(START_CRAWL_RUN, {"source_id": source_id, "run_key": run_key}).fetchone()["crawl_run_id"]


def finish_crawl_run(conn, crawl_run_id: int, counts: dict, *, status: str, error: str | None,
                     duration_ms: int, details: dict) -> None:
    params = {k: int(counts.get(k, 0)) for k in ("listed", "new", "changed", "unchanged", "failed", "blocked",
                                                  "requests")}
    conn.execute(FINISH_CRAWL_RUN, params | {"crawl_run_id": crawl_run_id, "status": status, "error": error,
                                             "duration_ms": duration_ms, "details": Jsonb(details)})


def fail_crawl_run(conn, crawl_run_id: int, status: str, error: str) -> None:
    """Close a run the crawl process could not close itself (crash, kill, timeout)."""
    conn.execute(FAIL_CRAWL_RUN, {"crawl_run_id": crawl_run_id, "status": status, "error": error})


def select_crawl_run(conn, crawl_run_id: int) -> dict:
    return conn.execute(SELECT_CRAWL_RUN, {"crawl_run_id": crawl_run_id}).fetchone()


def select_seen(conn, source_id: str) -> dict[str, SeenUrl]:
    rows = conn.execute(SELECT_SEEN, {"source_id": source_id}).fetchall()
    return {r["url"]: SeenUrl(**r) for r in rows}


def insert_raw_fetch(conn, params: dict) -> tuple[int, bool]:
    """The raw_fetch_id of these bytes at this URL, and whether this call stored them (INSERT_RAW_FETCH)."""
    row = conn.execute(INSERT_RAW_FETCH, params).fetchone()
    if row is not None:
        return row["raw_fetch_id"], True
    return conn.execute(SELECT_RAW_FETCH, params).fetchone()["raw_fetch_id"], False  # already kept


def touch_seen(conn, urls: list[str]) -> None:
    if urls:
        conn.execute(TOUCH_SEEN, {"urls": urls})
