"""Planner statistics kept up with large batches: ANALYZE a table as soon as a tenth of it changed.

autovacuum does the same, but only on its next round; until then plans are made for a much smaller
table (the alert queries grew 3–4× when the archive doubled, until autovacuum's ANALYZE). Stages
that write large batches call `analyze_grown(conn, tables)` at their end; it is cheap when nothing
needs doing (one catalog query).
"""

from __future__ import annotations

from psycopg import sql
from psycopg.rows import tuple_row

GROWTH = 0.1  # ANALYZE once changes since the last ANALYZE exceed this share of the table

STALE_SQL = """
SELECT s.relname
FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
WHERE s.relname = ANY(%(tables)s) AND s.schemaname = current_schema()
  AND s.n_mod_since_analyze > greatest(c.reltuples, 0) * %(growth)s
"""


def stale_tables(conn, tables: list[str]) -> list[str]:
    """The tables among `tables` whose statistics describe less than (1 - GROWTH) of them."""
    with conn.cursor(row_factory=tuple_row) as cur:
        return [row[0] for row in cur.execute(STALE_SQL, {"tables": tables, "growth": GROWTH}).fetchall()]


def analyze_grown(conn, tables: list[str]) -> list[str]:
    """ANALYZE the stale ones among `tables` (committed work only is counted); returns their names."""
    stale = stale_tables(conn, tables)
    for table in stale:
        conn.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(table)))
    return stale
