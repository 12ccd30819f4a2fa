"""A small archive for the reader views: policies, news, a Traditional article, labels, entities,
and documents revised before their current version (each earlier version carrying the same labels,
mentions and policy rows), which no reader view may count.

Timestamps are placed relative to the database's now(), so "this year / month / week" queries
have a known answer on any day; dates (*_on) relative to today in China. `Seed`
keeps what was inserted, for computing expectations.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import psycopg
from psycopg import sql


@dataclass
class Doc:
    document_id: int
    source_id: str
    kind: str
    title: str
    text: str
    published_at: datetime
    lang: str = "zh-Hans"
    story_id: int | None = None


@dataclass
class Seed:
    now: datetime
    today: date  # in China
    year_start: datetime
    month_start: datetime
    docs: dict[int, Doc] = field(default_factory=dict)
    labels: list[tuple[int, str, float]] = field(default_factory=list)     # (document_id, code, score)
    mentions: list[tuple[int, int]] = field(default_factory=list)          # (document_id, entity_id)
    entities: dict[int, tuple[str, str, date]] = field(default_factory=dict)  # id -> (type, canonical, first seen)


SOURCES = [("gd_gov", "广东省人民政府", "policy"), ("miit", "工业和信息化部", "policy"),
           ("c114", "C114通信网", "news"), ("nanfang", "南方网", "news"), ("takungpao", "大公報", "news")]
CATEGORIES = [("quantum", "量子科技", {"guangdong": "future_electronic_info"}),
              ("embodied_ai", "具身智能", {"guangdong": "future_intelligent_equipment"}),
              ("low_altitude", "低空经济", {"guangdong": "low_altitude"})]


def build_seed(conn: psycopg.Connection) -> Seed:
    now, today, year_start, month_start = conn.execute(
        "SELECT now(), (now() AT TIME ZONE 'Asia/Shanghai')::date, date_trunc('year', now()),"
        " date_trunc('month', now())"
    ).fetchone()
    seed = Seed(now, today, year_start, month_start)
    this_year, this_month = year_start + timedelta(hours=36), month_start + timedelta(hours=36)
    last_month, last_year = month_start - timedelta(days=10), year_start - timedelta(days=10)
    for doc in [
        Doc(1, "gd_gov", "policy", "关于加快量子科技产业发展的意见", "推进量子计算和量子通信协同创新。", this_year),
        Doc(2, "gd_gov", "policy", "广东省培育发展未来电子信息产业集群行动计划", "布局量子科技、具身智能和6G。", this_month),
        Doc(3, "gd_gov", "policy", "关于量子产业的通知", "支持量子基础研究。", last_year),
        Doc(4, "miit", "policy", "量子科技标准化工作指南", "量子测量标准体系。", this_year),
        Doc(5, "gd_gov", "policy", "低空经济发展方案", "发展低空经济和通用航空。", this_year),
        Doc(6, "c114", "news", "优必选发布具身智能机器人", "具身智能机器人量产。", this_month, story_id=1),
        Doc(7, "nanfang", "news", "具身智能机器人量产在即", "优必选的具身智能机器人量产。", this_month, story_id=1),
        Doc(8, "takungpao", "news", "廣東量子科技發展", "廣東省推動量子通信產業。", this_month, "zh-Hant", 2),
        Doc(9, "c114", "news", "低空经济观察", "低空经济持续升温。", last_month),
    ]:
        seed.docs[doc.document_id] = doc
    seed.labels = [(1, "quantum", 0.9), (2, "quantum", 0.8), (2, "embodied_ai", 0.5), (6, "embodied_ai", 0.9),
                   (7, "embodied_ai", 0.85), (8, "quantum", 0.7), (9, "low_altitude", 0.9)]
    seed.entities = {1: ("org", "优必选", today), 2: ("org", "广东省人民政府", today - timedelta(days=30)),
                     3: ("org", "工业和信息化部", today - timedelta(days=3))}
    seed.mentions = [(6, 1), (7, 1), (2, 2), (1, 2), (4, 3)]
    return seed


POLICY = {  # document_id -> (doc_number, issuers, validity, effective in N days)
    1: ("粤府〔{y}〕12号", ["广东省人民政府"], "in_force", 10),
    2: ("粤工信电子〔{y}〕2号", ["广东省工业和信息化厅", "广东省发展和改革委员会", "广东省科学技术厅",
                            "广东省财政厅", "广东省人力资源和社会保障厅", "广东省市场监督管理局"], "in_force", -5),
    3: ("粤府〔{y1}〕3号", ["广东省人民政府"], "in_force", -300),
    4: ("工信部科〔{y}〕5号", ["工业和信息化部"], "in_force", 60),
    5: ("粤工信〔{y}〕9号", ["广东省工业和信息化厅"], "in_force", -1),
}


def insert_seed(conn: psycopg.Connection, seed: Seed) -> None:
    conn.cursor().executemany("INSERT INTO sources (source_id, name, kind) VALUES (%s, %s, %s)", SOURCES)
    conn.execute("INSERT INTO stories (story_id) VALUES (1), (2)")
    for doc in seed.docs.values():
        insert_doc(conn, doc)
    year = seed.year_start.year
    for doc_id, (number, issuers, validity, days) in POLICY.items():
        conn.execute(
            "INSERT INTO policy_metadata (version_id, doc_number, issuers, validity, published_on, effective_on)"
            " VALUES (%s, %s, %s, %s, %s, %s)",
            (doc_id, number.format(y=year, y1=year - 1), issuers, validity,
             seed.docs[doc_id].published_at.date(), seed.today + timedelta(days=days)),
        )
    insert_taxonomy(conn, seed)
    insert_entities(conn, seed)
    insert_policy_intelligence(conn, seed)
    insert_earlier_versions(conn)


def insert_doc(conn: psycopg.Connection, doc: Doc) -> None:
    conn.execute(
        "INSERT INTO documents (document_id, doc_key, source_id, kind, canonical_url, story_id, current_version_id)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s)",
        (doc.document_id, f"{doc.source_id}:{doc.document_id}", doc.source_id, doc.kind,
         f"https://{doc.source_id}.example.cn/{doc.document_id}.html", doc.story_id, doc.document_id),
    )
    conn.execute(
        "INSERT INTO document_versions (version_id, document_id, version_no, title, text, published_at, lang,"
        " content_hash, parser) VALUES (%s, %s, 1, %s, %s, %s, %s, %s, 'seed.V1')",
        (doc.document_id, doc.document_id, doc.title, doc.text, doc.published_at, doc.lang,
         hashlib.sha256(doc.text.encode()).hexdigest()),
    )


def insert_taxonomy(conn: psycopg.Connection, seed: Seed) -> None:
    conn.execute("INSERT INTO taxonomy_versions (taxonomy_version_id, version, checksum, data)"
                 " VALUES (1, '2024.1', 'c1', '{}'), (2, '2025.1', 'c2', '{}')")
    for tv in (1, 2):
        conn.cursor().executemany(
            "INSERT INTO categories (taxonomy_version_id, code, name_zh, views) VALUES (%s, %s, %s, %s)",
            [(tv, code, name, json.dumps(views)) for code, name, views in CATEGORIES],
        )
    # Version 1 was labelled under both taxonomies: only the newer labels are current.
    conn.execute("INSERT INTO classifications (version_id, code, taxonomy_version_id, score)"
                 " VALUES (1, 'low_altitude', 1, 0.4)")
    conn.cursor().executemany("INSERT INTO classifications (version_id, code, taxonomy_version_id, score) VALUES (%s, %s, 2, %s)",
                     seed.labels)
    runs = {(1, 1)} | {(doc_id, 2) for doc_id, _, _ in seed.labels}
    conn.cursor().executemany("INSERT INTO classification_runs (version_id, taxonomy_version_id) VALUES (%s, %s)", sorted(runs))


def insert_entities(conn: psycopg.Connection, seed: Seed) -> None:
    for entity_id, (kind, canonical, first_seen) in seed.entities.items():
        conn.execute("INSERT INTO entities (entity_id, type, canonical, first_seen_on) VALUES (%s, %s, %s, %s)",
                     (entity_id, kind, canonical, first_seen))
    for doc_id, entity_id in seed.mentions:
        surface = seed.entities[entity_id][1]
        start = max(seed.docs[doc_id].text.find(surface), 0)
        conn.execute(
            "INSERT INTO entity_mentions (version_id, entity_id, start_offset, end_offset, surface)"
            " VALUES (%s, %s, %s, %s, %s)",
            (doc_id, entity_id, start, start + len(surface), surface),
        )


LEVELS = {1: "provincial", 2: "provincial", 3: "provincial", 4: "national", 5: "provincial"}
LINKS = [  # (from, to, relation, target title): national 4 ← provincial 2 ← provincial 5; one waiting
    (2, 4, "implements", "量子科技标准化工作指南"),
    (5, 2, "implements", "广东省培育发展未来电子信息产业集群行动计划"),
    (1, None, "implements", "关于加快培育发展未来产业的行动方案"),
    (3, 1, "cites", "关于加快量子科技产业发展的意见"),
]
MEASURES = [  # (document_id, kind, amount_yuan, target_year, due in N days, text)
    (2, "funding", 50_000_000, None, None, "对新认定的国家级创新中心给予最高5000万元资助。"),
    (2, "target", None, 2030, None, "到2030年，未来电子信息产业规模达到1万亿元。"),
    (4, "funding", 5_000_000, None, None, "给予最高500万元奖励。"),
    (1, "deadline", None, None, 10, "申报截止时间为十天后。"),
    (5, "deadline", None, None, 45, "请于四十五天后前报送。"),
]


def insert_policy_intelligence(conn: psycopg.Connection, seed: Seed) -> None:
    """Issuers with levels, links between the policies, and their measures (tables of migration 0110)."""
    for doc_id, (_, issuers, _, _) in POLICY.items():
        for position, name in enumerate(issuers, start=1):
            conn.execute("INSERT INTO policy_issuers (version_id, position, name, level, region) VALUES (%s, %s, %s, %s, %s)",
                         (doc_id, position, name, LEVELS[doc_id], "national" if LEVELS[doc_id] == "national" else "广东省"))
    for from_id, to_id, relation, title in LINKS:
        conn.execute("INSERT INTO policy_references (version_id, target_key, relation, target_keys, target_title, evidence,"
                     " to_document_id) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                     (from_id, "t:" + title, relation, ["t:" + title], title, f"为贯彻落实《{title}》，制定本方案。", to_id))
    for position, (doc_id, kind, amount, year, days, text) in enumerate(MEASURES, start=1):
        due = seed.today + timedelta(days=days) if days is not None else None
        conn.execute("INSERT INTO policy_measures (version_id, position, kind, amount_yuan, target_year, due_on, text)"
                     " VALUES (%s, %s, %s, %s, %s, %s, %s)", (doc_id, position, kind, amount, year, due, text))


REVISED = {2: 1, 6: 2}  # document_id -> earlier versions (ids 100 × document_id + 1, 2, …)
VERSION_ROWS = {  # every table holding a version's rows, with the columns copied to an earlier version
    "classifications": ["code", "taxonomy_version_id", "score"],
    "classification_runs": ["taxonomy_version_id"],
    "entity_mentions": ["entity_id", "start_offset", "end_offset", "surface"],
    "policy_metadata": ["index_no", "issuers", "doc_number", "written_at", "published_on", "effective_on", "validity"],
    "policy_issuers": ["position", "name", "level", "region"],
    "policy_references": ["target_key", "relation", "target_keys", "target_title", "evidence", "to_document_id"],
    "policy_measures": ["position", "kind", "amount_yuan", "target_year", "due_on", "text"],
}
_COPY = sql.SQL("INSERT INTO {table} (version_id, {columns})"
                " SELECT %(v)s, {columns} FROM {table} WHERE version_id = %(d)s")


def insert_earlier_versions(conn: psycopg.Connection) -> None:
    """Revised documents: the current version becomes version N + 1 and N earlier versions with the
    same publication time (a revision keeps it) carry copies of its rows."""
    for doc_id, earlier in REVISED.items():
        conn.execute("UPDATE document_versions SET version_no = %s WHERE version_id = %s", (earlier + 1, doc_id))
        for n in range(1, earlier + 1):
            version = 100 * doc_id + n
            conn.execute(
                "INSERT INTO document_versions (version_id, document_id, version_no, title, text, published_at, lang,"
                " content_hash, parser) SELECT %(v)s, document_id, %(n)s, title, text || %(draft)s, published_at, lang,"
                " md5(text || %(draft)s), parser FROM document_versions WHERE version_id = %(d)s",
                {"v": version, "n": n, "d": doc_id, "draft": f"（第{n}稿）"})
            for table, columns in VERSION_ROWS.items():
                names = sql.SQL(", ").join(map(sql.Identifier, columns))
                conn.execute(_COPY.format(table=sql.Identifier(table), columns=names), {"v": version, "d": doc_id})
