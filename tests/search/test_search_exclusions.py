"""Excluded terms (0260): fw_search drops their holders through the index where the keys decide
(one key: two BMP characters) and checks the text otherwise; its rows equal the LIKE oracle's
(tests/search/test_search_topk.py) and its plan follows the survivors the index counts.

Crafted archives, added inside a transaction that is rolled back: old documents (none among the
newest, so the walk falls short and the index decides) holding a wanted term, and an excluded
term in all of them, in none, in all but a few, or with all its keys but not the string."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from tests.search.corpus import SampleDoc, copy_docs
from tests.search.test_search_topk import bigrams, candidate_count, fw_search, normalized, oracle_at, search_plan, version_keys

WANTED = "鼹鼱"  # in no seed sentence
OLD = datetime(1990, 1, 1, tzinfo=timezone.utc)
MAX_ROWS, RANK_ALL, HOLDERS = 5, 50, 1500


def add_holders(conn, docs, extra) -> None:
    """HOLDERS old documents holding WANTED; document i also gets extra(i) (a string)."""
    base = conn.execute("SELECT greatest(max(document_id), (SELECT max(version_id) FROM document_versions))"
                        " FROM documents").fetchone()[0]
    chosen = random.Random(43).choices(docs, k=HOLDERS)
    copy_docs(conn, [SampleDoc(base + i, f"旧闻{i}", f"{d.text[:200]}{WANTED}{extra(i)}{d.text[200:500]}",
                               OLD + timedelta(hours=i)) for i, d in enumerate(chosen, 1)])


def survivors(conn, excluded: str) -> int:
    """Versions holding WANTED's keys but not the excluded term's one key: from Python bigram sets."""
    wanted, key = bigrams(normalized(conn, [WANTED])[0]), normalized(conn, [excluded])[0]
    return sum(wanted <= have and key not in have for _, _, have in version_keys(conn))


CASES = {  # excluded term → what each holder gets besides WANTED
    "everywhere": ("鼬獾", lambda i: "鼬獾"),
    "nowhere": ("貘犰", lambda i: ""),
    "all but seven": ("鼬獾", lambda i: "" if i % 200 == 0 else "鼬獾"),
    "every other": ("鼬獾", lambda i: "" if i % 2 == 0 else "鼬獾"),  # many survivors: read on the text (0290)
    "keys but not the string": ("狨猴狐", lambda i: "狨猴，猴狐"),
    "astral keys but not the string": ("\U00020000猴", lambda i: "\U00020000狐\U00020400猴"),
}


PLANS = {"everywhere": "newest", "nowhere": "recent", "all but seven": "newest", "every other": "recent",
         "keys but not the string": "recent", "astral keys but not the string": "recent"}


@pytest.mark.parametrize("case", CASES)
def test_exclusion_rows_equal_like_and_the_plan_follows_the_survivors(corpus_db, case):
    url, docs = corpus_db
    excluded, extra = CASES[case]
    query = f'"{WANTED}" -"{excluded}"'
    with psycopg.connect(url) as conn:
        add_holders(conn, docs, extra)
        try:
            _, want = oracle_at(conn, RANK_ALL, [[WANTED]], MAX_ROWS, [excluded])
            conn.execute("SELECT set_config('futurewatch.search_rank_all', %s, true)", [str(RANK_ALL)])
            plan = search_plan(conn, query, MAX_ROWS)
            assert (plan["walk_hits"], plan["walk_found"], plan["candidates"]) == (0, False, plan["cap"]), plan
            assert HOLDERS >= plan["cap"] > RANK_ALL
            one_key = conn.execute("SELECT fw_is_one_key(fw_normalize(%s))", [excluded]).fetchone()[0]
            if one_key:
                assert plan["survivors"] == survivors(conn, excluded), plan
                assert plan["dropped"] == candidate_count(conn, [[WANTED]]) - plan["survivors"], plan
                size = conn.execute("SELECT max(version_id) FROM document_versions").fetchone()[0]
                walk_expected = plan["survivors"] * plan["probe"] >= MAX_ROWS * size  # C is at the cap here
                assert plan["plan"] == ("recent" if walk_expected else "newest"), plan
            else:  # not decided by the keys: the candidates decide, as without the exclusion
                assert (plan["survivors"], plan["plan"]) == (None, "recent"), plan
            assert plan["plan"] == PLANS[case], plan
            got = fw_search(conn, query, MAX_ROWS)
            assert got == want, (case, plan)
            expected_count = {"everywhere": 0, "all but seven": MAX_ROWS}.get(case, MAX_ROWS)
            assert len(got) == expected_count, case
        finally:
            conn.rollback()


def test_rare_query_with_exclusion_ranks_only_what_the_index_leaves(corpus_db):
    """At most rank_all candidates: ranked over every match, holders of the key dropped first."""
    url, docs = corpus_db
    with psycopg.connect(url) as conn:
        add_holders(conn, docs, lambda i: "" if i % 3 == 0 else "鼬獾")
        try:
            rank_all = 2 * HOLDERS
            _, want = oracle_at(conn, rank_all, [[WANTED]], 20, ["鼬獾"])
            conn.execute("SELECT set_config('futurewatch.search_rank_all', %s, true)", [str(rank_all)])
            plan = search_plan(conn, f'"{WANTED}" -"鼬獾"', 20)
            assert (plan["candidates"], plan["plan"]) == (HOLDERS, "ranked"), plan
            got = fw_search(conn, f'"{WANTED}" -"鼬獾"', 20)
            assert got == want and len(got) == 20
        finally:
            conn.rollback()
