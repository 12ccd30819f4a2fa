"""Chinese full-text search over the archive: a query parser and the search call.

The index and the ranking live in SQL (migrations 0010–0012, 0016, 0170–0171, 0210: fw_normalize,
fw_bigrams, fw_contains, fw_search with its plan chosen by the newest documents, then the index
(fw_search_plan), see docs/search.md "Ranking"); this package validates queries and calls fw_search().
"""

from futurewatch.search.query import ParsedQuery, QueryError, parse_query
from futurewatch.search.repository import SearchHit, search

__all__ = ["ParsedQuery", "QueryError", "SearchHit", "parse_query", "search"]
