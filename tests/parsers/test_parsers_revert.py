"""A page whose bytes go A → B → A: fetches recorded by the crawl store (crawlers.store.insert_raw_fetch,
as the Scrapy pipeline does), versions by process_pending. A is current and searchable again, once."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from psycopg.types.json import Jsonb

from crawlers import store as crawl_store
from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from futurewatch.core.rawstore import open_raw_store
from parsers.process import process_pending
from tests.parsers.test_parsers_process import add_sources, fixture, rows

STEM = "chinanews_2024_03_01"
A_ONLY, B_ONLY = "领跑全球", "鸿蒙更正"  # B replaces every A_ONLY with B_ONLY


def record_fetch(db_url: str, page_url: str, body: bytes, fetched_at: datetime,
                 source_id: str = "chinanews") -> tuple[int, bool]:
    """The crawl store's write of one fetched page: (raw_fetch_id, whether a row was stored)."""
    sha, key = open_raw_store(load_settings()).put(body)
    with connect(db_url) as conn:
        return crawl_store.insert_raw_fetch(conn, {
            "source_id": source_id, "crawl_run_id": None, "url": page_url, "final_url": page_url, "status": 200,
            "headers": Jsonb({}), "fetched_at": fetched_at, "sha256": sha, "size_bytes": len(body), "storage_key": key,
            "content_type": None, "kind": "page", "blocked_reason": None, "hints": Jsonb({}), "parent_url": None})


def versions(db_url: str) -> list[dict]:
    return rows(db_url, "SELECT version_id, version_no, content_hash, replaces_version_id, change_summary, text,"
                        " raw_fetch_id FROM document_versions ORDER BY version_no")


def current(db_url: str) -> int:
    return rows(db_url, "SELECT current_version_id FROM documents")[0]["current_version_id"]


def found(db_url: str, word: str) -> list[int]:
    return [r["version_id"] for r in rows(db_url, "SELECT version_id FROM fw_search(%(q)s, 10)", {"q": word})]


@pytest.fixture
def reverted(fw_env):
    """A processed, then B, then A again: returns (db_url, url, A's bytes, the summary of the last process)."""
    db = fw_env.db_url
    add_sources(db)
    a, meta = fixture(STEM)
    b = a.replace(A_ONLY.encode(), B_ONLY.encode())
    assert b != a
    day = datetime.fromisoformat(meta["crawl_date"])
    for n, body in enumerate((a, b)):
        assert record_fetch(db, meta["url"], body, day + timedelta(days=n))[1]
        process_pending(db, settings=load_settings())
    assert found(db, B_ONLY) == [current(db)] and found(db, A_ONLY) == []
    raw_fetch_id, stored = record_fetch(db, meta["url"], a, day + timedelta(days=2))
    assert stored  # the return of A is a fetch of its own
    return db, meta["url"], a, process_pending(db, settings=load_settings())


def test_reverted_page_is_current_and_searchable_again(reverted):
    db, _, _, summary = reverted
    assert (summary.pages, summary.versions_new, summary.documents_new, summary.unchanged) == (1, 1, 0, 0)
    v1, v2, v3 = versions(db)
    assert A_ONLY in v1["text"] and B_ONLY in v2["text"] and v3["text"] == v1["text"]
    assert v3["content_hash"] == v1["content_hash"] and v3["replaces_version_id"] == v2["version_id"]
    assert B_ONLY in " ".join(v3["change_summary"]["removed"]) and A_ONLY in " ".join(v3["change_summary"]["added"])
    assert current(db) == v3["version_id"] and summary.max_version_id == v3["version_id"]
    assert found(db, A_ONLY) == [v3["version_id"]] and found(db, B_ONLY) == []
    fetches = rows(db, "SELECT raw_fetch_id, sha256, follows_raw_fetch_id FROM raw_fetches ORDER BY raw_fetch_id")
    assert [f["sha256"] for f in fetches] == [fetches[0]["sha256"], fetches[1]["sha256"], fetches[0]["sha256"]]
    assert fetches[2]["follows_raw_fetch_id"] == fetches[1]["raw_fetch_id"] == v2["raw_fetch_id"]
    assert v3["raw_fetch_id"] == fetches[2]["raw_fetch_id"]


def test_rerun_and_same_bytes_again_change_nothing(reverted):
    db, url, a, _ = reverted
    before = versions(db)
    again = process_pending(db, settings=load_settings())
    assert again.pages == 0 and versions(db) == before
    raw_fetch_id, stored = record_fetch(db, url, a, datetime.now().astimezone())  # A → A: no row, nothing to parse
    assert not stored and raw_fetch_id == before[2]["raw_fetch_id"]
    assert rows(db, "SELECT count(*) AS n FROM raw_fetches")[0]["n"] == 3
    assert process_pending(db, settings=load_settings()).pages == 0 and versions(db) == before


def test_older_fetch_processed_late_stays_history(reverted):
    """B's fetch parsed again (as after a manual reset) is older than the current version's: no version."""
    db, _, _, _ = reverted
    before = versions(db)
    rows(db, "UPDATE raw_fetches SET processed_at = NULL WHERE raw_fetch_id = %(r)s RETURNING 1",
         {"r": before[1]["raw_fetch_id"]})
    summary = process_pending(db, settings=load_settings())
    assert (summary.pages, summary.versions_new, summary.unchanged) == (1, 0, 1)
    assert versions(db) == before and current(db) == before[2]["version_id"]


def test_reparse_rewrites_a_version_whose_content_an_earlier_one_holds(reverted):
    """Version 3 parsed by an older parser (another hash): --reparse brings it back to A's text, although
    version 1 holds that content, and adds no version."""
    db, _, _, _ = reverted
    v1, v2, v3 = versions(db)
    rows(db, "UPDATE document_versions SET text = 'old parser', content_hash = 'old' WHERE version_id = %(v)s"
             " RETURNING 1", {"v": v3["version_id"]})
    summary = process_pending(db, settings=load_settings(), reparse=True)
    assert summary.reparsed == 3 and summary.versions_new == 0
    assert versions(db) == [v1, v2, v3]
    assert found(db, A_ONLY) == [v3["version_id"]]
