"""Absence keys (0400): an excluded term that is one common key (fw_common_keys) is excluded by the
index itself, every candidate statement holding its absence key. Rows equal the LIKE oracle's
(tests/search/test_search_topk.py) in every plan; the candidates the plan counts are the survivors,
computed here from Python bigram sets; no anti-join is built for the term; search uses only the
keys every stored version carries (fw_common_keys_searchable)."""

from __future__ import annotations

import random

import psycopg
import pytest

from tests.search.corpus import converter
from tests.search.test_search_exclusions import HOLDERS, MAX_ROWS, RANK_ALL, WANTED, add_holders
from tests.search.test_search_topk import (candidate_count, common_terms, cut_terms, fw_search, normalized, oracle,
                                           oracle_at, search_plan, topk_db)  # noqa: F401 (fixture)

EXCLUDED = "创新"  # a common key (fw_common_keys); its Traditional form 創新 folds to it
ALL_ROWS = 100_000


def statements(conn, query: str) -> list[str]:
    """The candidate, ranked and newest statements fw_search builds for the query."""
    return list(conn.execute(
        "SELECT fw_build_candidate_ids_sql(p), fw_build_search_sql(p), fw_build_newest_sql(p, false),"
        " fw_build_newest_sql(p, true) FROM fw_prepare_query(fw_parse_query(%s)) AS p", [query]).fetchone())


def absence_key(conn, term: str) -> int:
    return conn.execute("SELECT array_position(fw_common_keys(), (fw_term_keys(fw_normalize(%s)))[1])",
                        [term]).fetchone()[0]


def test_the_list_is_searchable_and_holds_the_term(corpus_db):
    url, _ = corpus_db
    with psycopg.connect(url) as conn:
        common = common_terms(conn)
        assert EXCLUDED in common and len(common) == conn.execute("SELECT cardinality(fw_common_keys())").fetchone()[0]
        assert all(len(t) == 2 for t in common)


CASES = {  # what each old holder of WANTED gets besides it
    "everywhere": lambda i: EXCLUDED,
    "all but seven": lambda i: "" if i % 200 == 0 else EXCLUDED,
    "every other": lambda i: "" if i % 2 == 0 else EXCLUDED,
    "nowhere": lambda i: "",
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("written", [EXCLUDED, "創新"])
def test_rows_equal_like_and_the_candidates_are_the_survivors(corpus_db, case, written):
    url, docs = corpus_db
    query = f'"{WANTED}" -"{written}"'
    with psycopg.connect(url) as conn:
        add_holders(conn, docs, CASES[case])
        try:
            conn.execute("SELECT set_config('futurewatch.search_rank_all', %s, true)", [str(RANK_ALL)])
            key = absence_key(conn, written)
            for statement in statements(conn, query):  # the index excludes it; no anti-join
                assert f"search_keys @> '{{{key}}}'::int4[]" in statement and "NOT IN" not in statement
            plan = search_plan(conn, query, MAX_ROWS)
            survivors = candidate_count(conn, [[WANTED]], [written])
            assert survivors < candidate_count(conn, [[WANTED]]) or case == "nowhere"
            assert (plan["walk_found"], plan["candidates"]) == (False, min(survivors, plan["cap"])), plan
            assert plan["survivors"] is None and plan["dropped"] is None, plan
            if case in ("everywhere", "all but seven"):
                assert plan["plan"] == "ranked", plan  # few survivors: ranked, their texts only
            _, want = oracle_at(conn, RANK_ALL, [[WANTED]], MAX_ROWS, [written])
            assert fw_search(conn, query, MAX_ROWS) == want, (case, plan)
            _, every = oracle_at(conn, RANK_ALL, [[WANTED]], ALL_ROWS, [written])
            assert sorted(fw_search(conn, query, ALL_ROWS)) == sorted(every), case
            assert HOLDERS >= len(every)
        finally:
            conn.rollback()


def test_keys_beyond_the_searchable_count_are_not_used(corpus_db):
    """A list entry whose backfill has not finished (fw_common_keys_searchable below it): the
    exclusion goes through the anti-join as before 0400, the same rows."""
    url, docs = corpus_db
    query = f'"{WANTED}" -"{EXCLUDED}"'
    with psycopg.connect(url) as conn:
        add_holders(conn, docs, CASES["all but seven"])
        try:
            conn.execute("SELECT set_config('futurewatch.search_rank_all', %s, true)", [str(RANK_ALL)])
            with_absence = fw_search(conn, query, MAX_ROWS)
            survivors = candidate_count(conn, [[WANTED]], [EXCLUDED])
            conn.execute("CREATE OR REPLACE FUNCTION fw_common_keys_searchable() RETURNS integer"
                         " LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN %s" % (absence_key(conn, EXCLUDED) - 1))
            assert all("NOT IN" in s for s in statements(conn, query)[1:3])
            plan = search_plan(conn, query, MAX_ROWS)
            assert plan["survivors"] == survivors and plan["dropped"] > 0, plan
            _, want = oracle_at(conn, RANK_ALL, [[WANTED]], MAX_ROWS, [EXCLUDED])
            assert fw_search(conn, query, MAX_ROWS) == with_absence == want
        finally:
            conn.rollback()


def test_random_queries_with_common_exclusions_equal_like(topk_db):
    """Cut terms and groups, one or two excluded terms among them a common key, in Simplified or
    Traditional, OR groups, and a longer excluded term holding a common key (checked on the text):
    the rows are the LIKE oracle's at several max_rows, through every plan."""
    url, docs = topk_db
    rng = random.Random(83)
    traditional = converter("s2t")
    plans = set()
    with psycopg.connect(url) as conn:
        common = sorted(common_terms(conn))
        for n in range(48):
            shape = [(3,), (2,), (4,), (2, 3)][n % 4]
            terms = cut_terms(docs, rng, shape)
            groups = [[t] for t in terms]
            if n % 5 == 0:
                groups[0].append(cut_terms(docs, rng, [3])[0])
            none = [rng.choice(common)]
            if n % 3 == 0:
                none.append(cut_terms(docs, rng, [2])[0])
            if n % 7 == 0:
                none.append(rng.choice(common) + cut_terms(docs, rng, [1])[0])
            if n % 2:
                none[0] = traditional.convert(none[0])
            excluded = normalized(conn, none)
            if any(x in t for g in groups for t in normalized(conn, g) for x in excluded):
                continue  # an alternative holding an excluded term (0390's case, tested there)
            alternatives = [" ".join(f'"{t}"' for t in combo) + "".join(f' -"{x}"' for x in none)
                            for combo in ([g[0] for g in groups], [groups[0][-1]] + [g[0] for g in groups[1:]])]
            query = alternatives[0] if len(groups[0]) == 1 else " OR ".join(alternatives)
            for max_rows in (5, 20):
                plan = search_plan(conn, query, max_rows)
                plans.add(plan["plan"])
                _, want = oracle(conn, groups, none, max_rows)
                assert fw_search(conn, query, max_rows) == want, (query, max_rows, plan)
    assert {"recent", "ranked"} <= plans, plans
