"""Two URLs of one document (http and https of a page: one canonical URL) processed out of order:
`process` orders a URL's fetches (SELECT_PENDING's `waits`) but not a document's, so the document
must itself never take an older fetch's text over the text of a fetch stored after it, and must
still keep that text in its history."""

from __future__ import annotations

from datetime import timedelta

from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from parsers.process import process_pending
from tests.parsers.test_parsers_revert import A_ONLY, B_ONLY, current, found, record_fetch, versions
from tests.parsers.test_parsers_revert_order import current_text, page, process  # noqa: F401 - fixture
from tests.parsers.test_parsers_process import rows


def late_older_fetch(db, url, a, b, day) -> tuple[int, int]:
    """A at http:// (stored first) is in another run's batch while this run makes B at https:// the
    document's version; then the other run's turn: A, older than the current version's fetch."""
    r1, _ = record_fetch(db, url.replace("https://", "http://", 1), a, day)
    r2, _ = record_fetch(db, url, b, day + timedelta(days=1))
    with connect(db) as other:  # another run's batch holds A's fetch (FOR UPDATE, as SELECT_PENDING claims it)
        other.execute("SELECT 1 FROM raw_fetches WHERE raw_fetch_id = %(r)s FOR UPDATE", {"r": r1})
        this = process(db)
        assert (this.pages, this.waiting, this.versions_new) == (1, 0, 1)  # another URL: nothing waits
    assert B_ONLY in current_text(db)
    return r1, r2


def test_older_fetch_of_another_url_processed_late_never_becomes_current(page):
    db, url, a, b, day = page
    r1, r2 = late_older_fetch(db, url, a, b, day)
    late = process(db)
    assert late.pages == 1 and late.failed == 0
    assert (late.older, late.versions_new, late.unchanged) == (1, 0, 0)  # ops see it was kept, not made current
    assert rows(db, "SELECT count(*) AS n FROM documents")[0]["n"] == 1
    assert B_ONLY in current_text(db) and A_ONLY not in current_text(db)
    assert found(db, A_ONLY) == [] and found(db, B_ONLY) == [current(db)]


def test_older_fetch_of_another_url_is_kept_in_the_history(page):
    """Nothing is lost: A's text is a version of the document (its own fetch, replacing none, never
    current); a rerun and --reparse keep it as it is, and A served again later becomes current."""
    db, url, a, b, day = page
    r1, r2 = late_older_fetch(db, url, a, b, day)
    late = process(db)
    vb, va = versions(db)
    assert (vb["raw_fetch_id"], va["raw_fetch_id"]) == (r2, r1) and late.max_version_id == va["version_id"]
    assert A_ONLY in va["text"] and B_ONLY not in va["text"]
    assert va["replaces_version_id"] is None and va["change_summary"] is None and current(db) == vb["version_id"]
    assert (process(db).pages, versions(db)) == (0, [vb, va])
    reparse = process_pending(db, settings=load_settings(), reparse=True)
    assert (reparse.reparsed, reparse.versions_new, reparse.older) == (2, 0, 0)
    assert versions(db) == [vb, va] and current(db) == vb["version_id"]
    record_fetch(db, url, a, day + timedelta(days=2))  # the page now shows A: a change, made current
    again = process(db)
    assert (again.versions_new, again.older) == (1, 0)
    assert A_ONLY in current_text(db) and versions(db)[-1]["replaces_version_id"] == vb["version_id"]


def test_reparse_keeps_an_older_fetch_processed_before_older_fetches_were_kept(page):
    db, url, a, b, day = page
    r1, r2 = late_older_fetch(db, url, a, b, day)
    process(db)
    with connect(db) as conn:  # the archive as the stage left it when an older fetch added no version
        conn.execute("DELETE FROM document_versions WHERE raw_fetch_id = %(r)s", {"r": r1})
    reparse = process_pending(db, settings=load_settings(), reparse=True)
    assert (reparse.reparsed, reparse.older, reparse.versions_new) == (1, 1, 0)
    assert [v["raw_fetch_id"] for v in versions(db)] == [r2, r1] and A_ONLY in versions(db)[1]["text"]
    assert B_ONLY in current_text(db)


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
