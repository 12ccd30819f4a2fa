"""Search calls against the database: every query goes through SQL's fw_search()."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import psycopg

from futurewatch.db import DatabaseError, connect
from futurewatch.search.query import QueryError, parse_query, render_query

SEARCH_SQL = """
SELECT document_id, version_id, title, url, published_at, rank
FROM fw_search(%(query)s, %(limit)s)
"""
MAX_LIMIT = 10_000


@dataclass(frozen=True)
class SearchHit:
    document_id: int
    version_id: int
    title: str
    url: str
    published_at: datetime | None
    rank: float

    def as_json(self) -> dict:
        return {
            "document_id": self.document_id,
            "title": self.title,
            "url": self.url,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "rank": round(self.rank, 4),
        }


def search(url: str, query: str, limit: int = 20) -> list[SearchHit]:
    """Current document versions matching `query`, best first; QueryError on a bad query."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    canonical = render_query(parse_query(query))
    with connect(url) as conn:
        try:
            rows = conn.execute(SEARCH_SQL, {"query": canonical, "limit": limit}).fetchall()
        except psycopg.errors.InvalidParameterValue as exc:
            raise QueryError(exc.diag.message_primary or str(exc)) from exc
        except psycopg.errors.UndefinedFunction as exc:
            raise DatabaseError("the search functions are missing; run `futurewatch db migrate` first") from exc
    return [SearchHit(**row) for row in rows]
