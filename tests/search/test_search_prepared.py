"""Migration 0290: fw_search prepares its query once (terms normalised and keyed), the statement
builders read the prepared terms, fw_search_plan takes the walk on's matches instead of walking
on again, the walk reads texts only after its OFFSET, and the rank counts occurrences in bytes.
Checked against independent computations: fw_normalize/fw_search_keys per term, the builders on
the plain parsed query, a LIKE scan in recency order, and Python's str.count."""

from __future__ import annotations

import json
import math
import random

import psycopg
import pytest

from tests.search.test_search_topk import LIKE, cut_terms, normalized, topk_db, walk_outcome, walk_size  # noqa: F401 (fixture)

QUERIES = [
    "量子 计算",
    '"之路越" "推进人才" -"量子"',
    "量子 -深海 -\"招聘信息\" OR 芯片 -深海 -\"招聘信息\"",
    '廣東 "Ab 12" -\U00020000x -x\U00020000',
    '"人工 智能" -ABC OR 深圳 广东 -ABC',
    "臺灣 -臺灣x -乾隆 -ＡＢ",
    '"a%b_c\\d" -"it\'s"',
    "\U00020000\U00020001 -\U00020000a OR 臺北 -\U00020000a",
]
BUILDERS = [
    "fw_build_walk_sql({p})", "fw_build_candidate_sql({p})", "fw_build_candidate_sql({p}, true)",
    "fw_build_newest_sql({p}, false)", "fw_build_newest_sql({p}, true)", "fw_build_topk_sql({p})",
    "fw_build_search_sql({p})", "fw_exclusion_keys({p})::text", "fw_build_index_sql({p}, 'x')",
    "fw_build_exact_sql({p}, 'x')", "fw_build_rank_sql({p}, 'x')",
    "fw_build_candidate_ids_sql({p})", "fw_build_newest_sql({p}, false, true)", "fw_build_newest_sql({p}, true, true)",
    "fw_build_search_sql({p}, true)", "coalesce(fw_build_exclusion_sql({p}), '')",
]


@pytest.mark.parametrize("query", QUERIES)
def test_builders_give_the_same_statement_for_a_plain_and_a_prepared_query(corpus_db, query):
    url, _ = corpus_db
    with psycopg.connect(url) as conn:
        parsed = json.dumps(conn.execute("SELECT fw_parse_query(%s)", [query]).fetchone()[0])
        for builder in BUILDERS:
            plain = conn.execute("SELECT " + builder.format(p="%s::jsonb"), [parsed]).fetchone()[0]
            prepared = conn.execute("SELECT " + builder.format(p="fw_prepare_query(%s::jsonb)"), [parsed]).fetchone()[0]
            assert plain is not None and plain == prepared, builder


@pytest.mark.parametrize("query", QUERIES)
def test_prepared_terms_are_each_terms_normal_form_and_keys(corpus_db, query):
    url, _ = corpus_db
    with psycopg.connect(url) as conn:
        parsed = conn.execute("SELECT fw_parse_query(%s)", [query]).fetchone()[0]
        prepared = conn.execute("SELECT fw_prepare_query(%s::jsonb)", [json.dumps(parsed)]).fetchone()[0]
        assert prepared["all"] == [normalized(conn, group) for group in parsed["all"]]
        assert prepared["none"] == normalized(conn, parsed["none"])
        terms = [t for group in prepared["all"] for t in group] + prepared["none"]
        assert set(prepared["keys"]) == set(terms)
        for term in terms:
            keys = conn.execute("SELECT fw_search_keys(%s)::text", [term]).fetchone()[0]
            assert prepared["keys"][term] == keys
        again = conn.execute("SELECT fw_prepare_query(%s::jsonb)", [json.dumps(prepared)]).fetchone()[0]
        assert again == prepared


def recency_matches(conn, groups: list[list[str]], none: list[str]) -> list[tuple[int, bool]]:
    """(version_id, matches) of every current document, newest first, from a sequential LIKE scan."""
    groups, none = [normalized(conn, g) for g in groups], normalized(conn, none)
    where = [" OR ".join([LIKE] * len(g)) for g in groups] + [f"NOT ({LIKE})"] * len(none)
    conn.execute("SET enable_bitmapscan = off")
    conn.execute("SET enable_indexscan = off")
    rows = conn.execute(
        f"SELECT v.version_id, ({' AND '.join('(' + w + ')' for w in where)}) FROM document_versions v"
        " JOIN documents d ON d.current_version_id = v.version_id"
        " ORDER BY v.published_at DESC NULLS LAST, v.version_id DESC",
        [t for g in groups for t in g] + none).fetchall()
    conn.execute("RESET ALL")
    return rows


def test_the_plan_given_the_walk_equals_the_plan_that_walks_and_the_walk_reads_on_from_its_offset(topk_db):
    """fw_search_plan(parsed, max_rows, k, more) — what fw_search passes after walking — equals
    fw_search_plan(parsed, max_rows), which walks itself; k and more come from a LIKE scan in
    recency order, and the walk's rows from its OFFSET on are that scan's next matches."""
    url, docs = topk_db
    rng = random.Random(29)
    shapes = [(2,), (3,), (4,), (2, 3), (4, 4), (3, -2), (2, -2), (4, -3)]
    decided = set()
    with psycopg.connect(url) as conn:
        for n in range(48):
            shape = shapes[n % len(shapes)]
            terms = cut_terms(docs, rng, [abs(x) for x in shape])
            groups = [[t] for t, x in zip(terms, shape) if x > 0]
            none = [t for t, x in zip(terms, shape) if x < 0]
            max_rows = (5, 20)[n % 2]
            query = " ".join(f'"{g[0]}"' for g in groups) + "".join(f' -"{t}"' for t in none)
            parsed = json.dumps(conn.execute("SELECT fw_parse_query(%s)", [query]).fetchone()[0])
            order = recency_matches(conn, groups, none)
            matched = [m for _, m in order]
            walk, probe = walk_size(max_rows)
            k, found = walk_outcome(matched, max_rows)
            walks_on = k < max_rows and k * probe >= 2 * max_rows * walk
            more = min(max_rows - k, sum(matched[walk:probe])) if walks_on else 0
            itself = conn.execute("SELECT fw_search_plan(%s::jsonb, %s)", [parsed, max_rows]).fetchone()[0]
            given = conn.execute("SELECT fw_search_plan(fw_prepare_query(%s::jsonb), %s, %s, %s)",
                                 [parsed, max_rows, k, more]).fetchone()[0]
            assert given == itself, query
            assert (itself["walk_hits"], itself["walk_found"]) == (k, found), query
            decided.add(itself["plan"])
            walk_sql = conn.execute("SELECT fw_build_walk_sql(%s::jsonb)", [parsed]).fetchone()[0]
            for n_param, value in ((1, max_rows), (2, walk), (3, probe - walk)):  # CJK terms: no "$" inside
                walk_sql = walk_sql.replace(f"${n_param}", str(value))
            rows = conn.execute(f"SELECT version_id FROM ({walk_sql}) w").fetchall()
            expected = [v for v, m in order[walk:probe] if m][:max_rows]
            assert [r[0] for r in rows] == expected, query
    assert decided == {"recent", "ranked", "newest"}


@pytest.mark.parametrize("term", ["ab", "aa", "量子", "\U00020000a", "臺", "x\n量", "\n"])
def test_rank_equals_occurrences_and_title_in_characters(corpus_db, term):
    """fw_rank_normalized (fw_rank_counted over fw_term_count, 0320) against Python's str.count and find."""
    url, docs = corpus_db
    texts = [f"{d.title}\n{d.text}" for d in random.Random(5).sample(docs, 40)]
    texts += ["aaaa\nxaa", "b\naaa aa", "no newline ab ab ab", "\U00020000a\U00020000a\nA\U00020000a", "量子\n量子量子",
              "臺\n臺臺", "", "ax\n量 x\n量", "a\nb\nx\n量", "\n\n"]
    with psycopg.connect(url) as conn:
        for text in texts:
            with_term = text + term  # every text holds the term at least once
            for s in (text, with_term):
                rank, counted = conn.execute("SELECT fw_rank_normalized(%s, %s), fw_term_count(%s, %s)",
                                             [s, term, s, term]).fetchone()
                count, title_end = s.count(term), s.find("\n")
                assert counted == count, (s[:40], term)
                expected = 0.0 if count == 0 else math.log(1 + count) + (2 if 0 <= s.find(term) < title_end else 0)
                assert rank == pytest.approx(expected, rel=1e-6), (s[:40], term)


def test_term_keys_equal_the_stored_keys_function(corpus_db):
    """fw_term_keys (PL/pgSQL, for query terms) = fw_search_keys on random short strings of BMP,
    astral, Latin, punctuation and newline characters."""
    url, _ = corpus_db
    rng = random.Random(17)
    alphabet = "量子计算臺灣aZ0 ，。\n\u00e9\U00020000\U00020001\U0001f600\uffff"
    strings = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(400)]
    with psycopg.connect(url) as conn:
        for s in strings:
            stored, term = conn.execute("SELECT fw_search_keys(%s), fw_term_keys(%s)", [s, s]).fetchone()
            assert stored == term, s
