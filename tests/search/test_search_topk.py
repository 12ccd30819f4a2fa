"""fw_search's top-k: the returned rows equal the top max_rows under the documented order
(docs/search.md, "Ranking"), computed here by a LIKE scan and a Python selection; the plan
choice follows the index's candidate count, computed here from Python bigram sets."""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from tests.search.corpus import SampleDoc, copy_docs

RANK_ALL = 200  # default of futurewatch.search_rank_all (migration 0171)
LIKE = r"v.search_text LIKE '%%' || replace(replace(replace(%s, '\', '\\'), '%%', '\%%'), '_', '\_') || '%%'"


@pytest.fixture(scope="module")
def topk_db(corpus_db):
    """The shared corpus plus documents without a date, and documents whose old (non-current)
    version is the newest row of all and contains the common sentences."""
    url, docs = corpus_db
    base = max(d.document_id for d in docs)
    rng = random.Random(3)
    undated = [SampleDoc(base + i, d.title, d.text, None) for i, d in enumerate(rng.sample(docs, 40), 1)]
    revised = [SampleDoc(base + 100 + i, d.title, d.text, datetime(2030, 1, 1, tzinfo=timezone.utc) + timedelta(i))
               for i, d in enumerate(rng.sample(docs, 40))]
    with psycopg.connect(url) as conn:
        copy_docs(conn, undated + revised)
        for d in revised:  # a newer version without the text becomes current; the old one must be skipped
            conn.execute(
                "INSERT INTO document_versions (document_id, version_no, title, text, published_at, content_hash,"
                " parser, replaces_version_id) VALUES (%s, 2, '更正', '内容已撤回。', %s, %s, 'sample.V1', %s)",
                (d.document_id, d.published_at - timedelta(days=3000), f"r{d.document_id}", d.document_id))
            conn.execute("UPDATE documents SET current_version_id = (SELECT max(version_id) FROM document_versions"
                         " WHERE document_id = %s) WHERE document_id = %s", (d.document_id, d.document_id))
        conn.commit()
        conn.execute("ANALYZE document_versions")
        conn.commit()
    return url, docs


def normalized(conn, terms):
    return [conn.execute("SELECT fw_normalize(%s)", (t,)).fetchone()[0] for t in terms]


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


@dataclass(frozen=True)
class Version:
    version_id: int
    document_id: int | None  # None: not its document's current version
    published_at: datetime | None
    search_text: str
    keys: frozenset[str]  # the bigrams of search_text


_SNAPSHOT: dict[tuple, list[Version]] = {}
NEVER = datetime.min.replace(tzinfo=timezone.utc)


def versions(conn) -> list[Version]:
    """Every version as this connection sees it, newest first in the documented recency order
    (published_at, undated last, then version_id). Read once per state of the tables: cached by a
    fingerprint of the visible rows (id, transaction and tuple position: any insert, update or
    rollback changes it), so the oracles of one module share one pass over the texts."""
    state = conn.execute(
        "SELECT current_database(), (SELECT row(count(*), sum(hashtextextended("
        "  version_id::text || ':' || xmin::text || ':' || ctid::text, 0)))::text FROM document_versions),"
        " (SELECT row(count(*), sum(hashtextextended("
        "  document_id::text || ':' || xmin::text || ':' || ctid::text, 0)))::text FROM documents)").fetchone()
    if state not in _SNAPSHOT:
        rows = conn.execute("SELECT v.version_id, d.document_id, v.published_at, v.search_text FROM document_versions v"
                            " LEFT JOIN documents d ON d.current_version_id = v.version_id").fetchall()
        rows.sort(key=lambda r: (r[2] is not None, r[2] or NEVER, r[0]), reverse=True)
        _SNAPSHOT.clear()
        _SNAPSHOT[state] = [Version(v, d, p, t, frozenset(bigrams(t))) for v, d, p, t in rows]
    return _SNAPSHOT[state]


def version_keys(conn) -> list[tuple]:
    """(version_id, published_at, bigrams) of every version, current or not."""
    return [(v.version_id, v.published_at, v.keys) for v in versions(conn)]


def matches(conn, groups: list[list[str]], none: list[str] = ()) -> list[tuple[Version, bool]]:
    """(version, matched) of every current document, newest first: the normalised text holds some
    alternative of every group and no excluded term, tested as substrings in Python (what a LIKE
    scan of search_text finds)."""
    groups = [normalized(conn, g) for g in groups]
    none = normalized(conn, none)
    return [(v, all(any(t in v.search_text for t in g) for g in groups) and not any(t in v.search_text for t in none))
            for v in versions(conn) if v.document_id is not None]


def common_terms(conn) -> set[str]:
    """The common keys (0400) search excludes through their absence keys, as two-character terms."""
    return set(conn.execute("SELECT ARRAY(SELECT chr(k >> 16 & 65535) || chr(k & 65535)"
                            " FROM unnest((fw_common_keys())[1:fw_common_keys_searchable()]) AS k)").fetchone()[0])


def candidate_count(conn, groups: list[list[str]], none: list[str] = ()) -> int:
    """Versions (current or not) whose bigrams contain some alternative of every group and no
    excluded term that is a common key (other excluded terms do not count): the index's candidate
    count, computed without the index."""
    wanted = [[bigrams(t) for t in normalized(conn, g)] for g in groups]
    absent = common_terms(conn).intersection(normalized(conn, none))
    return sum(all(any(w <= have for w in alts) for alts in wanted) and not absent & have
               for _, _, have in version_keys(conn))


def oracle(conn, groups: list[list[str]], none: list[str], max_rows: int) -> tuple[str, list[tuple]]:
    """(strategy, expected (document_id, version_id) in order): matches() finds the matches,
    fw_rank_normalized ranks them, Python applies the documented strategy choice and order."""
    count = candidate_count(conn, groups, none)
    recency = matches(conn, groups, none)
    terms = [t for g in normalized_groups(conn, groups) for t in g]
    matched = [v for v, hit in recency if hit]
    rank = dict(conn.execute(
        f"SELECT version_id, ({' + '.join(['fw_rank_normalized(search_text, %s)'] * len(terms))})::real"
        " FROM document_versions WHERE version_id = ANY(%s)", terms + [[v.version_id for v in matched]]).fetchall())
    conn.execute("RESET ALL")  # as before: the oracle leaves the session's settings at their defaults
    walk_found = walk_outcome([hit for _, hit in recency], max_rows)[1]
    if count <= RANK_ALL and not walk_found:
        strategy, chosen = "ranked", matched  # every match
    else:
        strategy, chosen = "newest", matched[:max_rows]  # the max_rows newest matches
    key = lambda v: (-rank[v.version_id], -v.published_at.timestamp() if v.published_at else float("inf"),  # noqa: E731
                     v.document_id)
    return strategy, [(v.document_id, v.version_id) for v in sorted(chosen, key=key)[:max_rows]]


def normalized_groups(conn, groups: list[list[str]]) -> list[list[str]]:
    return [normalized(conn, g) for g in groups]


def walk_size(max_rows: int) -> tuple[int, int]:
    """(W, P): the newest current documents fw_search walks before counting, and at most (0210)."""
    return min(5 * max_rows, 1000), min(50 * max_rows, 20000)


def walk_outcome(matched: list[bool], max_rows: int) -> tuple[int, bool]:
    """(k, found): matches among the newest W (up to max_rows), and whether the walk finds
    max_rows matches, going on to the newest P when k × P >= 2 × max_rows × W (0210)."""
    walk, probe = walk_size(max_rows)
    k = min(max_rows, sum(matched[:walk]))
    if k == max_rows:
        return k, True
    return k, k * probe >= 2 * max_rows * walk and sum(matched[:probe]) >= max_rows


def fw_search(conn, query: str, max_rows: int) -> list[tuple]:
    return [r for r in conn.execute("SELECT document_id, version_id FROM fw_search(%s, %s)", (query, max_rows))]


def cut_terms(docs, rng: random.Random, lengths) -> list[str]:
    terms = []
    for length in lengths:
        term = ""
        while not (len(term) == length and all("\u4e00" <= ch <= "\u9fff" for ch in term)):
            text = rng.choice(docs).text
            at = rng.randrange(len(text) - length)
            term = text[at : at + length]
        terms.append(term)
    return terms


def test_top_k_equals_the_like_oracle(topk_db):
    url, docs = topk_db
    rng = random.Random(17)
    strategies = set()
    with psycopg.connect(url) as conn:
        for i in range(40):
            terms = cut_terms(docs, rng, [rng.choice([2, 2, 3, 4, 8, 14])])
            max_rows = rng.choice([1, 5, 20, 100, 500])
            strategy, expected = oracle(conn, [terms], [], max_rows)
            assert fw_search(conn, f'"{terms[0]}"', max_rows) == expected, (terms, max_rows)
            strategies.add((strategy, len(expected) == max_rows))
    # both paths, and the ranked path both with a full page and with every match
    assert strategies >= {("newest", True), ("ranked", True), ("ranked", False)}


def test_boolean_top_k_equals_the_like_oracle(topk_db):
    url, docs = topk_db
    rng = random.Random(23)
    with psycopg.connect(url) as conn:
        for _ in range(25):
            a, b, c, d = cut_terms(docs, rng, [2, rng.choice([2, 3]), 3, 2])
            max_rows = rng.choice([3, 20, 60])
            _, expected = oracle(conn, [[a], [b, c]], [d], max_rows)
            got = fw_search(conn, f'"{a}" "{b}" -"{d}" OR "{a}" "{c}" -"{d}"', max_rows)  # a AND (b OR c)
            assert got == expected, (a, b, c, d, max_rows)


def test_recent_path_returns_newest_matches_not_best_ranked(topk_db):
    """A common term: the answer is the newest matches, which differs from ranking every match."""
    url, docs = topk_db
    with psycopg.connect(url) as conn:
        texts = dict(conn.execute("SELECT document_id, search_text FROM v_documents").fetchall())
        frequency = Counter(b for text in texts.values() for b in {text[i : i + 2] for i in range(len(text) - 1)})
        term = next(b for b, _ in frequency.most_common() if "\n" not in b)
        got = fw_search(conn, f'"{term}"', 20)
        newest = conn.execute(
            "SELECT document_id FROM v_documents WHERE strpos(search_text, %s) > 0"
            " ORDER BY published_at DESC NULLS LAST, version_id DESC LIMIT 20", (term,)).fetchall()
        assert {g[0] for g in got} == {n[0] for n in newest}
        assert all(term in texts[g[0]] for g in got)
        assert len({g[0] for g in got}) == 20


def search_plan(conn, query: str, max_rows: int) -> dict:
    return conn.execute("SELECT fw_search_plan(fw_parse_query(%s), %s)", (query, max_rows)).fetchone()[0]


def newest_hold(conn, term: str, max_rows: int) -> tuple[int, bool]:
    """walk_outcome() of a term, its matches found by matches()."""
    return walk_outcome([hit for _, hit in matches(conn, [[term]])[: walk_size(max_rows)[1]]], max_rows)


def test_plan_follows_the_walk_then_the_index_count(topk_db):
    """The newest documents decide first (recent when they hold max_rows matches); otherwise the
    index's candidate count: ranked up to rank_all candidates, recent at the cap, newest in
    between; the count is exact below the cap."""
    url, docs = topk_db
    rng = random.Random(29)
    plans = set()
    with psycopg.connect(url) as conn:
        for _ in range(16):
            term = cut_terms(docs, rng, [rng.choice([2, 3, 4])])[0]
            rank_all, max_rows = rng.choice([50, 1000]), rng.choice([5, 20])
            _, want = oracle_at(conn, rank_all, [[term]], max_rows)  # the oracle resets settings: first
            conn.execute("SELECT set_config('futurewatch.search_rank_all', %s, false)", [str(rank_all)])
            plan = search_plan(conn, f'"{term}"', max_rows)
            assert (plan["walk"], plan["probe"]) == walk_size(max_rows)
            k, found = newest_hold(conn, term, max_rows)
            assert (plan["walk_hits"], plan["walk_found"]) == (k, found), (term, plan)
            if found:
                assert (plan["candidates"], plan["plan"]) == (None, "recent"), term
                plans.add("walk" if k == max_rows else "longer walk")
            else:
                expected, walked_on = candidate_count(conn, [[term]]), k * plan["probe"] >= 2 * max_rows * plan["walk"]
                assert plan["candidates"] == min(expected, plan["cap"]), term
                assert plan["plan"] == ("ranked" if expected <= rank_all else
                                        "recent" if expected >= plan["cap"] and not walked_on else "newest"), (term, plan)
                plans.add(plan["plan"])
            assert fw_search(conn, f'"{term}"', max_rows) == want, (term, plan)
    assert plans >= {"walk", "ranked", "newest"}


def test_common_query_missing_from_the_newest_documents_walks_after_the_count(topk_db):
    """A term with more candidates than the cap, none among the newest documents: the short walk
    fails, the count says recent (its walk fails too), and the result is still the oracle's.
    The documents holding it are added inside a transaction that is rolled back."""
    url, docs = topk_db
    max_rows, rank_all, term = 5, 50, "鼹鼱"
    with psycopg.connect(url) as conn:
        base = conn.execute("SELECT greatest(max(document_id), (SELECT max(version_id) FROM document_versions))"
                            " FROM documents").fetchone()[0]
        old = datetime(1990, 1, 1, tzinfo=timezone.utc)
        copy_docs(conn, [SampleDoc(base + i, f"旧闻{i}", f"{d.text[:300]}{term}{d.text[300:600]}", old + timedelta(i))
                         for i, d in enumerate(random.Random(41).choices(docs, k=1500), 1)])
        try:
            _, want = oracle_at(conn, rank_all, [[term]], max_rows)
            conn.execute("SELECT set_config('futurewatch.search_rank_all', %s, true)", [str(rank_all)])
            plan = search_plan(conn, f'"{term}"', max_rows)
            assert newest_hold(conn, term, max_rows) == (0, False) and 1500 >= plan["cap"] > rank_all
            assert (plan["walk_found"], plan["candidates"], plan["plan"]) == (False, plan["cap"], "recent"), plan
            got = fw_search(conn, f'"{term}"', max_rows)
            assert got == want and len(got) == max_rows
        finally:
            conn.rollback()


def oracle_at(conn, rank_all: int, groups, max_rows, none=()):
    global RANK_ALL
    saved, RANK_ALL = RANK_ALL, rank_all
    try:
        return oracle(conn, groups, list(none), max_rows)
    finally:
        RANK_ALL = saved


def test_recent_walk_and_newest_plan_return_the_same_rows(topk_db):
    """The ways of finding the newest matches agree, whichever the plan would pick; the bounded
    newest plan returns the complete answer or nothing."""
    url, docs = topk_db
    rng = random.Random(31)
    with psycopg.connect(url) as conn:
        for _ in range(8):
            query = " ".join(f'"{t}"' for t in cut_terms(docs, rng, [2, rng.choice([2, 3])]))
            parsed = conn.execute("SELECT fw_parse_query(%s)", [query]).fetchone()[0]
            walk_sql, newest_sql = conn.execute(
                "SELECT fw_build_topk_sql(%(p)s::jsonb), fw_build_newest_sql(%(p)s::jsonb, false)",
                {"p": json.dumps(parsed)}).fetchone()
            bounded_sql = conn.execute("SELECT fw_build_newest_sql(%s::jsonb, true)", [json.dumps(parsed)]).fetchone()[0]
            walk = conn.execute(walk_sql.replace("$1", "20").replace("$2", "20000")).fetchall()
            newest = conn.execute(newest_sql.replace("$1", "20")).fetchall()
            bounded = conn.execute(bounded_sql.replace("$1", "20").replace("$2", "400")).fetchall()
            short = conn.execute(bounded_sql.replace("$1", "20").replace("$2", "21")).fetchall()
            assert [r[:2] for r in walk] == [r[:2] for r in newest] or not walk, query
            assert bounded in ([], newest) and short in ([], newest), query  # complete answers only
