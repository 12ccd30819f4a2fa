"""futurewatch_reader reads the views and searches; base tables and writes are refused."""

from __future__ import annotations

import psycopg
import pytest

from tests.sqlviews.seed import build_seed, insert_seed

READER_VIEWS = ["v_sources", "v_documents", "v_document_categories", "v_categories", "v_policy_documents",
                "v_entities", "v_entity_mentions", "v_entity_mentions_daily", "v_stories", "v_policy_links",
                "v_policy_measures", "v_policy_issuers"]


@pytest.fixture
def seeded_url(db_url):
    with psycopg.connect(db_url) as conn:
        insert_seed(conn, build_seed(conn))
    return db_url


def as_reader(db_url: str, statement: str, params=None):
    with psycopg.connect(db_url) as conn:
        conn.execute("SET ROLE futurewatch_reader")
        return conn.execute(statement, params).fetchall()


def test_reader_role_is_nologin(db_url):
    with psycopg.connect(db_url) as conn:
        row = conn.execute("SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = 'futurewatch_reader'").fetchone()
    assert row == (False, False)


@pytest.mark.parametrize("view", READER_VIEWS)
def test_reader_reads_every_view(seeded_url, view):
    assert as_reader(seeded_url, f"SELECT count(*) FROM {view}")[0][0] > 0


def test_reader_searches(seeded_url):
    rows = as_reader(seeded_url, "SELECT document_id FROM fw_search('廣東 量子', 10)")
    assert {r[0] for r in rows} == {2, 8}
    rows = as_reader(seeded_url, "SELECT document_id FROM v_documents WHERE fw_contains(search_keys, search_text, '广东')")
    assert {r[0] for r in rows} == {2, 8}


@pytest.mark.parametrize("table", ["documents", "document_versions", "sources", "policy_metadata",
                                   "classifications", "entities", "subscribers", "raw_fetches"])
def test_reader_cannot_read_base_tables(seeded_url, table):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        as_reader(seeded_url, f"SELECT * FROM {table} LIMIT 1")


@pytest.mark.parametrize("statement", [
    "INSERT INTO v_sources (source_id, name, kind) VALUES ('x', 'x', 'news')",
    "UPDATE v_sources SET name = 'x'",
    "DELETE FROM v_sources",
    "INSERT INTO sources (source_id, name, kind) VALUES ('x', 'x', 'news')",
    "UPDATE documents SET canonical_url = 'x'",
    "CREATE TABLE reader_scratch (id int)",
    "CREATE VIEW reader_view AS SELECT 1",
])
def test_reader_is_refused_writes(seeded_url, statement):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        as_reader(seeded_url, statement + " RETURNING 1" if statement.startswith(("INSERT", "UPDATE", "DELETE")) else statement)
    with psycopg.connect(seeded_url) as conn:
        assert conn.execute("SELECT count(*) FROM sources WHERE source_id = 'x'").fetchone()[0] == 0


def test_search_is_not_open_to_public(seeded_url):
    with psycopg.connect(seeded_url) as conn:
        allowed = conn.execute(
            "SELECT has_function_privilege('public', 'fw_search(text, integer)', 'EXECUTE')"
        ).fetchone()[0]
    assert allowed is False


def test_every_view_and_column_is_commented(db_url):
    with psycopg.connect(db_url) as conn:
        for view in READER_VIEWS:
            assert conn.execute("SELECT obj_description(%s::regclass, 'pg_class')", (view,)).fetchone()[0], view
            missing = conn.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0"
                " AND NOT attisdropped AND col_description(attrelid, attnum) IS NULL", (view,)
            ).fetchall()
            assert missing == [], (view, missing)
