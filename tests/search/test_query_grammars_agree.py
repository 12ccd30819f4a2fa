"""Search queries and alert-rule keyword queries read the same text the same way: AND binds
tighter than OR, NOT excludes. Checked on every combination of found terms, for fixed queries and
for random ones in the syntax both accept (terms, "phrases", AND, OR, NOT)."""

from __future__ import annotations

import itertools
import random

import pytest

from alerts.query import parse_query as parse_rule_query
from alerts.terms import normalize_term
from search.query import QueryError, parse_query as parse_search_query

TERMS = ["广东", "量子", "芯片", "深海", "人工 智能"]


def search_matches(query: str, found: set[str]) -> bool:
    parsed = parse_search_query(query)
    return all(any(t in found for t in group) for group in parsed.all) and not any(t in found for t in parsed.none)


def rule_matches(query: str, found: set[str]) -> bool:
    """A rule sees the found terms in the shared matcher's form (e.g. a phrase without its space)."""
    return parse_rule_query(query).evaluate({normalize_term(t) for t in found})


def assert_same_meaning(query: str) -> None:
    for size in range(len(TERMS) + 1):
        for found in itertools.combinations(TERMS, size):
            assert search_matches(query, set(found)) == rule_matches(query, set(found)), (query, found)


@pytest.mark.parametrize("query", ["广东 量子 OR 芯片", "广东 AND 量子 OR 芯片", "广东 OR 量子 芯片",
                                   "广东 OR 量子 AND 芯片 OR 深海", '"人工 智能" 量子 OR 芯片 深海',
                                   "量子 NOT 深海 OR 芯片 NOT 深海", "NOT 深海 广东"])
def test_the_same_query_means_the_same_in_search_and_in_alert_rules(query):
    assert_same_meaning(query)


def test_and_binds_tighter_than_or_in_both():
    assert search_matches("广东 量子 OR 芯片", {"芯片"}) and rule_matches("广东 量子 OR 芯片", {"芯片"})
    assert not search_matches("广东 量子 OR 芯片", {"量子"}) and not rule_matches("广东 量子 OR 芯片", {"量子"})


def random_query(rng: random.Random) -> str:
    excluded = [f"NOT {t}" for t in rng.sample(["深海", "芯片"], rng.choice([0, 0, 1]))]
    clauses = []
    for _ in range(rng.randint(1, 3)):
        terms = [f'"{t}"' if " " in t else t for t in rng.sample(TERMS[:3] + TERMS[4:], rng.randint(1, 3))]
        clauses.append(rng.choice([" ", " AND "]).join(terms + excluded))
    return " OR ".join(clauses)


def test_random_queries_in_the_shared_syntax_agree():
    rng = random.Random(16)
    checked = 0
    for _ in range(200):
        query = random_query(rng)
        try:
            parse_search_query(query)
        except QueryError:  # e.g. more OR combinations than search multiplies out; rules still parse it
            parse_rule_query(query)
            continue
        assert_same_meaning(query)
        checked += 1
    assert checked > 150
