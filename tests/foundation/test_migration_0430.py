"""0430 builds its keys concurrently, outside one transaction: interrupted after any statement (or with
an index a failed concurrent build left invalid), the next migrate finishes it with the same schema."""

from __future__ import annotations

import psycopg
import pytest
import sqlparse
from yoyo import read_migrations

from futurewatch.core import migrate
from tests.search.test_search_keys import database_before

MIGRATION = "0430_keep_reverted_pages"
STATEMENTS = [s for s in sqlparse.split((migrate.MIGRATIONS_DIR / f"{MIGRATION}.sql").read_text()) if s.strip()]

SHAPE = """
SELECT 'constraint' AS what, conname AS name, pg_get_constraintdef(oid) AS def, convalidated AS valid
FROM pg_constraint WHERE conrelid IN ('raw_fetches'::regclass, 'document_versions'::regclass) AND contype IN ('u', 'f')
UNION ALL
SELECT 'index', c.relname, pg_get_indexdef(i.indexrelid), i.indisvalid
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid IN ('raw_fetches'::regclass, 'document_versions'::regclass)
ORDER BY 1, 2
"""
BEFORE_0430 = [
    "ALTER TABLE raw_fetches DROP CONSTRAINT IF EXISTS raw_fetches_url_sha256_follows_key",
    "DROP INDEX IF EXISTS raw_fetches_url_sha256_follows_key",
    "DROP INDEX IF EXISTS raw_fetches_follows_raw_fetch_id_idx",
    "ALTER TABLE raw_fetches DROP COLUMN IF EXISTS follows_raw_fetch_id",
    "ALTER TABLE raw_fetches DROP CONSTRAINT IF EXISTS raw_fetches_url_sha256_key",
    "ALTER TABLE raw_fetches ADD CONSTRAINT raw_fetches_url_sha256_key UNIQUE (url, sha256)",
    "ALTER TABLE document_versions DROP CONSTRAINT IF EXISTS document_versions_content_after_key",
    "DROP INDEX IF EXISTS document_versions_content_after_key",
    "ALTER TABLE document_versions DROP CONSTRAINT IF EXISTS document_versions_document_id_content_hash_key",
    "ALTER TABLE document_versions ADD CONSTRAINT document_versions_document_id_content_hash_key"
    " UNIQUE (document_id, content_hash)",
    "UPDATE seen_urls SET etag = '\"a\"' WHERE url = 'https://x.example/p'",
    f"DELETE FROM _yoyo_migration WHERE migration_id = '{MIGRATION}'",
]
FETCH = """
INSERT INTO raw_fetches (source_id, url, final_url, status, fetched_at, sha256, size_bytes, storage_key)
VALUES ('s', %(url)s, %(url)s, 200, now(), %(sha)s, 1, %(sha)s)
"""


@pytest.fixture
def archive_before_0430(pg_admin_url):
    """A database before 0430 holding a URL reverted A → B → A then (seen_urls on A, latest fetch B) and
    one that did not (seen_urls and latest fetch on C)."""
    for url in database_before(pg_admin_url, MIGRATION[:4]):
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("INSERT INTO sources (source_id, name, kind) VALUES ('s', 's', 'news')")
            for url_, sha in (("https://x.example/p", "a"), ("https://x.example/p", "b"), ("https://x.example/q", "c")):
                conn.execute(FETCH, {"url": url_, "sha": sha})
            conn.execute("INSERT INTO seen_urls (url, source_id, last_sha256, etag) VALUES"
                         " ('https://x.example/p', 's', 'a', '\"a\"'), ('https://x.example/q', 's', 'c', '\"c\"')")
        yield url


def migrate_0430(url: str) -> list[tuple]:
    assert MIGRATION in migrate.apply_migrations(url)
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT url, etag FROM seen_urls ORDER BY url").fetchall() == [
            ("https://x.example/p", None), ("https://x.example/q", '"c"')]  # p: rechecked by a full GET
        assert conn.execute("SELECT count(*) FROM raw_fetches").fetchone() == (3,)
        return conn.execute(SHAPE).fetchall()


def undo_0430(url: str, statements: list[str]) -> None:
    """Back to the schema before 0430, then the first statements of 0430 as an interrupted run left them."""
    with psycopg.connect(url, autocommit=True) as conn:
        for sql in BEFORE_0430 + statements:
            conn.execute(sql)


def test_migration_is_not_one_transaction():
    [m] = read_migrations(str(migrate.MIGRATIONS_DIR)).filter(lambda m: m.id == MIGRATION)
    m.load()
    assert not m.use_transactions
    bare = (sqlparse.format(s, strip_comments=True).strip() for s in STATEMENTS)
    creates = [s for s in bare if s.startswith("CREATE")]
    assert len(creates) == 3 and all(" INDEX CONCURRENTLY IF NOT EXISTS " in s for s in creates)


def test_interrupted_anywhere_the_next_migrate_finishes(archive_before_0430):
    url = archive_before_0430
    done = migrate_0430(url)
    assert ("constraint", "raw_fetches_url_sha256_follows_key",
            "UNIQUE NULLS NOT DISTINCT (url, sha256, follows_raw_fetch_id)", True) in done
    assert ("constraint", "document_versions_content_after_key",
            "UNIQUE NULLS NOT DISTINCT (document_id, content_hash, replaces_version_id)", True) in done
    assert {r[1] for r in done} >= {"raw_fetches_follows_raw_fetch_id_fkey", "raw_fetches_follows_raw_fetch_id_idx"}
    assert not {r[1] for r in done} & {"raw_fetches_url_sha256_key", "document_versions_document_id_content_hash_key"}
    for n in range(1, len(STATEMENTS) + 1):
        undo_0430(url, STATEMENTS[:n])
        assert migrate_0430(url) == done, f"interrupted after statement {n}"


def test_index_left_invalid_by_a_failed_build_is_built_again(archive_before_0430):
    url = archive_before_0430
    done = migrate_0430(url)
    undo_0430(url, STATEMENTS[:1])
    with psycopg.connect(url, autocommit=True) as conn, pytest.raises(psycopg.errors.UniqueViolation):
        conn.execute("CREATE UNIQUE INDEX CONCURRENTLY raw_fetches_url_sha256_follows_key ON raw_fetches (source_id)")
    assert migrate_0430(url) == done
