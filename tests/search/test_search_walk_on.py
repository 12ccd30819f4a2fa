"""Migration 0380: when the walk calls for the walk on and the index's candidates are few,
fw_search goes through the candidates instead of reading the next documents' texts; query terms
are normalised by fw_normalize_term; the many-survivors newest pass goes on from where it stopped.
Checked against the LIKE oracle of the documented rule (tests/search/test_search_topk.py),
positions computed in Python, and fw_normalize."""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta, timezone

import psycopg
import pytest
from psycopg.types.json import Jsonb

from tests.search.corpus import SampleDoc, copy_docs
from tests.search.test_search_topk import (  # noqa: F401 (fixture)
    LIKE,
    RANK_ALL,
    candidate_count,
    cut_terms,
    fw_search,
    matches,
    normalized,
    oracle,
    topk_db,
    walk_outcome,
    walk_size,
)

NEVER = datetime.min.replace(tzinfo=timezone.utc)


def recency_matches(conn, groups, none) -> list[bool]:
    """Whether each current document matches, newest first."""
    return [hit for _, hit in matches(conn, groups, none)]


def through_candidates(conn, matched: list[bool], count: int, max_rows: int) -> bool:
    """0380's rule: the walk goes on, the first E documents (twice the walk's rate) do not hold the rest,
    and the candidates, fewer than the bound, are expected to cost less than the texts still to
    read at the rate seen so far."""
    walk, probe = walk_size(max_rows)
    k = min(max_rows, sum(matched[:walk]))
    if not (k < max_rows and k * probe >= 2 * max_rows * walk):
        return False
    expected = min(probe - walk, math.ceil(2 * (max_rows - k) * walk / k))
    seen = min(max_rows, sum(matched[: walk + expected]))
    if seen == max_rows or walk + expected >= probe:
        return False
    size = conn.execute("SELECT max(version_id) FROM document_versions").fetchone()[0]
    cap = conn.execute("SELECT fw_search_cap(%s)", [max_rows]).fetchone()[0]
    rest = min(probe - walk - expected, math.ceil((max_rows - seen) * (walk + expected) / max(seen, 1)))
    bound = min(cap, 8 * (rest - 140))
    return 1.5 * seen * size / (walk + expected) < bound and count < bound


def test_walk_on_through_candidates_returns_the_documented_rows(topk_db):
    url, docs = topk_db
    rng = random.Random(23)
    shapes = [(2,), (3,), (4,), (2, 3), (3, -2), (4, -2), (2, 2), (6,)]
    taken = set()
    with psycopg.connect(url) as conn:
        for n in range(150):
            shape = shapes[n % len(shapes)]
            terms = cut_terms(docs, rng, [abs(x) for x in shape])
            groups = [[t] for t, x in zip(terms, shape) if x > 0]
            none = [t for t, x in zip(terms, shape) if x < 0]
            max_rows = (20, 50, 5, 100, 20)[n % 5]
            matched = recency_matches(conn, groups, none)
            k, found = walk_outcome(matched, max_rows)
            count = candidate_count(conn, groups, none)
            query = " ".join(f'"{g[0]}"' for g in groups) + "".join(f' -"{t}"' for t in none)
            strategy, expected = oracle(conn, groups, none, max_rows)
            assert fw_search(conn, query, max_rows) == expected, (query, max_rows, k, count)
            if through_candidates(conn, matched, count, max_rows):
                taken.add((count <= RANK_ALL, found, sum(matched) >= max_rows))
    # with at most rank_all candidates: the newest within P (recent), fewer matches than max_rows
    # (more than rank_all, and beyond P: the next test)
    assert {(True, True, True), (True, False, False)} <= taken, taken


@pytest.mark.parametrize("old_count, strategy", [(300, "newest"), (150, "ranked")])
def test_walk_on_through_candidates_when_the_matches_stop(topk_db, old_count, strategy):
    """Five of the newest documents hold a term, then none up to P, then old ones: the walk goes
    on, falls short, and the candidates give the newest 20 matches (more than rank_all of them) or
    the top 20 by rank (at most rank_all: the 20th newest match is beyond P)."""
    url, docs = topk_db
    wanted, max_rows = "鼹鼱", 20
    with psycopg.connect(url) as conn:
        base = conn.execute("SELECT greatest(max(document_id), (SELECT max(version_id) FROM document_versions))"
                            " FROM documents").fetchone()[0]
        chosen = random.Random(53).choices(docs, k=old_count + 5)
        new = datetime(2031, 1, 1, tzinfo=timezone.utc)
        old = datetime(1990, 1, 1, tzinfo=timezone.utc)
        copy_docs(conn, [SampleDoc(base + i, f"新闻{i}", f"{d.text[:100]}{wanted * (1 + i % 3)}{d.text[100:300]}",
                                   new + timedelta(days=i * 20) if i <= 5 else old + timedelta(hours=i))
                         for i, d in enumerate(chosen, 1)])
        matched = recency_matches(conn, [[wanted]], [])
        count = candidate_count(conn, [[wanted]])
        assert matched[:100].count(True) == 5 and count == old_count + 5
        assert through_candidates(conn, matched, count, max_rows)
        got_strategy, expected = oracle(conn, [[wanted]], [], max_rows)
        assert got_strategy == strategy and len(expected) == max_rows
        assert fw_search(conn, f'"{wanted}"', max_rows) == expected
        conn.rollback()


def test_within_counts_current_documents_before_a_version(topk_db):
    """fw_search_within(at, id, probe): the current document of version id is among the newest
    probe current documents. The fixture's newest rows are versions that are no longer current,
    and some documents have no date."""
    url, _ = topk_db
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT v.version_id, v.published_at FROM document_versions v"
                            " JOIN documents d ON d.current_version_id = v.version_id").fetchall()
        rows.sort(key=lambda r: (r[1] is not None, r[1] or NEVER, r[0]), reverse=True)
        rng = random.Random(5)
        picks = rng.sample(range(len(rows)), 40) + [0, len(rows) - 1, len(rows) - 2]
        picks += [i for i, r in enumerate(rows) if r[1] is None][:3]
        outcomes = set()
        for position in picks:
            version_id, published_at = rows[position]
            for probe in (position, position + 1, position + 30, max(1, position - 30)):
                within = conn.execute("SELECT fw_search_within(%s, %s, %s)",
                                      [published_at, version_id, probe]).fetchone()[0]
                assert within == (position + 1 <= probe), (position, probe, published_at)
                outcomes.add(within)
        assert outcomes == {True, False}


def test_normalize_term_equals_fw_normalize(topk_db):
    url, docs = topk_db
    rng = random.Random(9)
    with psycopg.connect(url) as conn:
        fold = conn.execute("SELECT array_agg(k) FROM jsonb_object_keys(fw_fold_map()) AS k").fetchone()[0]
        pool = "".join(fold) + "ＡＢＣａｂｃ１２３ABCxyzÀÉǅﬁ①㍻，。！？ \t" + "".join(docs[0].text[:200])
        pool += "𠀀𠁞𡃕𪚥😀"
        samples = ["".join(rng.choice(pool) for _ in range(rng.choice([1, 2, 3, 8, 64, 65, 90]))) for _ in range(300)]
        samples += fold[:200] + ["", "量子", "廣州", "İstanbul", "ß", "ﬀ"]
        got = conn.execute("SELECT array_agg(fw_normalize_term(s) ORDER BY o), array_agg(fw_normalize(s) ORDER BY o)"
                           " FROM unnest(%s::text[]) WITH ORDINALITY AS u(s, o)", [samples]).fetchone()
        assert got[0] == got[1]
        assert sum(a != s for a, s in zip(got[0], samples)) > 100  # the samples do get folded


def newest_matches(conn, term: str, excluded: str, max_rows: int) -> list[tuple]:
    """The max_rows newest current matches by a LIKE scan, in rank order (the newest plan's rows)."""
    term, excluded = normalized(conn, [term, excluded])
    conn.execute("SET enable_bitmapscan = off")
    conn.execute("SET enable_indexscan = off")
    rows = conn.execute(
        f"SELECT d.document_id, v.version_id, v.published_at, fw_rank_normalized(v.search_text, %s)"
        f" FROM document_versions v JOIN documents d ON d.current_version_id = v.version_id"
        f" WHERE ({LIKE}) AND NOT ({LIKE})", [term, term, excluded]).fetchall()
    conn.execute("RESET ALL")
    rows.sort(key=lambda r: (r[2] is not None, r[2] or NEVER, r[1]), reverse=True)
    chosen = sorted(rows[:max_rows], key=lambda r: (-r[3], -(r[2] or NEVER).timestamp() if r[2] else float("inf"), r[0]))
    return [(r[0], r[1]) for r in chosen]


def test_resumed_newest_pass_goes_on_after_the_newest_candidates(corpus_db):
    """fw_build_newest_resumed_sql (0380): the newest $2 candidates' texts first, then the rest
    without the excluded term's holders, from where the first pass stopped. Old documents hold
    WANTED; the newer half also hold the excluded term, so a short first pass must go on."""
    url, docs = corpus_db
    wanted, excluded, max_rows = "鼹鼱", "鼬獾", 5
    old = datetime(1990, 1, 1, tzinfo=timezone.utc)
    with psycopg.connect(url) as conn:
        base = conn.execute("SELECT greatest(max(document_id), (SELECT max(version_id) FROM document_versions))"
                            " FROM documents").fetchone()[0]
        chosen = random.Random(47).choices(docs, k=400)
        copy_docs(conn, [SampleDoc(base + i, f"旧闻{i}", f"{d.text[:200]}{wanted}{excluded if i > 300 or i % 40 else ''}"
                                   f"{d.text[200:400]}", old + timedelta(hours=i)) for i, d in enumerate(chosen, 1)])
        parsed = conn.execute("SELECT fw_prepare_query(fw_parse_query(%s))", [f'"{wanted}" -"{excluded}"']).fetchone()[0]
        statement = conn.execute("SELECT fw_build_newest_resumed_sql(%s)", [Jsonb(parsed)]).fetchone()[0]
        expected = newest_matches(conn, wanted, excluded, max_rows)
        assert len(expected) == max_rows
        for first in (1, 10, 99, 100, 101, 250, 5000):  # the newest 100 hold the excluded term
            got = conn.execute(statement.replace("$1", str(max_rows)).replace("$2", str(first))).fetchall()
            assert [(r[0], r[1]) for r in got] == expected, first
        conn.rollback()
