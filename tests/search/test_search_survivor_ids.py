"""Migration 0420: a query excluding a term of one key collects the candidates' ids as every other
query does (0370); when they are fewer than the cap, one index scan drops the holders of the
excluded keys from them, fw_search_plan takes both numbers instead of counting, and the newest pass
reads the survivors' texts. Checked against Python key sets, the plan that counts for itself and
the LIKE oracle of tests/search/test_search_topk.py."""

from __future__ import annotations

import json
import random

import psycopg

from tests.search.test_search_candidate_ids import python_candidates, run
from tests.search.test_search_topk import common_terms, cut_terms, fw_search, normalized, oracle_at, topk_db, version_keys  # noqa: F401 (fixture)

# positive term lengths, then excluded ones: two characters are one key each
SHAPES = [((3,), (2,)), ((2,), (2,)), ((4,), (2,)), ((3, 3), (2,)), ((2,), (2, 2)), ((3,), (2, 3))]


def exclusion_queries(docs, count: int, seed: int):
    """(query, groups, none, max_rows), excluded terms cut from the same documents."""
    rng = random.Random(seed)
    for n in range(count):
        positive, negative = SHAPES[n % len(SHAPES)]
        terms = cut_terms(docs, rng, positive + negative)
        groups = [[t] for t in terms[: len(positive)]]
        none = terms[len(positive):]
        query = " ".join(f'"{g[0]}"' for g in groups) + "".join(f' -"{t}"' for t in none)
        yield query, groups, none, (5, 20)[n % 2]


def holders(conn, none: list[str]) -> set[int]:
    """Versions holding an excluded two-character term that the index drops by its key (a listed
    common key is excluded through its absence key before, among the candidates)."""
    keys = {t for t in normalized(conn, none) if len(t) == 2} - common_terms(conn)
    return {v for v, _, have in version_keys(conn) if keys & have}


def parsed_of(conn, query: str) -> str:
    return json.dumps(conn.execute("SELECT fw_prepare_query(fw_parse_query(%s))", [query]).fetchone()[0])


def test_survivor_ids_are_the_candidates_without_the_holders_in_their_order(topk_db):
    url, docs = topk_db
    dropped_some = 0
    with psycopg.connect(url) as conn:
        for query, groups, none, _ in exclusion_queries(docs, 18, 53):
            parsed = parsed_of(conn, query)
            ids_sql, survivors_sql = conn.execute(
                "SELECT fw_build_candidate_ids_sql(%(p)s::jsonb), fw_build_survivor_ids_sql(%(p)s::jsonb)",
                {"p": parsed}).fetchone()
            candidates = python_candidates(conn, groups, none)
            assert run(conn, ids_sql, 10**6)[0][0] == candidates, query
            ids = "'{" + ",".join(map(str, candidates)) + "}'::bigint[]"
            held = holders(conn, none)
            assert run(conn, survivors_sql, ids)[0][0] == [v for v in candidates if v not in held], query
            dropped_some += any(v in held for v in candidates)
    assert dropped_some >= 3  # the holders were there to drop


def test_the_plan_given_candidates_and_holders_equals_the_plan_that_counts_them(topk_db):
    """Below the cap the plan takes both numbers (used when there are more than rank_all candidates);
    at the cap or more it counts for itself (the holders given are then ignored), as
    fw_search_plan(parsed, max_rows) does."""
    url, docs = topk_db
    used = at_cap = 0
    with psycopg.connect(url) as conn:
        for rank_all in (200, 20):
            conn.execute(f"SET futurewatch.search_rank_all = '{rank_all}'")
            for query, groups, none, max_rows in exclusion_queries(docs, 36, 59):
                parsed = parsed_of(conn, query)
                cap = conn.execute("SELECT fw_search_cap(%s)", [max_rows]).fetchone()[0]
                candidates = python_candidates(conn, groups, none)
                held = holders(conn, none)
                count, dropped = min(len(candidates), cap), sum(v in held for v in candidates)
                itself = conn.execute("SELECT fw_search_plan(%s::jsonb, %s)", [parsed, max_rows]).fetchone()[0]
                given = conn.execute("SELECT fw_search_plan(%s::jsonb, %s, NULL, NULL, %s, %s)",
                                     [parsed, max_rows, count, dropped]).fetchone()[0]
                assert given == itself, (query, rank_all)
                used += rank_all < count < cap and itself["dropped"] is not None
                at_cap += count == cap
        conn.execute("RESET futurewatch.search_rank_all")
        for max_rows in (1, 2):  # small caps: the given holders are ignored at the cap
            cap = conn.execute("SELECT fw_search_cap(%s)", [max_rows]).fetchone()[0]
            query = next(q for q, g, n, _ in exclusion_queries(docs, 50, 61) if len(python_candidates(conn, g, n)) >= cap)
            parsed = parsed_of(conn, query)
            itself = conn.execute("SELECT fw_search_plan(%s::jsonb, %s)", [parsed, max_rows]).fetchone()[0]
            given = conn.execute("SELECT fw_search_plan(%s::jsonb, %s, NULL, NULL, %s, 0)",
                                 [parsed, max_rows, cap]).fetchone()[0]
            assert given == itself, query
            at_cap += 1
    assert used >= 5 and at_cap >= 2


def test_ranked_over_the_survivors_equals_ranked_over_the_index(topk_db):
    """fw_build_search_sql(…, true, true) over the survivors' ids (the holders not dropped again)
    returns the rows of the ranked statement over the index."""
    url, docs = topk_db
    with psycopg.connect(url) as conn:
        for query, _, _, max_rows in exclusion_queries(docs, 18, 71):
            parsed = parsed_of(conn, query)
            ids_sql, survivors_sql, over_index, over_survivors = conn.execute(
                "SELECT fw_build_candidate_ids_sql(%(p)s::jsonb), fw_build_survivor_ids_sql(%(p)s::jsonb),"
                " fw_build_search_sql(%(p)s::jsonb), fw_build_search_sql(%(p)s::jsonb, true, true)",
                {"p": parsed}).fetchone()
            assert "NOT IN" not in over_survivors, query
            ids = "'{" + ",".join(map(str, run(conn, ids_sql, 10**6)[0][0])) + "}'::bigint[]"
            survivors = "'{" + ",".join(map(str, run(conn, survivors_sql, ids)[0][0])) + "}'::bigint[]"
            assert run(conn, over_survivors, max_rows, survivors) == run(conn, over_index, max_rows), query


def test_search_through_the_survivors_equals_the_like_oracle(topk_db):
    """fw_search's rows for exclusion queries equal the LIKE oracle's, with rank_all at its default
    and lowered so that the survivors' ids are read newest first (more than rank_all candidates,
    fewer than the cap) as well as ranked."""
    url, docs = topk_db
    paths = {"newest": 0, "ranked": 0}
    with psycopg.connect(url) as conn:
        for rank_all in (200, 20, 3):
            for query, groups, none, max_rows in exclusion_queries(docs, 30, 67):
                _, expected = oracle_at(conn, rank_all, groups, none=none, max_rows=max_rows)  # resets settings
                conn.execute(f"SET futurewatch.search_rank_all = '{rank_all}'")
                assert fw_search(conn, query, max_rows) == expected, (query, rank_all)
                facts = conn.execute("SELECT fw_search_plan(fw_parse_query(%s), %s)", [query, max_rows]).fetchone()[0]
                cap = conn.execute("SELECT fw_search_cap(%s)", [max_rows]).fetchone()[0]
                if not facts["walk_found"] and facts["plan"] in paths and facts["candidates"] < cap:
                    paths[facts["plan"]] += 1
    assert paths["newest"] >= 5 and paths["ranked"] >= 5, paths
