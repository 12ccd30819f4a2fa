"""Pipeline-shaped rows for alert tests: sources, stories, documents, versions, policy metadata,
classifications and entities exactly as the parser and classifier stages write them."""

from __future__ import annotations

import hashlib
import itertools
import json
from datetime import datetime, timezone

from psycopg.types.json import Jsonb

from futurewatch.core.db import connect

VIEWS = {
    "embodied_ai": ("具身智能", {"guangdong": "future_intelligent_equipment", "guangzhou": "embodied_intelligence"}),
    "quantum": ("量子科技", {"guangdong": "future_electronic_info", "national": "future_information"}),
    "ai": ("新一代人工智能", {"guangdong": "future_electronic_info", "national": "future_information"}),
    "hydrogen": ("氢能", {"guangdong": "future_green_low_carbon", "national": "future_energy"}),
}
_counter = itertools.count(1)


def add_taxonomy(db_url: str, *, classify_runs: bool = True) -> int:
    with connect(db_url) as conn:
        tv = conn.execute(
            "INSERT INTO taxonomy_versions (version, checksum, data) VALUES (%(v)s, %(c)s, '{}') "
            "RETURNING taxonomy_version_id", {"v": f"t{next(_counter)}", "c": f"c{next(_counter)}"}).fetchone()
        tv = tv["taxonomy_version_id"]
        for code, (name, views) in VIEWS.items():
            conn.execute("INSERT INTO categories (taxonomy_version_id, code, name_zh, views) "
                         "VALUES (%(t)s, %(c)s, %(n)s, %(v)s)", {"t": tv, "c": code, "n": name, "v": Jsonb(views)})
    return tv


def add_source(db_url: str, source_id: str, name: str | None = None, kind: str = "news") -> None:
    with connect(db_url) as conn:
        conn.execute("INSERT INTO sources (source_id, name, kind) VALUES (%(s)s, %(n)s, %(k)s) ON CONFLICT DO NOTHING",
                     {"s": source_id, "n": name or source_id, "k": kind})


def add_story(db_url: str) -> int:
    with connect(db_url) as conn:
        return conn.execute("INSERT INTO stories DEFAULT VALUES RETURNING story_id").fetchone()["story_id"]


def add_document(db_url: str, source_id: str, title: str, text: str, *, kind: str = "news", story_id: int | None = None,
                 published_at: datetime | None = None, doc_key: str | None = None) -> int:
    add_source(db_url, source_id)
    key = doc_key or f"{source_id}:{next(_counter)}"
    with connect(db_url) as conn:
        doc = conn.execute(
            "INSERT INTO documents (doc_key, source_id, kind, canonical_url, story_id) "
            "VALUES (%(k)s, %(s)s, %(kind)s, %(u)s, %(story)s) RETURNING document_id",
            {"k": key, "s": source_id, "kind": kind, "u": f"https://{source_id}.example.cn/{key.split(':')[-1]}.html",
             "story": story_id}).fetchone()["document_id"]
    add_version(db_url, doc, title, text, published_at=published_at)
    return doc


def add_version(db_url: str, document_id: int, title: str, text: str, *, published_at: datetime | None = None,
                created_at: datetime | None = None, change_summary: dict | None = None) -> int:
    with connect(db_url) as conn:
        prev = conn.execute("SELECT max(version_no) AS n, max(version_id) AS v FROM document_versions "
                            "WHERE document_id = %(d)s", {"d": document_id}).fetchone()
        row = conn.execute(
            """INSERT INTO document_versions (document_id, version_no, title, text, published_at, content_hash,
                   parser, replaces_version_id, change_summary, created_at)
               VALUES (%(d)s, %(n)s, %(t)s, %(x)s, %(p)s, %(h)s, 'test.V1', %(r)s, %(c)s, coalesce(%(at)s, now()))
               RETURNING version_id""",
            {"d": document_id, "n": (prev["n"] or 0) + 1, "t": title, "x": text,
             "p": published_at or datetime.now(timezone.utc), "r": prev["v"],
             "h": hashlib.sha256(f"{title}\n{text}".encode()).hexdigest(),
             "c": Jsonb(change_summary) if change_summary else None, "at": created_at}).fetchone()["version_id"]
        conn.execute("UPDATE documents SET current_version_id = %(v)s WHERE document_id = %(d)s",
                     {"v": row, "d": document_id})
    return row


def current_version(db_url: str, document_id: int) -> int:
    with connect(db_url) as conn:
        return conn.execute("SELECT current_version_id AS v FROM documents WHERE document_id = %(d)s",
                            {"d": document_id}).fetchone()["v"]


def add_policy(db_url: str, version_id: int, *, issuers: list[str], doc_number: str | None,
               validity: str | None = "in_force") -> None:
    with connect(db_url) as conn:
        conn.execute(
            """INSERT INTO policy_metadata (version_id, issuers, doc_number, validity)
               VALUES (%(v)s, %(i)s, %(n)s, %(val)s)
               ON CONFLICT (version_id) DO UPDATE SET issuers = EXCLUDED.issuers, doc_number = EXCLUDED.doc_number,
                   validity = EXCLUDED.validity""",
            {"v": version_id, "i": issuers, "n": doc_number, "val": validity})


def classify(db_url: str, version_id: int, tv: int, codes: dict[str, list[str]] | None = None,
             scores: dict[str, float] | None = None) -> None:
    """Classification output for one version: codes with evidence terms (score 1.0 unless given),
    plus its classification run."""
    with connect(db_url) as conn:
        for code, terms in (codes or {}).items():
            evidence = [{"term": t, "field": "text", "start": 0, "end": len(t)} for t in terms]
            conn.execute("INSERT INTO classifications (version_id, code, taxonomy_version_id, score, evidence) "
                         "VALUES (%(v)s, %(c)s, %(t)s, %(s)s, %(e)s)",
                         {"v": version_id, "c": code, "t": tv, "s": (scores or {}).get(code, 1.0), "e": Jsonb(evidence)})
        conn.execute("INSERT INTO classification_runs (version_id, taxonomy_version_id) VALUES (%(v)s, %(t)s) "
                     "ON CONFLICT DO NOTHING", {"v": version_id, "t": tv})


def add_entity(db_url: str, canonical: str, *, type: str = "org", aliases: list[str] = ()) -> int:
    with connect(db_url) as conn:
        eid = conn.execute(
            "INSERT INTO entities (type, canonical, first_seen_on) VALUES (%(t)s, %(c)s, current_date) "
            "ON CONFLICT (type, canonical) DO UPDATE SET canonical = EXCLUDED.canonical RETURNING entity_id",
            {"t": type, "c": canonical}).fetchone()["entity_id"]
        for alias in aliases:
            conn.execute("INSERT INTO entity_aliases (entity_id, alias) VALUES (%(e)s, %(a)s) ON CONFLICT DO NOTHING",
                         {"e": eid, "a": alias})
    return eid


def mention(db_url: str, version_id: int, entity_id: int, surface: str, start: int = 0) -> None:
    with connect(db_url) as conn:
        conn.execute("INSERT INTO entity_mentions (version_id, entity_id, start_offset, end_offset, surface) "
                     "VALUES (%(v)s, %(e)s, %(s)s, %(end)s, %(f)s) ON CONFLICT DO NOTHING",
                     {"v": version_id, "e": entity_id, "s": start, "end": start + len(surface), "f": surface})


def add_subscriber(db_url: str, email: str, rules: list[tuple[str, str, dict]], *, cadence: str = "daily",
                   timezone_name: str = "Asia/Shanghai", language: str = "zh") -> dict[str, int]:
    """A subscriber and its rules (name, type, params); returns rule ids by name."""
    with connect(db_url) as conn:
        sid = conn.execute(
            "INSERT INTO subscribers (email, name, cadence, timezone, language) VALUES (%(e)s, %(e)s, %(c)s, %(tz)s, %(l)s) "
            "RETURNING subscriber_id", {"e": email, "c": cadence, "tz": timezone_name, "l": language}
        ).fetchone()["subscriber_id"]
        ids = {}
        for name, rtype, params in rules:
            ids[name] = conn.execute(
                "INSERT INTO alert_rules (subscriber_id, name, rule_type, params) VALUES (%(s)s, %(n)s, %(t)s, %(p)s) "
                "RETURNING rule_id", {"s": sid, "n": name, "t": rtype, "p": Jsonb(params)}).fetchone()["rule_id"]
    return ids


def events(db_url: str, rule_id: int | None = None) -> list[dict]:
    with connect(db_url) as conn:
        return conn.execute("SELECT * FROM alert_events WHERE %(r)s::bigint IS NULL OR rule_id = %(r)s "
                            "ORDER BY event_id", {"r": rule_id}).fetchall()


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
