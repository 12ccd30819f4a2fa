"""Chinese full-text search over the archive: a query parser and the search call.

The index and the ranking live in SQL (migrations 0010–0012 and 0016: fw_normalize, fw_bigrams,
fw_contains, fw_search with its recent-first top-k path for common queries, see docs/search.md
"Ranking"); this package validates queries and calls fw_search().
"""

from futurewatch.search.query import ParsedQuery, QueryError, parse_query
from futurewatch.search.repository import SearchHit, search

__all__ = ["ParsedQuery", "QueryError", "SearchHit", "parse_query", "search"]
