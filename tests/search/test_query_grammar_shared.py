"""The one query grammar (futurewatch/core/querygrammar.py): search and alert rules get the same tree
from the same text, and each side still reads the syntax it accepted before: search as SQL's
fw_parse_query (unchanged, the old rules) reads it, alert rules as Python's own boolean
expressions read terms, AND, OR, NOT and parentheses."""

from __future__ import annotations

import itertools
import random

import psycopg
import pytest

from alerts.query import parse_query as parse_rule_query
from alerts.terms import normalize_term
from futurewatch.core.querygrammar import QueryError, parse
from search.query import parse_query as parse_search_query

SHARED = ["广东 量子 OR 芯片", "广东 AND 量子 | 芯片", '"人工 智能" & 量子 OR 深海', "量子 -深海 OR 芯片 NOT 深海",
          "(广东 OR 深圳) 量子", "-(深海 OR 芯片) 量子", "“人工 智能” （广东 OR 深圳）", "量子 AND AND 芯片 AND"]


@pytest.mark.parametrize("query", SHARED)
def test_search_and_alert_rules_get_the_same_tree(query):
    tree = parse(query)
    assert parse_search_query(query).tree == tree
    assert parse_rule_query(query).tree == tree.with_terms(normalize_term)


@pytest.mark.parametrize("query,message", [
    ("量子 OR", "ends with OR or NOT"), ("OR 量子", "OR needs a term on each side"), ("(量子", "unclosed parenthesis"),
    ("量子 )", "')' with no '('"), ("() 量子", "empty parentheses"), ("(" * 21 + "量子" + ")" * 21, "more than 20 deep")])
def test_structural_errors_are_one_line_and_the_same_on_both_sides(query, message):
    for parse_side in (parse_search_query, parse_rule_query):
        with pytest.raises(QueryError, match=message.replace("(", r"\(").replace(")", r"\)")) as err:
            parse_side(query)
        assert "\n" not in str(err.value)


SEARCH_WORDS = ["量子", "芯片", "深海", '"人工 智能"', "“广东 省”", "ab", "6G", "%", "量", "-", "AND", "&", "OR", "|",
                "NOT", '"', '"OR"', "a-b"]


def search_query(rng: random.Random) -> str:
    words = [rng.choice(SEARCH_WORDS) for _ in range(rng.randint(1, 7))]
    return " ".join(("-" + w if rng.random() < 0.15 and w not in ("-", '"') else w) for w in words)


def sql_or_error(conn, query: str):
    try:
        return conn.execute("SELECT fw_parse_query(%s)", (query,)).fetchone()[0]
    except psycopg.errors.InvalidParameterValue:
        conn.rollback()
        return QueryError


def python_or_error(query: str):
    try:
        return parse_search_query(query).as_dict()
    except QueryError:
        return QueryError


def test_search_syntax_without_parentheses_reads_as_sql_reads_it(db_url):
    """Random queries in search's old syntax (no parentheses): accepted and refused alike, the same groups."""
    rng = random.Random(16)
    accepted = 0
    with psycopg.connect(db_url) as conn:
        for _ in range(400):
            query = search_query(rng)
            in_sql = sql_or_error(conn, query)
            assert python_or_error(query) == in_sql, query
            accepted += in_sql is not QueryError
    assert accepted > 40


RULE_TERMS = ["广东", "量子", "芯片", '"人工 智能"']


def rule_query(rng: random.Random, depth: int = 0) -> str:
    """A random query in the alert rules' old syntax; NOT never twice in a row (see docs/alerts.md)."""
    parts = []
    for i in range(rng.randint(1, 3)):
        if i:
            parts.append(rng.choice(["AND", "OR", ""]))
        atom = f"({rule_query(rng, depth + 1)})" if depth < 2 and rng.random() < 0.3 else rng.choice(RULE_TERMS)
        parts.append(("NOT " if rng.random() < 0.2 else "") + atom)
    return " ".join(p for p in parts if p)


def as_python(query: str) -> str:
    """The query as a Python expression over `found` (not > and > or, as in the grammar)."""
    out, previous = [], None
    for token in query.replace("(", " ( ").replace(")", " ) ").replace('"人工 智能"', "人工智能").split():
        if previous not in (None, "AND", "OR", "NOT", "(") and token not in ("AND", "OR", ")"):
            out.append("and")
        out.append({"AND": "and", "OR": "or", "NOT": "not", "(": "(", ")": ")"}.get(token, f"({token!r} in found)"))
        previous = token
    return " ".join(out)


def test_alert_rule_syntax_evaluates_as_python_reads_it():
    rng = random.Random(16)
    names = [normalize_term(t.strip('"')) for t in RULE_TERMS]
    checked = 0
    for _ in range(300):
        query = rule_query(rng)
        expression = as_python(query)
        try:
            parsed = parse_rule_query(query)
        except QueryError:  # only NOT terms
            continue
        for size in range(len(names) + 1):
            for found in itertools.combinations(names, size):
                assert parsed.evaluate(set(found)) == eval(expression, {"found": set(found)}), (query, found)
        checked += 1
    assert checked > 200


def test_parentheses_reach_fw_search_as_the_canonical_query(db_url):
    """SQL takes brackets as text; search() sends the tree multiplied out, so groups work end to end."""
    from datetime import datetime, timezone

    from search.repository import search
    from tests.search.corpus import SampleDoc, copy_docs

    texts = ["广东量子计算", "深圳量子通信", "广东芯片", "北京量子", "深圳量子深海"]
    with psycopg.connect(db_url) as conn:
        copy_docs(conn, [SampleDoc(i, f"标题{i}", t, datetime(2025, 1, i, tzinfo=timezone.utc))
                         for i, t in enumerate(texts, 1)])
    for query in ["(广东 OR 深圳) 量子", "量子 -(深海 OR 北京)", "((广东) OR 深圳) 量子 -深海"]:
        tree = parse(query)
        names = {t.term for t in tree.term_nodes()}
        expected = {i for i, t in enumerate(texts, 1)
                    if parse_rule_query(query).evaluate({n for n in names if n in t})}
        assert {h.document_id for h in search(db_url, query)} == expected, query
        assert expected  # each query finds something
