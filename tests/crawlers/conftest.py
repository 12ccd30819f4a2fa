"""Fixtures for crawler tests: the offline mirror on loopback, and small query helpers."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from crawlers.mirror import start_mirror
from crawlers.spiders.base import TZ
from futurewatch.core.db import connect


@pytest.fixture
def mirror():
    server = start_mirror()
    yield server
    server.stop()


@pytest.fixture
def fault_mirror():
    server = start_mirror(faults=True, timeout_sleep=6.0)
    yield server
    server.stop()


def query(db_url: str, sql: str, params: dict | None = None) -> list[dict]:
    with connect(db_url) as conn:
        return conn.execute(sql, params or {}).fetchall()


def mirror_noon(mirror) -> datetime:
    """A crawl's clock: noon of the mirror's day, so its "today" is the mirror's across 00:00 Shanghai."""
    return datetime.combine(mirror.site.today, time(12), tzinfo=TZ)


def c114_roll(day) -> str:
    """C114's daily list (滚动资讯) of one day, as its spider asks for it."""
    return f"https://www.c114.com.cn/news/roll.asp?y={day.year}&m={day.month}&d={day.day}"


def article_hits(server, host: str | None = None) -> list[tuple[str, str, int]]:
    """Mirror requests that were not listings or robots.txt (i.e. article and attachment fetches)."""
    listing_marks = ("roll.asp", "/api/", "article/list", "node_", "news.shtml", "index", "ZUIXINZHENGCE",
                     "search-front-server", "/2.html", "robots.txt")
    return [h for h in server.hits if (host is None or h[0] == host) and not any(m in h[1] for m in listing_marks)]
