"""Migration 0420: fw_walk runs one statement, planned once per session, for every query whose groups
are one term each (the terms, excluded terms and a signature mask are its parameters), and the
statement built for the query (fw_build_walk_sql) for the others. Both must give the same rows:
checked against the built statement for random queries of every shape, offsets and limits, on a
database with undated documents, non-current versions that are the newest rows, and null
signatures."""

from __future__ import annotations

import json
import random

import psycopg

from tests.search.test_search_topk import cut_terms, topk_db  # noqa: F401 (fixture)

# positive term lengths (one group each, or an OR group), excluded term lengths
SHAPES = [((2,), ()), ((3,), ()), ((4,), ()), ((2, 3), ()), ((4, 4), ()), ((3,), (2,)), ((2,), (3,)),
          ((8,), ()), ((5,), ()), ((3,), (2, 2)), ((2, 2, 2), ())]


def shaped_queries(docs, count: int, seed: int):
    rng = random.Random(seed)
    for n in range(count):
        positive, negative = SHAPES[n % len(SHAPES)]
        terms = cut_terms(docs, rng, positive + negative)
        groups = [f'"{t}"' for t in terms[: len(positive)]]
        if n % 5 == 4 and len(groups) > 1:  # an OR group: the built statement
            groups = [" OR ".join(groups)]
        yield " ".join(groups) + "".join(f' -"{t}"' for t in terms[len(positive):])


def built_walk(conn, parsed: str, max_rows: int, skip: int, count: int):
    statement = conn.execute("SELECT fw_build_walk_sql(%s::jsonb)", [parsed]).fetchone()[0]
    for n, value in reversed(list(enumerate((max_rows, skip, count), 1))):
        statement = statement.replace(f"${n}", str(value))
    return conn.execute(f"SELECT coalesce(jsonb_agg(to_jsonb(w)), '[]') FROM ({statement}) w").fetchone()[0]


def test_the_walk_statement_returns_the_rows_of_the_built_statement(topk_db):
    url, docs = topk_db
    rng = random.Random(5)
    with psycopg.connect(url) as conn:
        conn.execute("UPDATE document_versions SET search_sig = NULL WHERE version_id % 7 = 3")  # read the text
        walked = matched = 0
        for query in shaped_queries(docs, 66, 71):
            parsed = json.dumps(conn.execute("SELECT fw_prepare_query(fw_parse_query(%s))", [query]).fetchone()[0])
            if "nothing" in json.loads(parsed):
                continue
            for max_rows, skip, count in ((20, 0, 100), (5, 0, 25), (3, rng.randrange(200), rng.randrange(1, 400)),
                                          (1000, 0, 10**6)):
                got = conn.execute("SELECT fw_walk(%s::jsonb, %s, %s, %s)", [parsed, max_rows, skip, count]).fetchone()[0]
                assert got == built_walk(conn, parsed, max_rows, skip, count), (query, max_rows, skip, count)
                walked += 1
                matched += len(got) > 0
        conn.rollback()
    assert walked >= 200 and matched >= 100  # rows were there to compare


def test_the_mask_is_the_signature_of_the_keys(topk_db):
    url, _ = topk_db
    rng = random.Random(9)
    with psycopg.connect(url) as conn:
        for size in (0, 1, 2, 7, 40):
            keys = [rng.randrange(-2**31, 2**31) for _ in range(size)]
            same = conn.execute("SELECT fw_signature_mask(%s::int4[]) = fw_key_signature(%s::int4[])", [keys, keys]).fetchone()[0]
            assert same, keys


def test_a_reader_cannot_call_the_walk_directly(topk_db):
    """fw_walk reads the archive as its owner when fw_search calls it; it is not granted to anyone."""
    url, _ = topk_db
    with psycopg.connect(url) as conn:
        granted = conn.execute("SELECT has_function_privilege('futurewatch_reader',"
                               " 'fw_walk(jsonb, integer, bigint, bigint)', 'EXECUTE')").fetchone()[0]
    assert granted is False
