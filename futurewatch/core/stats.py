"""Planner statistics kept up with large batches: ANALYZE a table as soon as it grew by a tenth.

autovacuum does the same, but only on its next round; until then plans are made for a much smaller
table (the alert queries grew 3–4× when the archive doubled, until autovacuum's ANALYZE). Stages
that write large batches call `analyze_grown(conn, tables)` at their end; it is cheap when nothing
needs doing (one catalog query).
"""

from __future__ import annotations

from psycopg import sql
from psycopg.rows import tuple_row

GROWTH = 0.1  # ANALYZE once the table has grown by this share since the planner last counted it
# Columns to analyze where a full ANALYZE is costly: the wide text columns and search_keys (array
# statistics over ~1,200 keys a row) are left out. Search does not plan on statistics (fw_search_plan).
COLUMNS = {"document_versions": ("version_id", "document_id", "version_no", "raw_fetch_id", "published_at",
                                 "content_hash", "is_empty", "created_at")}

STALE_SQL = """
SELECT s.relname
FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
WHERE s.relname = ANY(%(tables)s) AND s.schemaname = current_schema()
  AND s.n_live_tup > greatest(c.reltuples, 0) * (1 + %(growth)s)
"""


def stale_tables(conn, tables: list[str]) -> list[str]:
    """The tables among `tables` that grew by more than GROWTH since their last ANALYZE
    (live rows against pg_class.reltuples, which -1 marks as never counted)."""
    with conn.cursor(row_factory=tuple_row) as cur:
        return [row[0] for row in cur.execute(STALE_SQL, {"tables": tables, "growth": GROWTH}).fetchall()]


def analyze_grown(conn, tables: list[str]) -> list[str]:
    """ANALYZE the stale ones among `tables` (committed work only is counted); returns their names."""
    stale = stale_tables(conn, tables)
    for table in stale:
        analyze_table(conn, table)
    return stale


def analyze_table(conn, table: str) -> None:
    columns = COLUMNS.get(table)
    listed = sql.SQL(" ({})").format(sql.SQL(", ").join(map(sql.Identifier, columns))) if columns else sql.SQL("")
    conn.execute(sql.SQL("ANALYZE {}{}").format(sql.Identifier(table), listed))
