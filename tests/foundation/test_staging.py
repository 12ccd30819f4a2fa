"""futurewatch/core/staging.py on a real PostgreSQL: COPY-staged upserts, rerun-safe."""

from __future__ import annotations

import psycopg

from futurewatch.core.staging import upsert_staged

COLUMNS = ("source_id", "name", "kind")
UPDATE = "ON CONFLICT (source_id) DO UPDATE SET name = EXCLUDED.name"


def test_staged_rows_are_inserted_once_and_upserted_on_rerun(db_url):
    rows = [("a", "甲", "news"), ("b", "乙\t\\ \n", "policy")]  # COPY's special characters survive
    with psycopg.connect(db_url) as conn:
        assert upsert_staged(conn, "sources", COLUMNS, rows) == 2
        assert upsert_staged(conn, "sources", COLUMNS, rows) == 0  # DO NOTHING: already stored
        assert upsert_staged(conn, "sources", COLUMNS, [("a", "甲二", "news"), ("c", "丙", "news")], UPDATE) == 2
        stored = dict(conn.execute("SELECT source_id, name FROM sources WHERE source_id IN ('a', 'b', 'c')").fetchall())
    assert stored == {"a": "甲二", "b": "乙\t\\ \n", "c": "丙"}


def test_a_failed_staged_insert_leaves_nothing(db_url):
    with psycopg.connect(db_url) as conn:
        try:
            with conn.transaction():
                upsert_staged(conn, "sources", COLUMNS, [("d", "丁", "news"), ("e", None, "news")])
        except psycopg.errors.NotNullViolation:
            pass
        else:
            raise AssertionError("a NULL name must fail the insert")
        assert conn.execute("SELECT count(*) FROM sources WHERE source_id IN ('d', 'e')").fetchone()[0] == 0
