"""The batched write of `process` (parsers/batch_store.py) on a real PostgreSQL: the same archive as
page by page, a kill in the middle of a batch and a rerun, and a failed bulk write."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import psycopg
import pytest

from futurewatch.core.db import connect
from futurewatch.core.rawstore import open_raw_store
from parsers import batch_store
from parsers.process import process_pending
from tests.conftest import fresh_database
from tests.search.corpus import build_doc, ensure_source

ROOT = Path(__file__).resolve().parents[2]
WHEN = datetime(2024, 3, 1, 2, tzinfo=timezone.utc)


def html(title: str, text: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in text.split("\n") if p)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><div class='article'>"
            f"<h1>{title}</h1><div class='info'>发布时间：2024-03-01</div>{body}</div></body></html>").encode()


def add_pages(url: str, n: int, settings) -> None:
    """n pages: new articles, reprints of earlier ones at new URLs (same story), changed pages at a
    stored URL (new versions) and refetches of the same bytes at a tracking URL (unchanged), some of
    them inside one batch."""
    store = open_raw_store(settings)
    with psycopg.connect(url) as conn:
        ensure_source(conn, "sample")
        for i in range(1, n + 1):
            doc = build_doc(i, random.Random(i), 600, mixed=False)
            slot, text = i, doc.text
            if i % 6 == 0:
                text = build_doc(i - 2, random.Random(i - 2), 600, mixed=False).text + "\n转载自本站。"
            elif i % 7 == 3 and i > 7:
                slot = i - 7
            elif i % 11 == 0:
                slot, doc = f"{i - 1}.html?utm_source=rss", build_doc(i - 1, random.Random(i - 1), 600, mixed=False)
                text = doc.text
            body = html(doc.title, text)
            sha, key = store.put(body)
            page = f"https://news.example.cn/a/{slot}" + ("" if isinstance(slot, str) else ".html")
            conn.execute("INSERT INTO raw_fetches (source_id, url, final_url, status, fetched_at, sha256, size_bytes,"
                         " storage_key, kind) VALUES ('sample', %s, %s, 200, %s, %s, %s, %s, 'page')",
                         (page, page, WHEN, sha, len(body), key))


def archive(url: str) -> dict:
    """The stored archive without generated ids: what must not depend on how it was written."""
    with psycopg.connect(url) as conn:
        q = lambda s: sorted(conn.execute(s).fetchall())  # noqa: E731
        stories = q("SELECT array_agg(doc_key ORDER BY doc_key) FROM documents GROUP BY story_id")
        return {
            "documents": q("SELECT doc_key, kind, canonical_url FROM documents"),
            "urls": q("SELECT u.url, d.doc_key FROM document_urls u JOIN documents d USING (document_id)"),
            "versions": q("SELECT d.doc_key, v.version_no, v.content_hash, v.title, v.search_text, r.url, "
                          " v.version_id = d.current_version_id, v.change_summary::text"
                          " FROM document_versions v JOIN documents d USING (document_id)"
                          " JOIN raw_fetches r USING (raw_fetch_id)"),
            "stories": stories,
            "fetches": q("SELECT url, sha256, processed_at IS NOT NULL, process_error, not_article FROM raw_fetches"),
        }


@pytest.fixture
def twin_url(pg_admin_url, template_url):
    """A second fresh database on the same server."""
    yield from fresh_database(pg_admin_url)


def test_batched_write_stores_what_page_by_page_stores(fw_env, twin_url, monkeypatch):
    batched = fw_env.db_url
    add_pages(batched, 40, fw_env)
    add_pages(twin_url, 40, fw_env)
    summary = process_pending(batched, settings=fw_env, batch_size=9)
    with monkeypatch.context() as patch:  # every page through parsers/store.py, one by one
        patch.setattr(batch_store, "store_new_documents", lambda conn, folder, index, pages, summary: pages)
        one_by_one = process_pending(twin_url, settings=fw_env, batch_size=9)
    assert summary.failed == 0 and summary.pages == 40
    assert summary.unchanged > 0 and summary.versions_new > summary.documents_new  # every path was taken
    assert (summary.documents_new, summary.versions_new, summary.unchanged, summary.stories_new) == (
        one_by_one.documents_new, one_by_one.versions_new, one_by_one.unchanged, one_by_one.stories_new)
    stored = archive(batched)
    assert stored == archive(twin_url)
    assert any(len(members) > 1 for (members,) in stored["stories"])  # reprints joined a story
    with psycopg.connect(batched) as conn:  # the search text from Python is the database's own
        assert conn.execute("SELECT count(*) FROM document_versions"
                            " WHERE search_text IS DISTINCT FROM fw_search_text(title, text)").fetchone()[0] == 0
        conn.execute("SET enable_seqscan = off")  # fw_contains through the index, even on a small table
        matched = 0
        for term in ("量子", "人工智能", "未來產業", "6G"):  # the index, merged per batch, finds what LIKE finds
            found = conn.execute("SELECT array_agg(version_id ORDER BY version_id) FROM document_versions"
                                 " WHERE fw_contains(search_keys, search_text, %s)", [term]).fetchone()[0]
            like = conn.execute("SELECT array_agg(version_id ORDER BY version_id) FROM document_versions"
                                " WHERE strpos(search_text, fw_normalize(%s)) > 0", [term]).fetchone()[0]
            assert found == like
            matched += like is not None
        assert matched >= 2


KILLER = """
import os, signal, sys
from parsers import batch_store, process
done = []
def store_then_die(*args):
    left = write(*args)
    done.append(1)
    if len(done) == 3:  # the third batch's rows are written, its transaction still open
        os.kill(os.getpid(), signal.SIGKILL)
    return left
write, batch_store.store_new_documents = batch_store.store_new_documents, store_then_die
from futurewatch.core.config import load_settings
process.process_pending(sys.argv[1], settings=load_settings(), batch_size=5)
"""


def test_killed_in_the_middle_of_a_batch_the_rerun_gives_the_same_archive(fw_env, twin_url):
    url = fw_env.db_url
    add_pages(url, 30, fw_env)
    add_pages(twin_url, 30, fw_env)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    killed = subprocess.run([sys.executable, "-c", KILLER, url], env=env, cwd=ROOT, capture_output=True, text=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    with psycopg.connect(url) as conn:
        processed = conn.execute("SELECT count(*) FROM raw_fetches WHERE processed_at IS NOT NULL").fetchone()[0]
    assert processed == 10  # two whole batches, nothing of the third
    process_pending(url, settings=fw_env, batch_size=5)
    process_pending(twin_url, settings=fw_env, batch_size=5)
    assert archive(url) == archive(twin_url)
    assert process_pending(url, settings=fw_env).pages == 0


def test_a_failed_bulk_write_falls_back_to_page_by_page(fw_env, monkeypatch):
    url = fw_env.db_url
    add_pages(url, 12, fw_env)

    def broken(conn, folder, pages):
        conn.execute("SELECT 1/0")
    monkeypatch.setattr(batch_store, "_insert_versions", broken)
    summary = process_pending(url, settings=fw_env, batch_size=12)
    assert summary.failed == 0 and summary.pages == 12 and summary.documents_new > 0
    with connect(url) as conn:
        versions = conn.execute("SELECT count(*) AS n FROM document_versions").fetchone()["n"]
        orphans = conn.execute("SELECT count(*) AS n FROM documents d WHERE NOT EXISTS ("
                               "SELECT 1 FROM document_versions v WHERE v.document_id = d.document_id)").fetchone()["n"]
    assert versions == summary.versions_new and orphans == 0
