"""Issue 17: alert queries whose plan does not depend on table statistics, and statistics kept up
with large batches (futurewatch/core/stats.py)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import psycopg
from psycopg.rows import dict_row

from alerts.spikes import COUNTS_SQL, count_series
from futurewatch.core.stats import analyze_grown, stale_tables

NOW = datetime(2026, 11, 30, tzinfo=timezone.utc)
TABLES = ["documents", "document_versions", "classifications", "classification_runs", "entity_mentions"]


def fill_archive(conn, n: int) -> None:
    """n documents over 60 days (every 7th undated), each labelled with one of four codes."""
    for table in TABLES:  # no statistics at all: the state right after a bulk load
        conn.execute(f"ALTER TABLE {table} SET (autovacuum_enabled = false)")
    conn.execute("INSERT INTO sources (source_id, name, kind) VALUES ('s', 's', 'news')")
    conn.execute("INSERT INTO taxonomy_versions (version, checksum, data) VALUES ('t1', 'c1', '{}')")
    conn.execute("""
        INSERT INTO documents (document_id, doc_key, source_id, canonical_url, current_version_id, first_seen_at)
        SELECT i, 's:' || i, 's', 'https://e.cn/' || i, i, %(now)s - make_interval(hours => i %% 1440)
        FROM generate_series(1, %(n)s) i""", {"n": n, "now": NOW})
    conn.execute("""
        INSERT INTO document_versions (version_id, document_id, version_no, title, text, published_at, content_hash,
                                       parser)
        SELECT i, i, 1, 't' || i, '正文', CASE WHEN i %% 7 = 0 THEN NULL
                                             ELSE %(now)s - make_interval(hours => (i * 13) %% 1440) END,
               'h' || i, 'p'
        FROM generate_series(1, %(n)s) i""", {"n": n, "now": NOW})
    conn.execute("""
        INSERT INTO classifications (version_id, code, taxonomy_version_id, score)
        SELECT i, (ARRAY['quantum', 'ai', 'hydrogen', 'embodied_ai'])[1 + i %% 4], 1, 1.0
        FROM generate_series(1, %(n)s) i""", {"n": n})
    conn.execute("INSERT INTO classification_runs (version_id, taxonomy_version_id)"
                 " SELECT i, 1 FROM generate_series(1, %(n)s) i", {"n": n})
    conn.commit()


def plan_nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from plan_nodes(child)


def test_spike_counts_plan_version_first_without_statistics(db_url):
    with psycopg.connect(db_url, row_factory=dict_row) as conn:
        fill_archive(conn, 3000)
        params = {"now": NOW, "window": 86400.0, "since": NOW - timedelta(days=15), "codes": ["quantum"],
                  "entities": []}
        plan = conn.execute("EXPLAIN (FORMAT JSON) " + COUNTS_SQL, params).fetchone()["QUERY PLAN"][0]["Plan"]
        scans = {(node["Node Type"], node.get("Relation Name")) for node in plan_nodes(plan)}
        assert not {relation for kind, relation in scans if kind == "Seq Scan"} & set(TABLES), scans
        series = count_series(conn, NOW, timedelta(days=1), 14, ["quantum"], [])
        expected = [0] * 15
        for i in range(1, 3001):
            at = NOW - timedelta(hours=i % 1440) if i % 7 == 0 else NOW - timedelta(hours=(i * 13) % 1440)
            ago = int((NOW - at).total_seconds() // 86400)
            if i % 4 == 0 and at > NOW - timedelta(days=15) and 0 <= ago <= 14:
                expected[14 - ago] += 1
        assert series == expected


def test_analyze_grown_refreshes_only_stale_tables(db_url):
    with psycopg.connect(db_url) as conn:
        fill_archive(conn, 500)
        conn.execute("SELECT pg_stat_force_next_flush()")
    with psycopg.connect(db_url) as conn:
        assert {"documents", "classifications"} <= set(stale_tables(conn, TABLES))
        assert set(analyze_grown(conn, TABLES)) == set(TABLES) - {"entity_mentions"}  # empty: nothing to do
        conn.commit()
        conn.execute("SELECT pg_stat_force_next_flush()")
    with psycopg.connect(db_url) as conn:
        assert stale_tables(conn, TABLES) == []
        reltuples = conn.execute("SELECT reltuples FROM pg_class WHERE relname = 'documents'").fetchone()[0]
        assert reltuples == 500
