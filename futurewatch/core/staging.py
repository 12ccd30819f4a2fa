"""Multi-row writes through COPY: rows go into a temporary copy of a table's columns, then into
the table with one INSERT … SELECT … ON CONFLICT, so the write stays an upsert.

    upsert_staged(conn, "entity_mentions", columns, rows)                      # ON CONFLICT DO NOTHING
    upsert_staged(conn, "classifications", columns, rows, conflict=LABEL_UPDATE)

COPY sends the rows in the table's own text format: no per-value parameter or array
adaptation on the client (adapting text arrays cost about as much as the database's insert).
The staging table lives for the session (ON COMMIT nothing: it is truncated before each use).
"""

from __future__ import annotations

from typing import Iterable

from psycopg import sql


def copy_staged(conn, table: str, columns: tuple[str, ...], values: Iterable[tuple]) -> sql.Identifier:
    """COPY rows into the session's staging copy of `table` (emptied first); returns its name."""
    staging = sql.Identifier(f"staged_{table}")
    names = sql.SQL(", ").join(map(sql.Identifier, columns))
    conn.execute(sql.SQL("CREATE TEMP TABLE IF NOT EXISTS {} AS SELECT {} FROM {} LIMIT 0").format(
        staging, names, sql.Identifier(table)))
    conn.execute(sql.SQL("TRUNCATE {}").format(staging))
    with conn.cursor() as cur, cur.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(staging, names)) as copy:
        for row in values:
            copy.write_row(row)
    return staging


def upsert_staged(conn, table: str, columns: tuple[str, ...], values: Iterable[tuple],
                  conflict: str = "ON CONFLICT DO NOTHING") -> int:
    """COPY rows into a staging table, then insert them with `conflict`; returns rows written."""
    staging = copy_staged(conn, table, columns, values)
    names = sql.SQL(", ").join(map(sql.Identifier, columns))
    return conn.execute(sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {} ").format(
        sql.Identifier(table), names, names, staging) + sql.SQL(conflict)).rowcount
