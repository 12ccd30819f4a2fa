"""Search returns exactly what a LIKE scan of the normalised text returns, served by the index."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import psycopg
import pytest

from tests.search.corpus import converter, load_sentences
from search.query import WORD_CHAR

ROOT = Path(__file__).resolve().parents[2]


def like_ids(conn, query: str) -> set[int]:
    """The reference: a sequential LIKE scan (index scans off) of fw_normalize(query)."""
    conn.execute("SET LOCAL enable_bitmapscan = off")
    conn.execute("SET LOCAL enable_indexscan = off")
    rows = conn.execute(
        r"SELECT version_id FROM document_versions WHERE search_text LIKE "
        r"'%%' || replace(replace(replace(fw_normalize(%(q)s), '\', '\\'), '%%', '\%%'), '_', '\_') || '%%'",
        {"q": query},
    ).fetchall()
    conn.execute("RESET enable_bitmapscan")
    conn.execute("RESET enable_indexscan")
    return {r[0] for r in rows}


def contains_ids(conn, query: str) -> set[int]:
    rows = conn.execute(
        "SELECT version_id FROM document_versions WHERE fw_contains(search_keys, search_text, %(q)s)", {"q": query}
    ).fetchall()
    return {r[0] for r in rows}


def search_ids(conn, query: str) -> set[int]:
    rows = conn.execute("SELECT version_id FROM fw_search(%(q)s, 100000)", {"q": '"' + query + '"'}).fetchall()
    return {r[0] for r in rows}


def sample_queries(docs, count: int, rng: random.Random) -> list[tuple[str, int]]:
    """(query, id of the document it was cut from): substrings of 2–6 characters, some converted."""
    queries = []
    while len(queries) < count:
        doc = rng.choice(docs)
        length = rng.randint(2, 6)
        start = rng.randrange(len(doc.text) - length)
        query = doc.text[start : start + length]
        if any(ch.isspace() or ch in '"“”' for ch in query) or not WORD_CHAR.search(query):
            continue
        queries.append((query, doc.document_id))
    return queries


def test_recall_equals_like_scan(corpus_db):
    url, docs = corpus_db
    rng = random.Random(3)
    with psycopg.connect(url) as conn:
        for query, source_id in sample_queries(docs, 80, rng):
            for variant in (query, converter("s2t").convert(query), converter("t2s").convert(query)):
                expected = like_ids(conn, variant)
                assert contains_ids(conn, variant) == expected, variant
                assert search_ids(conn, variant) == expected, variant
            assert source_id in contains_ids(conn, query), query


def test_traditional_and_simplified_find_each_other(corpus_db):
    url, _ = corpus_db
    pairs = [("广东", "廣東"), ("制造业", "製造業"), ("机器人", "機器人"), ("产业集群", "產業集群"),
             ("发展", "發展"), ("电子信息", "電子信息"), ("质量", "質量"), ("数据", "數據")]
    with psycopg.connect(url) as conn:
        for simplified, traditional in pairs:
            found = contains_ids(conn, simplified)
            assert found, simplified
            assert contains_ids(conn, traditional) == found
            # documents written in Traditional are among them
            raw_trad = conn.execute(
                "SELECT count(*) FROM document_versions WHERE strpos(text, %(t)s) > 0 AND fw_contains(search_keys, search_text, %(s)s)",
                {"t": traditional, "s": simplified},
            ).fetchone()[0]
            assert raw_trad > 0, traditional


def load_generator():
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "build_search_normalize.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_normalize_matches_the_generated_mapping(corpus_db):
    """fw_normalize in SQL equals the same mapping applied in Python (NFKC, map, per character)."""
    import unicodedata

    gen = load_generator()
    mapping = gen.build_t2s_map(gen.read_ts_characters())
    for key, value in gen.build_case_map().items():
        mapping.setdefault(key, value)
    url, _ = corpus_db
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/search/seeds").glob("*.txt"))]
    texts.append("ＡＢＣ Ｑuantum ÉCOLE 廣東製造業 ㈱ ﬁ 𠁞")
    with psycopg.connect(url) as conn:
        for text in texts:
            expected = "".join(mapping.get(ch, ch) for ch in unicodedata.normalize("NFKC", text))
            got, again = conn.execute("SELECT fw_normalize(%(t)s), fw_normalize(fw_normalize(%(t)s))", {"t": text}).fetchone()
            assert got == expected
            assert again == got


def plan_nodes(conn, statement: str) -> list[tuple[str, str | None, str | None]]:
    """(node type, relation, index) of every node of the statement's plan."""
    plan = conn.execute("EXPLAIN (FORMAT JSON) " + statement).fetchone()[0][0]["Plan"]
    nodes, stack = [], [plan]
    while stack:
        node = stack.pop()
        nodes.append((node["Node Type"], node.get("Relation Name"), node.get("Index Name")))
        stack.extend(node.get("Plans", []))
    return nodes


def assert_index_served(nodes) -> None:
    """Texts are found through the bigram index, never by scanning document_versions.
    (The small documents table may be hashed whole for the join; that reads no text.)"""
    assert ("Bitmap Index Scan", None, "document_versions_search_keys_idx") in nodes, nodes
    assert not any(kind == "Seq Scan" and rel == "document_versions" for kind, rel, _ in nodes), nodes


@pytest.mark.parametrize("query", ["量子计算", "量子科技 OR 人工智能", '广东 "未来产业" -深海', "廣東 製造"])
def test_search_is_served_by_the_index(corpus_db, query):
    url, _ = corpus_db
    with psycopg.connect(url) as conn:
        statement = conn.execute("SELECT fw_build_search_sql(fw_parse_query(%(q)s))", {"q": query}).fetchone()[0]
        conn.execute("PREPARE fw_probe(int) AS " + statement)
        assert_index_served(plan_nodes(conn, "EXECUTE fw_probe(20)"))


def test_fw_contains_inlines_to_an_index_condition(corpus_db):
    url, _ = corpus_db
    with psycopg.connect(url) as conn:
        for where in ["fw_contains(search_keys, search_text, '量子计算')",
                      "fw_contains(search_keys, search_text, '量子') AND fw_contains(search_keys, search_text, '科技')",
                      "(fw_contains(search_keys, search_text, '量子') OR fw_contains(search_keys, search_text, '芯片')) AND fw_lacks(search_text, '深海')"]:
            assert_index_served(plan_nodes(conn, "SELECT version_id FROM document_versions WHERE " + where))
