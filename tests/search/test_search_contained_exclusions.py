"""A query term that contains an excluded term (after normalisation) can never match (0390):
fw_prepare_query drops it from its group, a group left empty makes the query match nothing,
answered without reading the table. Rows equal the LIKE oracle's (test_search_topk.oracle),
the index candidates counted without the dropped alternatives (docs/search.md)."""

from __future__ import annotations

import random

import psycopg

from tests.search.corpus import converter
from tests.search.test_search_topk import candidate_count, cut_terms, fw_search, normalized, oracle, search_plan, topk_db  # noqa: F401 (fixture)

ALL_ROWS = 100_000


def reachable(conn, groups: list[list[str]], none: list[str]) -> list[list[str]]:
    """The groups without the alternatives that contain an excluded term, both normalised."""
    excluded = normalized(conn, none)
    return [[t for t, n in zip(g, normalized(conn, g)) if not any(x in n for x in excluded)] for g in groups]


def like_matches(conn, groups: list[list[str]], none: list[str]) -> list[tuple]:
    """Every current match by the LIKE oracle over the query as written (nothing dropped)."""
    return sorted(oracle(conn, groups, none, ALL_ROWS)[1])


def table_reads(conn) -> int:
    return conn.execute("SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables"
                        " WHERE relname = 'document_versions'").fetchone()[0]


def test_a_term_holding_the_excluded_term_matches_nothing_without_the_table(topk_db):
    url, docs = topk_db
    rng = random.Random(61)
    traditional = converter("s2t")
    with psycopg.connect(url) as conn:
        for _ in range(12):
            term = cut_terms(docs, rng, [rng.choice([3, 4, 5])])[0]
            at = rng.randrange(len(term) - 1)
            inner = term[at : at + rng.choice([2, len(term) - at])]
            written = rng.choice([term, traditional.convert(term), traditional.convert(term[:2]) + term[2:]])
            excluded = rng.choice([inner, traditional.convert(inner)])
            query = f'"{written}" -"{excluded}"'
            assert like_matches(conn, [[written]], [excluded]) == [], query  # the oracle agrees: none
            assert search_plan(conn, query, 20)["plan"] == "nothing", query
            before = table_reads(conn)
            assert fw_search(conn, query, 20) == [], query
            assert table_reads(conn) == before, query  # answered without the table
            fw_search(conn, f'"{term}"', 20)
            assert table_reads(conn) > before, term  # which a query that can match does read
            conn.rollback()


def test_width_and_case_are_folded_before_the_containment(topk_db):
    url, _ = topk_db
    with psycopg.connect(url) as conn:
        for query in ['"ＡＩ芯片" -"ai"', '"AI芯片" -"ａｉ"', '"量子計算" -"计算"', '"量子计算" -"計算"']:
            assert search_plan(conn, query, 20)["plan"] == "nothing", query
            assert fw_search(conn, query, 20) == [], query
        query = '"ＡＩ芯片" -"ai芯片x"'  # the excluded term is the longer one: nothing dropped
        assert search_plan(conn, query, 20)["plan"] != "nothing", query
        assert sorted(fw_search(conn, query, ALL_ROWS)) == like_matches(conn, [["ＡＩ芯片"]], ["ai芯片x"]), query


def test_or_groups_and_phrases_keep_what_can_match(topk_db):
    """Some alternatives of a group hold an excluded term, others not: the rows are the LIKE
    oracle's, every match and the top max_rows."""
    url, docs = topk_db
    rng = random.Random(67)
    traditional = converter("s2t")
    checked = counted = 0
    with psycopg.connect(url) as conn:
        for _ in range(16):
            a, b, c = cut_terms(docs, rng, [4, rng.choice([2, 3]), 2])
            x = rng.choice([a[:2], a[1:3], traditional.convert(a[2:])])
            phrase = f"{b} {c}" if rng.random() < 0.3 else b
            groups, none = [[traditional.convert(a) if rng.random() < 0.5 else a, phrase], [c]], [x]
            if any(t in normalized(conn, [phrase])[0] for t in normalized(conn, [x])):
                continue
            query = f'"{groups[0][0]}" "{c}" -"{x}" OR "{phrase}" "{c}" -"{x}"'  # (a OR phrase) AND c
            assert reachable(conn, groups, none) == [[phrase], [c]]
            assert sorted(fw_search(conn, query, ALL_ROWS)) == like_matches(conn, groups, none), query
            for max_rows in (3, 20):
                _, want = oracle(conn, reachable(conn, groups, none), none, max_rows)
                assert fw_search(conn, query, max_rows) == want, (query, max_rows)
                plan = search_plan(conn, query, max_rows)
                if not plan["walk_found"]:  # the index counts the candidates of what can match
                    assert plan["candidates"] == min(candidate_count(conn, [[phrase], [c]], none), plan["cap"]), plan
                    counted += 1
            checked += 1
    assert checked >= 8 and counted >= 4


def test_a_group_whose_every_alternative_holds_an_excluded_term_matches_nothing(topk_db):
    """Every alternative of an OR group dropped, or the one term of one group among others: no
    document can match, and neither the LIKE oracle nor fw_search finds one."""
    url, docs = topk_db
    rng = random.Random(71)
    with psycopg.connect(url) as conn:
        tried = 0
        for _ in range(12):
            a, c = cut_terms(docs, rng, [4, 2])
            x, b = a[1:3], a[:3]           # both a and b hold x
            if any(t in normalized(conn, [c])[0] for t in normalized(conn, [x])):
                continue
            for query, groups in ((f'"{a}" -"{x}" OR "{b}" -"{x}"', [[a, b]]),
                                  (f'"{a}" "{c}" -"{x}"', [[a], [c]]),
                                  (f'"{a}" "{c}" -"{x}" OR "{b}" "{c}" -"{x}"', [[a, b], [c]])):
                assert reachable(conn, groups, [x])[0] == [], query
                assert like_matches(conn, groups, [x]) == [], query
                assert search_plan(conn, query, 20)["plan"] == "nothing", query
                assert fw_search(conn, query, ALL_ROWS) == [], query
            tried += 1
    assert tried >= 6
