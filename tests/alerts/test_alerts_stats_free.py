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


def test_first_seen_plan_reads_entities_by_key_without_statistics(db_url):
    from alerts.firstseen import EARLIEST_SQL

    with psycopg.connect(db_url, row_factory=dict_row) as conn:
        fill_archive(conn, 3000)
        conn.execute("ALTER TABLE entities SET (autovacuum_enabled = false)")
        conn.execute("INSERT INTO entities (entity_id, type, canonical) SELECT i, 'org', 'org' || i "
                     "FROM generate_series(1, 20) i")
        conn.execute("INSERT INTO entity_mentions (version_id, entity_id, start_offset, end_offset, surface)"
                     " SELECT i, 1 + i % 20, 0, 2, 'org' FROM generate_series(1, 3000) i")
        conn.commit()
        params = {"ids": [3, 4], "codes": ["hydrogen"], "archive": False, "types": ["org"]}
        plan = conn.execute("EXPLAIN (FORMAT JSON) " + EARLIEST_SQL, params).fetchone()["QUERY PLAN"][0]["Plan"]
        scans = {(node["Node Type"], node.get("Relation Name")) for node in plan_nodes(plan)}
        assert not {relation for kind, relation in scans if kind == "Seq Scan"} & set(TABLES + ["entities"]), scans

        def at(i: int) -> datetime:  # undated versions count from created_at: stored now, after every date here
            return datetime.max.replace(tzinfo=timezone.utc) if i % 7 == 0 else NOW - timedelta(hours=(i * 13) % 1440)

        def earliest(entity: int) -> int:  # version i mentions entity 1 + i % 20; its label is code i % 4
            return min((i for i in range(1, 3001) if 1 + i % 20 == entity), key=lambda i: (at(i), i))

        # entity 3 is only in hydrogen versions (i % 4 == 2), entity 4 only in embodied_ai ones
        rows = conn.execute(EARLIEST_SQL, params).fetchall()
        assert [(r["entity_id"], r["version_id"], r["in_scope"]) for r in rows] == [(3, earliest(3), True)]
        rows = conn.execute(EARLIEST_SQL, {**params, "archive": True}).fetchall()
        assert [(r["entity_id"], r["version_id"], r["in_scope"]) for r in rows] == [
            (3, earliest(3), True), (4, earliest(4), False)]


def test_baseline_entities_are_stored_per_rule_and_looked_up_by_key(db_url, monkeypatch):
    """The warm-up's entities are stored as decided (alert_first_seen_baseline) and a later run trusts
    that instead of reading their mentions; a rule whose params changed decides again."""
    from alerts.events import match_events
    from futurewatch.core.config import load_settings
    from futurewatch.core.db import connect
    from tests.alerts import archive as A

    monkeypatch.delenv("FUTUREWATCH_FIRSTSEEN_WARMUP_DAYS", raising=False)  # 7 days from the first version
    tv = A.add_taxonomy(db_url)
    rule = A.add_subscriber(db_url, "b@example.com", [("新面孔", "first_seen_entity", {"categories": ["embodied_ai"]})])
    rule = rule["新面孔"]
    known, newcomer = A.add_entity(db_url, "教育部"), A.add_entity(db_url, "新锐机器人公司")

    def document(title: str, entities: list[tuple[int, str]]) -> int:
        version = A.current_version(db_url, A.add_document(db_url, "c114", title, title + " 具身智能"))
        A.classify(db_url, version, tv, {"embodied_ai": ["具身智能"]})
        for entity, surface in entities:
            A.mention(db_url, version, entity, surface)
        return version

    first = document("教育部谈机器人教育", [(known, "教育部")])
    match_events(db_url, now=datetime.now(timezone.utc), settings=load_settings())
    with connect(db_url) as conn:
        conn.execute("UPDATE document_versions SET created_at = now() - interval '30 days' WHERE version_id = %(v)s",
                     {"v": first})  # the archive began a month ago: the warm-up is over
        stored = conn.execute("SELECT entity_id FROM alert_first_seen_baseline WHERE rule_id = %(r)s",
                              {"r": rule}).fetchall()
    assert [r["entity_id"] for r in stored] == [known]
    document("新锐机器人公司与教育部合作", [(known, "教育部"), (newcomer, "新锐机器人公司")])
    match_events(db_url, now=datetime.now(timezone.utc), settings=load_settings())
    assert [e["payload"]["entity"]["name"] for e in A.events(db_url, rule)] == ["新锐机器人公司"]

    with connect(db_url) as conn:  # drop the warm-up mention: only the stored decision keeps 教育部 out now
        conn.execute("DELETE FROM entity_mentions WHERE version_id = %(v)s", {"v": first})
    document("教育部再谈具身智能", [(known, "教育部")])
    match_events(db_url, now=datetime.now(timezone.utc), settings=load_settings())
    assert [e["payload"]["entity"]["name"] for e in A.events(db_url, rule)] == ["新锐机器人公司"]

    with connect(db_url) as conn:  # new params: the stored decision no longer applies, the mentions are read
        conn.execute("UPDATE alert_rules SET params = params || '{\"types\": [\"org\"]}' WHERE rule_id = %(r)s",
                     {"r": rule})
    match_events(db_url, now=datetime.now(timezone.utc), settings=load_settings())
    assert sorted(e["payload"]["entity"]["name"] for e in A.events(db_url, rule)) == ["教育部", "新锐机器人公司"]


def test_facts_of_a_batch_are_read_by_key_without_statistics(db_url):
    from alerts.facts import FACTS_SQL, select_facts

    with psycopg.connect(db_url, row_factory=dict_row) as conn:
        fill_archive(conn, 3000)
        for table in ("sources", "policy_metadata"):
            conn.execute(f"ALTER TABLE {table} SET (autovacuum_enabled = false)")  # our constants
        conn.execute("INSERT INTO policy_metadata (version_id, issuers, doc_number) VALUES (12, '{国务院}', '国发〔2025〕1号')")
        conn.commit()
        params = {"ids": list(range(1, 501))}
        plan = conn.execute("EXPLAIN (FORMAT JSON) " + FACTS_SQL, params).fetchone()["QUERY PLAN"][0]["Plan"]
        scans = {(node["Node Type"], node.get("Relation Name")) for node in plan_nodes(plan)}
        assert not {relation for kind, relation in scans if kind == "Seq Scan"} & set(TABLES + ["policy_metadata"]), scans
        facts = select_facts(conn, [12, 8, 3001, 7])  # 3001 does not exist
    assert [f.version_id for f in facts] == [7, 8, 12]
    assert facts[2].doc_number == "国发〔2025〕1号" and facts[0].doc_number is None
    assert facts[0].codes.keys() == {"embodied_ai"} and facts[1].codes.keys() == {"quantum"}  # code of i % 4
    assert facts[0].published_at is None and facts[1].published_at is not None  # 7 undated, 8 dated
    assert {f.taxonomy_version_id for f in facts} == {1}
