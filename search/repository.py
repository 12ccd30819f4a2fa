"""Search calls against the database: every query goes through SQL's fw_search()."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo

import psycopg

from futurewatch.core.db import DatabaseError, connect
from search.query import QueryError, parse_query, render_query
from search.snippet import SCAN_CHARS, Snippet, build_snippet

SEARCH_SQL = """
SELECT h.document_id, h.version_id, h.title, h.url, h.published_at, h.rank, d.source_id, s.name AS source_name,
       left(v.text, %(text_chars)s) AS text
FROM fw_search(%(query)s, %(limit)s) WITH ORDINALITY AS h
JOIN document_versions v ON v.version_id = h.version_id
JOIN documents d ON d.document_id = h.document_id
JOIN sources s ON s.source_id = d.source_id
ORDER BY h.ordinality
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
    source_id: str = ""
    source_name: str = ""
    snippet: Snippet = Snippet("")

    def as_json(self, zone: tzinfo = timezone.utc) -> dict:
        """The fields the table shows (title, source, date, snippet with its hit) and the rest."""
        return {
            "document_id": self.document_id,
            "title": self.title,
            "source_id": self.source_id,
            "source": self.source_name,
            "published_at": self.published_at.astimezone(zone).isoformat() if self.published_at else None,
            "snippet": self.snippet.text,
            "hit": self.snippet.hit,
            "url": self.url,
            "rank": round(self.rank, 4),
        }


def search(db_url: str, query: str, limit: int = 20) -> list[SearchHit]:
    """Current document versions matching `query`, best first; QueryError on a bad query."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    parsed = parse_query(query)
    with connect(db_url) as conn:
        try:
            rows = conn.execute(SEARCH_SQL, {"query": render_query(parsed), "limit": limit,
                                             "text_chars": SCAN_CHARS}).fetchall()
        except psycopg.errors.InvalidParameterValue as exc:
            raise QueryError(exc.diag.message_primary or str(exc)) from exc
        except psycopg.errors.UndefinedFunction as exc:
            raise DatabaseError("the search functions are missing; run `futurewatch db migrate` first") from exc
    return [SearchHit(**{k: v for k, v in row.items() if k != "text"}, snippet=build_snippet(row["text"], parsed))
            for row in rows]
