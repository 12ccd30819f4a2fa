"""Two URLs of one document (http and https of a page: one canonical URL) processed out of order:
`process` orders a URL's fetches (SELECT_PENDING's `waits`) but not a document's, so the document
must itself never take an older fetch's text over the text of a fetch stored after it."""

from __future__ import annotations

from datetime import timedelta

from futurewatch.core.db import connect
from tests.parsers.test_parsers_revert import A_ONLY, B_ONLY, record_fetch, versions
from tests.parsers.test_parsers_revert_order import current_text, page, process  # noqa: F401 - fixture
from tests.parsers.test_parsers_process import rows


def test_older_fetch_of_another_url_processed_late_never_becomes_current(page):
    """A at http:// (stored first) is in another run's batch while this run makes B at https:// the
    document's version; A, processed after, leaves B current."""
    db, url, a, b, day = page
    http_url = url.replace("https://", "http://", 1)
    r1, _ = record_fetch(db, http_url, a, day)
    r2, _ = record_fetch(db, url, b, day + timedelta(days=1))
    with connect(db) as other:  # another run's batch holds A's fetch (FOR UPDATE, as SELECT_PENDING claims it)
        other.execute("SELECT 1 FROM raw_fetches WHERE raw_fetch_id = %(r)s FOR UPDATE", {"r": r1})
        this = process(db)
        assert (this.pages, this.waiting, this.versions_new) == (1, 0, 1)  # another URL: nothing waits
    assert B_ONLY in current_text(db)
    late = process(db)  # the other run's turn: A, older than the current version's fetch
    assert late.pages == 1 and late.failed == 0
    assert (late.older, late.unchanged) == (1, 0)  # ops see it was not taken, not that A was B
    assert rows(db, "SELECT count(*) AS n FROM documents")[0]["n"] == 1
    assert B_ONLY in current_text(db) and A_ONLY not in current_text(db)
    assert [v["raw_fetch_id"] for v in versions(db)][-1] == r2


EMPTY_PAGE = b"<html><head><script>var a=1;</script></head><body><script>go()</script></body></html>"


def test_older_fetch_of_another_url_fills_a_document_whose_newer_fetch_was_empty(page):
    """A at http:// (stored first) waits in another run's batch while this run finds the https:// page
    empty (a script-only answer): the empty version holds no text, so A, processed after, becomes current."""
    db, url, a, _, day = page
    http_url = url.replace("https://", "http://", 1)
    r1, _ = record_fetch(db, http_url, a, day)
    record_fetch(db, url, EMPTY_PAGE, day + timedelta(days=1))
    with connect(db) as other:
        other.execute("SELECT 1 FROM raw_fetches WHERE raw_fetch_id = %(r)s FOR UPDATE", {"r": r1})
        this = process(db)
        assert (this.pages, this.empty) == (1, 1)
    assert current_text(db) == ""
    late = process(db)
    assert (late.pages, late.failed, late.versions_new) == (1, 0, 1)
    assert rows(db, "SELECT count(*) AS n FROM documents")[0]["n"] == 1
    assert A_ONLY in current_text(db)
