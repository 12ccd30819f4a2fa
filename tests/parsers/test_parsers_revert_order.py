"""Reverted pages when things happen out of order: two `process` runs side by side, crawls committing
after a newer one, and --reparse over a fetch that has no version of its own. The page always ends on
the bytes of the fetch stored last, and a later crawl of the same bytes adds nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from parsers.process import process_pending
from tests.parsers.test_parsers_process import add_sources, fixture, rows
from tests.parsers.test_parsers_revert import A_ONLY, B_ONLY, STEM, current, record_fetch, versions


@pytest.fixture
def page(fw_env):
    """(db_url, url, A's bytes, B's bytes, day 0)."""
    add_sources(fw_env.db_url)
    a, meta = fixture(STEM)
    return fw_env.db_url, meta["url"], a, a.replace(A_ONLY.encode(), B_ONLY.encode()), \
        datetime.fromisoformat(meta["crawl_date"])


def process(db_url: str):
    return process_pending(db_url, settings=load_settings())


def current_text(db_url: str) -> str:
    [row] = rows(db_url, "SELECT v.text FROM documents d JOIN document_versions v ON v.version_id = d.current_version_id")
    return row["text"]


def test_concurrent_runs_make_versions_in_fetch_order(page):
    """B's fetch is in another run's batch while this run sees A's return: A waits, and ends current."""
    db, url, a, b, day = page
    record_fetch(db, url, a, day)
    process(db)
    r2, _ = record_fetch(db, url, b, day + timedelta(days=1))
    r3, stored = record_fetch(db, url, a, day + timedelta(days=2))
    assert stored
    with connect(db) as other:  # another run's batch holds B's fetch (FOR UPDATE, as SELECT_PENDING claims it)
        other.execute("SELECT 1 FROM raw_fetches WHERE raw_fetch_id = %(r)s FOR UPDATE", {"r": r2})
        this = process(db)
        assert (this.pages, this.versions_new) == (0, 0) and this.waiting == 1
        assert rows(db, "SELECT raw_fetch_id FROM raw_fetches WHERE processed_at IS NULL ORDER BY 1") == \
            [{"raw_fetch_id": r2}, {"raw_fetch_id": r3}]
    later = process(db)  # the next run: B, then A's return
    assert (later.pages, later.versions_new, later.waiting) == (2, 2, 0)
    assert A_ONLY in current_text(db) and B_ONLY not in current_text(db)
    assert not record_fetch(db, url, a, day + timedelta(days=3))[1]  # A → A: nothing to store


def test_failed_fetch_never_holds_its_url_back(page):
    """An older fetch whose parse fails is processed (with its error): the newer one goes on."""
    db, url, a, b, day = page
    record_fetch(db, url, a, day)
    process(db)
    r2, _ = record_fetch(db, url, a + b"<!-- lost -->", day + timedelta(days=1))
    rows(db, "UPDATE raw_fetches SET storage_key = 'lost/bytes' WHERE raw_fetch_id = %(r)s RETURNING 1", {"r": r2})
    record_fetch(db, url, b, day + timedelta(days=2))
    summary = process(db)
    assert (summary.pages, summary.failed, summary.waiting, summary.versions_new) == (2, 1, 0, 1)
    assert rows(db, "SELECT processed_at IS NOT NULL AS done, process_error IS NOT NULL AS failed FROM raw_fetches"
                    " WHERE raw_fetch_id = %(r)s", {"r": r2}) == [{"done": True, "failed": True}]
    assert B_ONLY in current_text(db)


def test_older_fetch_of_kept_bytes_committed_late_adds_nothing(page):
    """B fetched day 2 is stored, then A fetched day 1 (a run committing late): A is history already kept.
    Day 3 the page is A again: stored, and current."""
    db, url, a, b, day = page
    r1, _ = record_fetch(db, url, a, day)
    process(db)
    record_fetch(db, url, b, day + timedelta(days=2))
    process(db)
    assert record_fetch(db, url, a, day + timedelta(days=1)) == (r1, False)
    assert process(db).pages == 0 and B_ONLY in current_text(db)
    r4, stored = record_fetch(db, url, a, day + timedelta(days=3))
    assert stored
    assert process(db).versions_new == 1 and A_ONLY in current_text(db)
    assert versions(db)[-1]["raw_fetch_id"] == r4


def test_latest_fetch_is_the_one_stored_last(page):
    """B fetched day 2 is stored, then new bytes C fetched day 1 (committed late): C follows B and is
    current; day 3 the page is B: B is stored again (after C) and current, not stuck on C."""
    db, url, a, b, day = page
    c = a.replace(A_ONLY.encode(), "迟到版本".encode())
    record_fetch(db, url, a, day)
    r2, _ = record_fetch(db, url, b, day + timedelta(days=2))
    r3, stored = record_fetch(db, url, c, day + timedelta(days=1))
    assert stored and rows(db, "SELECT follows_raw_fetch_id AS f FROM raw_fetches WHERE raw_fetch_id = %(r)s",
                           {"r": r3}) == [{"f": r2}]
    process(db)
    assert "迟到版本" in current_text(db)  # the state stored last
    r4, stored = record_fetch(db, url, b, day + timedelta(days=3))
    assert stored
    assert process(db).versions_new == 1 and B_ONLY in current_text(db)
    assert not record_fetch(db, url, b, day + timedelta(days=4))[1]


def test_reparse_never_adds_a_version_through_the_revert_rule(page):
    """A fetch stored before 0430 with A's content (other bytes) and no version of its own, after B's:
    --reparse rewrites versions in place and leaves B current, as a plain process run had."""
    db, url, a, b, day = page
    record_fetch(db, url, a, day)
    process(db)
    record_fetch(db, url, b, day + timedelta(days=1))
    process(db)
    r3, _ = record_fetch(db, url, a + b"<!-- a comment -->", day + timedelta(days=2))
    rows(db, "UPDATE raw_fetches SET processed_at = now() WHERE raw_fetch_id = %(r)s RETURNING 1", {"r": r3})
    before, was_current = versions(db), current(db)
    summary = process_pending(db, settings=load_settings(), reparse=True)
    assert summary.reparsed == 2 and summary.versions_new == 0 and summary.unchanged == 1
    assert versions(db) == before and current(db) == was_current
