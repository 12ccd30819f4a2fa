"""Every query in docs/sql.md runs as futurewatch_reader and returns the expected rows, in the
server's TimeZone and in one whose date is not China's (the *_on dates are China's)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest
from psycopg import sql
from psycopg.rows import dict_row

from tests.sqlviews.seed import POLICY, build_seed, insert_seed
from tests.sqlviews.policy_checks import POLICY_CHECKS

DOC = Path(__file__).resolve().parents[2] / "docs" / "sql.md"
SHANGHAI = ZoneInfo("Asia/Shanghai")
QUERY = re.compile(r"^### (\d+)\. (.+?)\n\n```sql\n(.*?)```", re.S | re.M)


def doc_queries() -> dict[int, str]:
    return {int(n): statement for n, _, statement in QUERY.findall(DOC.read_text(encoding="utf-8"))}


def zone_off_china() -> str:
    """A session TimeZone whose date is not China's right now: 20 hours behind before 20:00 in China,
    6 hours ahead from 18:00."""
    return "Etc/GMT+12" if datetime.now(SHANGHAI).hour < 20 else "Etc/GMT-14"


@pytest.fixture(params=["server zone", "zone off China"])
def seeded(request, db_url):
    """The seed in the server's TimeZone, or in sessions whose date differs from China's (the
    database's default, so the seed and the reader count months in the same zone)."""
    if request.param == "zone off China":
        with psycopg.connect(db_url, autocommit=True) as conn:
            conn.execute(sql.SQL("ALTER DATABASE {} SET TimeZone = {}").format(
                sql.Identifier(conn.info.dbname), sql.Literal(zone_off_china())))
    with psycopg.connect(db_url) as conn:
        seed = build_seed(conn)
        insert_seed(conn, seed)
    return db_url, seed


def run_as_reader(db_url: str, statement: str) -> list[dict]:
    with psycopg.connect(db_url, row_factory=dict_row) as conn:
        conn.execute("SET ROLE futurewatch_reader")
        return conn.execute(statement).fetchall()


def this_month(seed, doc_id: int) -> bool:
    return seed.docs[doc_id].published_at >= seed.month_start


def expected_growth(seed) -> list[str]:
    window = seed.month_start - timedelta(days=31)
    counts = Counter()
    for doc_id, code, _ in seed.labels:
        published = seed.docs[doc_id].published_at
        if published >= seed.month_start:
            counts[code] += 1
        elif published >= window:
            counts[code] -= 1
    return [code for code, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def daily_mentions(seed) -> list[tuple]:
    """Query 18 over the seed: each document once, at its current version, on its day in China."""
    days = Counter()
    for doc_id, entity_id in seed.mentions:
        day = seed.docs[doc_id].published_at.astimezone(SHANGHAI).date()
        if day > seed.today - timedelta(days=30) and seed.entities[entity_id][0] == "org":
            days[(day, seed.entities[entity_id][1])] += 1
    ordered = sorted(days.items(), key=lambda kv: (-kv[0][0].toordinal(), -kv[1], kv[0][1]))
    return [(day, canonical, n, n) for (day, canonical), n in ordered]  # one mention per seeded document


def check(number: int, rows: list[dict], seed) -> None:
    year = seed.year_start.year
    ids = lambda: {r["document_id"] for r in rows}  # noqa: E731
    if number == 1:
        assert {r["doc_number"] for r in rows} == {f"粤府〔{year}〕12号", f"粤工信电子〔{year}〕2号"}
    elif number == 2:
        assert [r["code"] for r in rows] == expected_growth(seed)
    elif number == 3:
        assert [r["canonical"] for r in rows] == ["优必选"]
    elif number == 4:
        assert ids() == {1} and rows[0]["rank"] > 0
    elif number == 5:
        assert ids() == {2, 3, 4}
    elif number == 6:
        week0 = seed.now - timedelta(weeks=9)
        recent = [d for d in seed.docs.values() if d.published_at >= week0]
        assert 0 < sum(r["documents"] for r in rows) <= len(recent)
    elif number == 7:
        assert [r["doc_number"] for r in rows] == [f"粤工信电子〔{year}〕2号"] and rows[0]["bodies"] == 6
    elif number == 8:
        assert [(r["story_id"], sorted(r["sources"])) for r in rows] == [(1, ["c114", "nanfang"])]
    elif number == 9:
        dates = [r["published_at"] for r in rows]
        assert ids() == {1, 2, 8} and dates == sorted(dates, reverse=True)  # latest first
    elif number == 10:
        expected = Counter(seed.entities[e][1] for d, e in seed.mentions if this_month(seed, d))
        assert {r["canonical"]: r["mentions"] for r in rows} == dict(expected)
    elif number == 11:
        assert ids() == {8}
    elif number == 12:
        soon = [POLICY[d][0].format(y=year, y1=year - 1) for d in POLICY if 0 <= POLICY[d][3] <= 30]
        assert [r["doc_number"] for r in rows] == soon
    elif number == 18:
        assert [(r["day"], r["canonical"], r["mentions"], r["documents"]) for r in rows] == daily_mentions(seed)
    elif number in POLICY_CHECKS:
        POLICY_CHECKS[number](rows, seed)
    else:
        raise AssertionError(f"docs/sql.md query {number} has no expectation in this test")


def test_docs_have_at_least_ten_queries():
    assert len(doc_queries()) >= 10


def test_every_documented_query_runs_as_reader(seeded):
    url, seed = seeded
    for number, statement in sorted(doc_queries().items()):
        rows = run_as_reader(url, statement)
        try:
            check(number, rows, seed)
        except AssertionError as exc:
            raise AssertionError(f"docs/sql.md query {number}: {exc}; rows={rows}") from exc
