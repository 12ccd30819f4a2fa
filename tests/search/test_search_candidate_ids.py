"""Migration 0370: fw_search collects the index's candidates once (their ids, newest first, up to
the cap), gives their number to fw_search_plan as the count, and runs the ranked and newest
statements over those ids. Checked against independent computations: the candidates from Python
key sets in recency order, the statements over the index (tests/search/test_search_topk.py checks
those against LIKE oracles), and the plan that counts for itself."""

from __future__ import annotations

import json
import math
import random
import re

import psycopg

from tests.search.test_search_topk import bigrams, common_terms, cut_terms, normalized, topk_db, version_keys  # noqa: F401 (fixture)

SHAPES = [(2,), (3,), (4,), (2, 3), (4, 4), (3, -2), (2, -2), (4, -3)]


def queries(docs, count: int, seed: int):
    """(query, groups, max_rows): every shape, positive terms and excluded terms (negative length)."""
    rng = random.Random(seed)
    for n in range(count):
        shape = SHAPES[n % len(SHAPES)]
        terms = cut_terms(docs, rng, [abs(x) for x in shape])
        groups = [[t] for t, x in zip(terms, shape) if x > 0]
        none = [t for t, x in zip(terms, shape) if x < 0]
        yield " ".join(f'"{g[0]}"' for g in groups) + "".join(f' -"{t}"' for t in none), groups, (5, 20)[n % 2]


def excluded(query: str) -> list[str]:
    return re.findall(r'-"([^"]+)"', query)


def python_candidates(conn, groups, none=()) -> list[int]:
    """Versions whose bigrams hold every group's term and no excluded common key (other excluded
    terms do not count), newest first."""
    wanted = [bigrams(t) for g in groups for t in normalized(conn, g)]
    absent = common_terms(conn).intersection(normalized(conn, none))
    held = [(v, p) for v, p, have in version_keys(conn) if all(w <= have for w in wanted) and not absent & have]
    dated = sorted((r for r in held if r[1] is not None), key=lambda r: (r[1], r[0]), reverse=True)
    return [v for v, _ in dated] + sorted((v for v, p in held if p is None), reverse=True)


def run(conn, statement: str, *params):
    for n, value in reversed(list(enumerate(params, 1))):  # CJK terms: no "$" inside
        statement = statement.replace(f"${n}", value if isinstance(value, str) else str(value))
    return conn.execute(statement).fetchall()


def test_candidate_ids_are_every_candidate_newest_first_up_to_the_cap(topk_db):
    url, docs = topk_db
    with psycopg.connect(url) as conn:
        size = conn.execute("SELECT max(version_id) FROM document_versions").fetchone()[0]
        for max_rows in (1, 5, 20, 100):
            cap = conn.execute("SELECT fw_search_cap(%s)", [max_rows]).fetchone()[0]
            probe = min(50 * max_rows, 20000)
            assert cap == max(201, math.ceil(size * 2 * max_rows / probe), math.ceil(math.sqrt(30 * max_rows * size)))
        for query, groups, _ in queries(docs, 12, 41):
            parsed = json.dumps(conn.execute("SELECT fw_parse_query(%s)", [query]).fetchone()[0])
            statement = conn.execute("SELECT fw_build_candidate_ids_sql(%s::jsonb)", [parsed]).fetchone()[0]
            expected = python_candidates(conn, groups, excluded(query))
            assert run(conn, statement, 10**6)[0][0] == expected, query
            assert len(run(conn, statement, 7)[0][0]) == min(7, len(expected)), query


def test_statements_over_the_ids_return_the_rows_of_the_statements_over_the_index(topk_db):
    """Ranked, newest and bounded newest over the ids array equal their index forms, with excluded
    terms of one key (dropped by the index) and of more (checked on the text)."""
    url, docs = topk_db
    with psycopg.connect(url) as conn:
        for query, _, max_rows in queries(docs, 18, 43):
            parsed = json.dumps(conn.execute("SELECT fw_parse_query(%s)", [query]).fetchone()[0])
            ids_sql = conn.execute("SELECT fw_build_candidate_ids_sql(%s::jsonb)", [parsed]).fetchone()[0]
            ids = "'{" + ",".join(map(str, run(conn, ids_sql, 10**6)[0][0])) + "}'::bigint[]"
            built = conn.execute(
                "SELECT fw_build_search_sql(%(p)s::jsonb), fw_build_search_sql(%(p)s::jsonb, true),"
                " fw_build_newest_sql(%(p)s::jsonb, false), fw_build_newest_sql(%(p)s::jsonb, false, true),"
                " fw_build_newest_sql(%(p)s::jsonb, true), fw_build_newest_sql(%(p)s::jsonb, true, true)",
                {"p": parsed}).fetchone()
            ranked, ranked_ids, newest, newest_ids, bounded, bounded_ids = built
            assert run(conn, ranked_ids, max_rows, ids) == run(conn, ranked, max_rows), query
            assert run(conn, newest_ids, max_rows, ids) == run(conn, newest, max_rows), query
            for bound in (max_rows + 1, 20 * max_rows):
                assert run(conn, bounded_ids, max_rows, ids, bound) == run(conn, bounded, max_rows, bound), query


def test_the_plan_given_the_candidates_equals_the_plan_that_counts_them(topk_db):
    """fw_search_plan(…, candidates) — what fw_search passes, its ids' number — equals the plan
    that counts from the index itself, below and at the cap, with and without exclusions."""
    url, docs = topk_db
    decided = set()
    with psycopg.connect(url) as conn:
        for query, groups, max_rows in queries(docs, 48, 29):
            parsed = json.dumps(conn.execute("SELECT fw_parse_query(%s)", [query]).fetchone()[0])
            cap = conn.execute("SELECT fw_search_cap(%s)", [max_rows]).fetchone()[0]
            count = min(len(python_candidates(conn, groups, excluded(query))), cap)
            itself = conn.execute("SELECT fw_search_plan(%s::jsonb, %s)", [parsed, max_rows]).fetchone()[0]
            given = conn.execute("SELECT fw_search_plan(%s::jsonb, %s, NULL, NULL, %s)",
                                 [parsed, max_rows, count]).fetchone()[0]
            assert given == itself, query
            if itself["candidates"] is not None:
                assert itself["candidates"] == count, query
            decided.add(itself["plan"])
    assert decided == {"recent", "ranked", "newest"}
