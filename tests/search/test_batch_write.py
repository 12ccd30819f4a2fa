"""The batch writer (parsers/batch_write.py) and search_text computed once (migration 0170):
rerunnable batches, all-or-nothing on a crash, Python's search_text equal to SQL's."""

from __future__ import annotations

import hashlib
import random
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import psycopg
import pytest

from futurewatch.core.searchtext import SearchTextFolder
from parsers import batch_write
from parsers.batch_write import VersionRow, copy_versions, indexed_batch, merge_pending, parallel_writers, upsert_staged
from tests.search.corpus import build_doc, ensure_source

ODD_TEXTS = [("ＡＢＣ Ⅻ ﬁ ㍿", "İstanbul ΣΑΣ ß ẞ 臺灣 ①② 量子計算"), ("a\nb", "c\r\nd\u00a0e"), ("", ""),
             ("新\U0001F6DC标题", "Unicode 15 的字符 \U0001F6DC 由数据库计算")]


def rows_for(docs) -> list[VersionRow]:
    return [VersionRow(d.document_id, d.document_id, 1, d.title, d.text, d.published_at,
                       hashlib.sha256((d.title + d.text).encode()).hexdigest(), "sample.V1") for d in docs]


def write(conn, docs, folder, fail_after_copy: bool = False, merge: bool = True) -> int:
    with indexed_batch(conn, merge):
        ensure_source(conn, "sample")
        upsert_staged(conn, "documents", ("document_id", "doc_key", "source_id", "canonical_url", "current_version_id"),
                      [(d.document_id, f"s:{d.document_id}", "sample", f"https://e.cn/{d.document_id}", d.document_id)
                       for d in docs])
        written = copy_versions(conn, rows_for(docs), folder)
        if fail_after_copy:
            raise RuntimeError("crash in the middle of a batch")
    return written


@pytest.fixture
def docs():
    rng = random.Random(5)
    return [build_doc(i, rng, 300) for i in range(1, 121)]


def test_batches_rerun_and_crash_lose_nothing(db_url, docs):
    with psycopg.connect(db_url) as conn:
        folder = SearchTextFolder.from_database(conn)
        with pytest.raises(RuntimeError):
            write(conn, docs[:60], folder, fail_after_copy=True)
        assert conn.execute("SELECT count(*) FROM document_versions").fetchone()[0] == 0  # all or nothing
        assert write(conn, docs[:60], folder) == 60
        assert write(conn, docs, folder) == 60  # the rerun of a larger batch adds only the new rows
        assert write(conn, docs, folder) == 0
        stored = conn.execute("SELECT count(*), count(*) FILTER (WHERE search_text = fw_search_text(title, text))"
                              " FROM document_versions").fetchone()
        assert stored == (120, 120)
        pending = conn.execute("SELECT count(*) FROM document_versions WHERE fw_contains(search_keys, search_text, %s)",
                               [docs[7].text[10:13]]).fetchone()[0]
        like = conn.execute("SELECT count(*) FROM document_versions WHERE strpos(search_text, fw_normalize(%s)) > 0",
                            [docs[7].text[10:13]]).fetchone()[0]
        assert pending == like >= 1


def test_python_search_text_equals_sql(db_url):
    rng = random.Random(9)
    pairs = [(d.title, d.text) for d in (build_doc(i, rng, 600) for i in range(60))] + ODD_TEXTS
    with psycopg.connect(db_url) as conn:
        folder = SearchTextFolder.from_database(conn)
        for title, text in pairs:
            ours = folder.search_text(title, text)
            theirs = conn.execute("SELECT fw_search_text(%s, %s)", (title, text)).fetchone()[0]
            assert ours is None and "\U0001F6DC" in title + text or ours == theirs, (title, text)


def test_trigger_computes_once_and_checks_supplied_values(db_url):
    with psycopg.connect(db_url) as conn:
        ensure_source(conn, "sample")
        conn.execute("INSERT INTO documents (document_id, doc_key, source_id, canonical_url) VALUES"
                     " (1, 's:1', 'sample', 'https://e.cn/1')")
        for version_id, title in ((63, "舊標題"), (64, "第二版")):
            conn.execute("INSERT INTO document_versions (version_id, document_id, version_no, title, text, content_hash,"
                         " parser) VALUES (%s, 1, %s, %s, '正文', %s, 'p')", (version_id, version_id, title, title))
        conn.execute("UPDATE document_versions SET title = '新標題' WHERE version_id = 63")
        conn.execute("UPDATE document_versions SET lang = 'zh-Hant' WHERE version_id = 63")
        assert conn.execute("SELECT search_text FROM document_versions WHERE version_id = 63").fetchone()[0] == "新标题\n正文"
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="differs from fw_search_text"):
            conn.execute("UPDATE document_versions SET search_text = 'wrong' WHERE version_id = 64")


def test_versions_go_straight_in_and_stored_ones_are_left_out(db_url, docs):
    rows = rows_for(docs[:40])
    with psycopg.connect(db_url) as conn:
        folder = SearchTextFolder.from_database(conn)
        with indexed_batch(conn):
            ensure_source(conn, "sample")
            upsert_staged(conn, "documents", ("document_id", "doc_key", "source_id", "canonical_url"),
                          [(d.document_id, f"s:{d.document_id}", "sample", f"https://e.cn/{d.document_id}") for d in docs])
            assert copy_versions(conn, rows[:10], folder) == 10
            same_content = replace(rows[12], version_id=900, version_no=2, document_id=rows[3].document_id,
                                   content_hash=rows[3].content_hash)  # a stored (document, content hash)
            same_number = replace(rows[13], version_id=901, document_id=rows[4].document_id)  # a stored (document, no)
            # stored ids, a repeated row, two rows that only clash with stored ones by their other keys
            assert copy_versions(conn, rows[5:20] + rows[15:16] + [same_content, same_number], folder) == 10
        stored = conn.execute("SELECT array_agg(version_id ORDER BY version_id) FROM document_versions").fetchone()[0]
        assert stored == [r.version_id for r in rows[:20]]


def test_a_concurrent_writer_of_the_same_versions_sends_the_batch_through_staging(db_url, docs):
    rows = rows_for(docs[:30])
    with psycopg.connect(db_url) as setup:
        ensure_source(setup, "sample")
        upsert_staged(setup, "documents", ("document_id", "doc_key", "source_id", "canonical_url"),
                      [(d.document_id, f"s:{d.document_id}", "sample", f"https://e.cn/{d.document_id}") for d in docs])
    with psycopg.connect(db_url) as other, psycopg.connect(db_url) as conn, ThreadPoolExecutor(1) as pool:
        folder = SearchTextFolder.from_database(conn)
        with other.transaction():
            copy_versions(other, rows[10:20], folder)  # not committed: invisible to conn's check
            written = pool.submit(write_versions, conn, rows, folder)
            time.sleep(0.5)  # conn's COPY now waits on the uncommitted rows
        assert written.result(timeout=60) == 20  # the direct COPY hit a duplicate; staging skipped those 10
        assert conn.execute("SELECT count(*), count(DISTINCT version_id) FROM document_versions").fetchone() == (30, 30)
        hit = conn.execute("SELECT count(*) FROM document_versions WHERE fw_contains(search_keys, search_text, %s)",
                           [docs[25].text[5:9]]).fetchone()[0]
        like = conn.execute("SELECT count(*) FROM document_versions WHERE strpos(search_text, fw_normalize(%s)) > 0",
                            [docs[25].text[5:9]]).fetchone()[0]
        assert hit == like >= 1


def write_versions(conn, rows, folder) -> int:
    with indexed_batch(conn):
        return copy_versions(conn, rows, folder)


def test_insert_trigger_skips_only_rows_it_would_leave_unchanged(db_url):
    """Supplied values are trusted, except one version in 64 (checked) and missing ones (computed)."""
    with psycopg.connect(db_url) as conn:
        ensure_source(conn, "sample")
        conn.execute("INSERT INTO documents (document_id, doc_key, source_id, canonical_url) VALUES"
                     " (1, 's:1', 'sample', 'https://e.cn/1')")
        insert = ("INSERT INTO document_versions (version_id, document_id, version_no, title, text, content_hash, parser,"
                  " search_text, search_keys) VALUES (%s, 1, %s, '标题', '正文', %s, 'p', %s, %s)")
        conn.execute(insert, (1, 1, "h1", "trusted as sent", [7]))
        conn.execute(insert, (2, 2, "h2", None, None))
        conn.execute(insert, (3, 3, "h3", "标题\n正文", None))
        stored = conn.execute("SELECT version_id, search_text, search_keys = fw_document_keys(search_text)"
                              " FROM document_versions ORDER BY 1").fetchall()
        assert stored == [(1, "trusted as sent", False), (2, "标题\n正文", True), (3, "标题\n正文", True)]
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="differs from fw_search_text"):
            conn.execute(insert, (64, 64, "h64", "wrong", [7]))


def test_parallel_writers_merge_in_turn_and_at_the_end(db_url, docs):
    """Writers with merge=False leave entries pending (searched all the same); parallel_writers
    merges what is left at its end; a crashed batch leaves nothing."""
    def load(batch, crash=False):
        with psycopg.connect(db_url) as conn:
            return write(conn, batch, SearchTextFolder.from_database(conn), fail_after_copy=crash, merge=False)

    with psycopg.connect(db_url, autocommit=True) as conn:
        assert load(docs[:20]) == 20
        assert merge_pending(conn) > 0  # left pending by the writer
        with parallel_writers(db_url), ThreadPoolExecutor(2) as pool:
            written = list(pool.map(load, [docs[20:50], docs[50:80], docs[80:120]]))
            with pytest.raises(RuntimeError):
                load([replace(d, document_id=d.document_id + 1000) for d in docs[:10]], crash=True)
        assert written == [30, 30, 40]
        assert merge_pending(conn) == 0  # nothing left pending
        assert conn.execute("SELECT count(*) FROM document_versions").fetchone()[0] == 120
        for doc in docs[::17]:
            term = doc.text[20:23]
            hit = conn.execute("SELECT count(*) FROM document_versions WHERE fw_contains(search_keys, search_text, %s)",
                               [term]).fetchone()[0]
            like = conn.execute("SELECT count(*) FROM document_versions WHERE strpos(search_text, fw_normalize(%s)) > 0",
                                [term]).fetchone()[0]
            assert hit == like >= 1, term


def test_a_writer_merges_once_the_shared_pending_limit_is_passed(db_url, docs, monkeypatch):
    """With merge=False the pending list is merged by the writer whose insert passes
    SHARED_PENDING_LIMIT: far less is left pending than the batch wrote."""
    with psycopg.connect(db_url, autocommit=True) as conn:
        folder = SearchTextFolder.from_database(conn)
        write(conn, docs[:60], folder, merge=False)
        unlimited = merge_pending(conn)  # 60 versions' entries, well under 16 MB: all still pending
        monkeypatch.setattr(batch_write, "SHARED_PENDING_LIMIT", "64kB")  # the smallest limit allowed
        write(conn, docs[60:], folder, merge=False)
        assert 0 < merge_pending(conn) < unlimited / 2
