"""The batch writer (parsers/batch_write.py) and search_text computed once (migration 0170):
rerunnable batches, all-or-nothing on a crash, Python's search_text equal to SQL's."""

from __future__ import annotations

import hashlib
import random

import psycopg
import pytest

from futurewatch.core.searchtext import SearchTextFolder
from parsers.batch_write import VersionRow, copy_versions, indexed_batch, upsert_staged
from tests.search.corpus import build_doc, ensure_source

ODD_TEXTS = [("ＡＢＣ Ⅻ ﬁ ㍿", "İstanbul ΣΑΣ ß ẞ 臺灣 ①② 量子計算"), ("a\nb", "c\r\nd\u00a0e"), ("", ""),
             ("新\U0001F6DC标题", "Unicode 15 的字符 \U0001F6DC 由数据库计算")]


def rows_for(docs) -> list[VersionRow]:
    return [VersionRow(d.document_id, d.document_id, 1, d.title, d.text, d.published_at,
                       hashlib.sha256((d.title + d.text).encode()).hexdigest(), "sample.V1") for d in docs]


def write(conn, docs, folder, fail_after_copy: bool = False) -> int:
    with indexed_batch(conn):
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
