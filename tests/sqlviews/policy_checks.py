"""Expected rows of the policy queries in docs/sql.md (13 and up) over tests/sqlviews/seed.py."""

from __future__ import annotations

from collections import Counter

from tests.sqlviews.seed import LEVELS, LINKS, MEASURES, POLICY


def lineage(rows, seed) -> None:
    assert [(r["national_document_id"], r["depth"], r["document_id"]) for r in rows] == [(4, 1, 2), (4, 2, 5)]
    assert rows[0]["title"] == seed.docs[2].title


def waiting(rows, seed) -> None:
    expected = [(f, t) for f, to, _, t in LINKS if to is None]
    assert [(r["from_document_id"], r["target_title"]) for r in rows] == expected


def funding(rows, seed) -> None:
    big = sorted(((a, d) for d, k, a, _, _, _ in MEASURES if k == "funding" and a >= 10_000_000), reverse=True)
    assert [(r["wan_yuan"] * 10000, r["document_id"]) for r in rows] == big


def deadlines(rows, seed) -> None:
    soon = sorted((days, d) for d, k, _, _, days, _ in MEASURES if k == "deadline" and 0 <= days <= 30)
    assert [(r["days_left"], r["doc_number"]) for r in rows] == \
        [(days, POLICY[d][0].format(y=seed.year_start.year, y1=seed.year_start.year - 1)) for days, d in soon]


def levels(rows, seed) -> None:
    assert {r["issuer_level"]: r["documents"] for r in rows} == dict(Counter(LEVELS.values()))
    # no link abolishes a seeded policy; those that take effect after today are not in force yet
    assert sum(r["in_force"] for r in rows) == sum(1 for *_, days in POLICY.values() if days <= 0)


POLICY_CHECKS = {13: lineage, 14: waiting, 15: funding, 16: deadlines, 17: levels}
