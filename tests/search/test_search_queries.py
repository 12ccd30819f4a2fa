"""Query syntax, ranking, current versions, bad input and the CLI."""

from __future__ import annotations

import json
import random
from datetime import datetime, timezone

import psycopg
import pytest
from typer.testing import CliRunner

from futurewatch.app.cli import app
from search.query import QueryError, parse_query
from search.repository import search
from tests.search.corpus import SampleDoc, copy_docs

BAD_QUERIES = ["", "   ", "，。！", "量", "-量子", "量子 OR", "OR 量子", "NOT", "%", "_", "\\", "';", "--",
               "量子 -", "a", "量子 OR -芯片", "“ ”", '"人工 智能" OR 机器人 -芯片', "量子 -深海 OR 芯片",
               " OR ".join(f"a{i} b{i}" for i in range(6))]
GOOD_QUERIES = ["量子 计算", "廣東 AND 製造", "NOT 深海 空天", "6G | 5G",
                "量子%", "量子_科技", "量子\\", "量子' OR 1=1 --x", "＂全角 引号＂",
                '"人工 智能" -芯片 OR 机器人 NOT 芯片', "广东 量子 OR 芯片", "a1 b1 OR c1 d1 | e1", "量子 OR 量子 芯片"]


def sql_parse(conn, query: str):
    try:
        return conn.execute("SELECT fw_parse_query(%(q)s)", {"q": query}).fetchone()[0]
    except psycopg.errors.InvalidParameterValue as exc:
        conn.rollback()
        return QueryError(exc.diag.message_primary)


def py_parse(query: str):
    try:
        return parse_query(query).as_dict()
    except QueryError as exc:
        return exc


@pytest.mark.parametrize("query", BAD_QUERIES + GOOD_QUERIES)
def test_python_and_sql_parsers_agree(db_url, query):
    with psycopg.connect(db_url) as conn:
        in_sql, in_python = sql_parse(conn, query), py_parse(query)
    if isinstance(in_python, QueryError):
        assert isinstance(in_sql, QueryError) and str(in_sql) == str(in_python)
        assert "\n" not in str(in_python)
    else:
        assert in_sql == in_python


def test_parse_structure():
    parsed = parse_query('量子 "人工 智能" NOT 芯片 -深海 OR 機器人 -深海 -芯片')  # AND before OR
    assert parsed.all == [["量子", "機器人"], ["人工 智能", "機器人"]]  # (量子 AND 人工 智能) OR 機器人
    assert parsed.none == ["芯片", "深海"]
    assert parse_query("量子 AND 芯片 OR 深海").all == [["量子", "深海"], ["芯片", "深海"]]


def test_boolean_queries_match_a_python_oracle(corpus_db):
    """AND / OR / NOT / phrases give exactly the documents a plain Python check over search_text gives."""
    url, _ = corpus_db
    rng = random.Random(5)
    terms = ["量子", "科技", "人工智能", "廣東", "机器人", "集群", "深海", "芯片", "未来产业", "發展"]
    with psycopg.connect(url) as conn:
        texts = dict(conn.execute("SELECT version_id, search_text FROM document_versions").fetchall())
        for _ in range(25):
            a, b, c, d = rng.sample(terms, 4)
            query = f"{a} {b} -{d} OR {c} -{d}"  # (a AND b) OR c, without d
            norm = {t: conn.execute("SELECT fw_normalize(%s)", (t,)).fetchone()[0] for t in (a, b, c, d)}
            expected = {vid for vid, text in texts.items()
                        if (norm[a] in text and norm[b] in text or norm[c] in text) and norm[d] not in text}
            got = {r[0] for r in conn.execute("SELECT version_id FROM fw_search(%s, 100000)", (query,))}
            assert got == expected, query


def insert(db_url: str, docs: list[SampleDoc]) -> None:
    with psycopg.connect(db_url) as conn:
        copy_docs(conn, docs)


def doc(i: int, title: str, text: str) -> SampleDoc:
    return SampleDoc(i, title, text, datetime(2025, 1, i, tzinfo=timezone.utc))


def test_title_hits_rank_first_and_json_shape(db_url):
    insert(db_url, [doc(1, "广东发展新闻", "量子科技是未来产业。"),
                    doc(2, "量子科技行动计划", "未来产业的布局。"),
                    doc(3, "无关", "海洋经济。")])
    hits = search(db_url, "量子科技")
    assert [h.document_id for h in hits] == [2, 1]
    assert hits[0].rank > hits[1].rank
    assert set(hits[0].as_json()) == {"document_id", "title", "source_id", "source", "published_at", "snippet", "hit",
                                      "url", "rank"}


def test_only_current_versions_are_searched(db_url):
    insert(db_url, [doc(1, "旧标题", "量子通信的旧版本。")])
    with psycopg.connect(db_url) as conn:
        conn.execute(
            "INSERT INTO document_versions (document_id, version_no, title, text, content_hash, parser,"
            " replaces_version_id) VALUES (1, 2, '新标题', '内容已改为海洋经济。', 'h2', 'sample.V1', 1)"
        )
        conn.execute("UPDATE documents SET current_version_id = (SELECT max(version_id) FROM document_versions)")
    assert search(db_url, "量子通信") == []
    assert [h.title for h in search(db_url, "海洋经济")] == ["新标题"]


def test_metacharacters_are_literal_and_never_injected(db_url):
    insert(db_url, [doc(1, "标题", "量子科技与量子%计算，路径 C:\\量子\\。"), doc(2, "标题", "量子_科技")])
    assert {h.document_id for h in search(db_url, "量子")} == {1, 2}
    assert [h.document_id for h in search(db_url, "量子%")] == [1]
    assert [h.document_id for h in search(db_url, "量子_")] == [2]
    assert [h.document_id for h in search(db_url, "\\量子\\")] == [1]
    assert search(db_url, "\"量子'); DELETE FROM documents; --\"") == []
    assert search(db_url, "量子' OR '1'='1") == []
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


@pytest.mark.parametrize("query", ["，。！？", "量", "'; --", "%", "_", "\\"])
def test_bad_queries_give_one_line_and_exit_2(fw_env, query):
    result = CliRunner().invoke(app, ["search", query])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: search"), result.output
    assert "Traceback" not in result.output


def test_cli_json(fw_env, db_url):
    insert(db_url, [doc(1, "量子科技行动计划", "广东省量子计算。"), doc(2, "其他", "量子通信。")])
    result = CliRunner().invoke(app, ["search", "量子 计算", "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert [h["document_id"] for h in hits] == [1]
    assert hits[0]["url"].startswith("https://") and hits[0]["published_at"].startswith("2025-01-01")
    table = CliRunner().invoke(app, ["search", "量子", "--limit", "1"])
    assert table.exit_code == 0 and "1 hit(s)" in table.output


def test_unmigrated_database_is_one_line_error(pg_admin_url):
    from futurewatch.core.db import DatabaseError, with_database

    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS fw_search_empty")
        conn.execute("CREATE DATABASE fw_search_empty")
    try:
        with pytest.raises(DatabaseError, match="futurewatch db migrate"):
            search(with_database(pg_admin_url, "fw_search_empty"), "量子")
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS fw_search_empty WITH (FORCE)")


def test_limit_out_of_range_is_a_query_error(db_url):
    with pytest.raises(QueryError, match="limit"):
        search(db_url, "量子", limit=0)
