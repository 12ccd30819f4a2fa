"""Multi-row writes through COPY: rows go into a temporary copy of a table's columns, then into
the table with one INSERT … SELECT … ON CONFLICT, so the write stays an upsert.

    upsert_staged(conn, "entity_mentions", columns, rows)                      # ON CONFLICT DO NOTHING
    upsert_staged(conn, "classifications", columns, rows, conflict=LABEL_UPDATE)
    copy_rows(conn, "classifications", columns, rows)   # straight in: rows the caller knows are new
    copy_new(conn, "document_versions", columns, rows)  # straight in, or staged when one is stored


COPY sends the rows in the table's own text format: no per-value parameter or array
adaptation on the client (adapting text arrays cost about as much as the database's insert).
The staging table lives for the session (ON COMMIT nothing: it is truncated before each use).
A caller with values already in binary form (the search index keys) names them `raw`: that COPY
is binary.

`copy_new` is for rows that are new unless someone else stored them meanwhile: it COPYs them
straight into the table under a savepoint (no staging table: large values are written and
TOAST-compressed once, not twice) and, if any of them conflicts with a stored row, rolls back to
the savepoint and upserts them through staging like `upsert_staged`: the result is the same
either way.
"""

from __future__ import annotations

from typing import Iterable

from psycopg import errors, sql
from psycopg.rows import tuple_row


def copy_staged(conn, table: str, columns: tuple[str, ...], values: Iterable[tuple],
                raw: tuple[str, ...] = ()) -> sql.Identifier:
    """COPY rows into the session's staging copy of `table` (emptied first); returns its name.

    `raw`: columns whose values come already in their type's binary form (bytes); then the COPY is
    binary, every other value adapted to its column's type."""
    staging = sql.Identifier(f"staged_{table}")
    names = sql.SQL(", ").join(map(sql.Identifier, columns))
    conn.execute(sql.SQL("CREATE TEMP TABLE IF NOT EXISTS {} AS SELECT {} FROM {} LIMIT 0").format(
        staging, names, sql.Identifier(table)))
    conn.execute(sql.SQL("TRUNCATE {}").format(staging))
    types = [("bytea" if c in raw else t) for c, t in column_types(conn, f"staged_{table}", columns)] if raw else None
    _copy(conn, staging, columns, values, types)
    return staging


def copy_rows(conn, table: str, columns: tuple[str, ...], values: Iterable[tuple], raw: tuple[str, ...] = ()) -> None:
    """COPY rows straight into `table`: no staging and no conflict handling, for rows that cannot
    be there yet (a duplicate key fails the transaction)."""
    types = [("bytea" if c in raw else t) for c, t in column_types(conn, table, columns)] if raw else None
    _copy(conn, sql.Identifier(table), columns, values, types)


def copy_new(conn, table: str, columns: tuple[str, ...], rows: list[tuple], raw: tuple[str, ...] = ()) -> int:
    """Insert rows expected to be new, ON CONFLICT DO NOTHING; returns rows written.

    Straight in by COPY under a savepoint; if a row conflicts (a concurrent writer or a rerun
    stored it), everything after the savepoint is undone and the rows go through staging."""
    try:
        with conn.transaction():
            copy_rows(conn, table, columns, rows, raw)
        return len(rows)
    except errors.UniqueViolation:
        return upsert_staged(conn, table, columns, rows, raw=raw)


def _copy(conn, target: sql.Identifier, columns: tuple[str, ...], values: Iterable[tuple],
          binary_types: list[str] | None = None) -> None:
    names = sql.SQL(", ").join(map(sql.Identifier, columns))
    binary = sql.SQL(" (FORMAT BINARY)" if binary_types else "")
    with conn.cursor() as cur, cur.copy(sql.SQL("COPY {} ({}) FROM STDIN{}").format(target, names, binary)) as copy:
        if binary_types:
            copy.set_types(binary_types)
        for row in values:
            copy.write_row(row)


def column_types(conn, table: str, columns: tuple[str, ...]) -> list[tuple[str, str]]:
    """(column, type name) of `columns` of a table visible in the search path."""
    with conn.cursor(row_factory=tuple_row) as cur:
        types = dict(cur.execute("SELECT attname, format_type(atttypid, NULL) FROM pg_attribute"
                                 " WHERE attrelid = %s::regclass AND attnum > 0", [table]).fetchall())
    return [(c, types[c]) for c in columns]


def upsert_staged(conn, table: str, columns: tuple[str, ...], values: Iterable[tuple],
                  conflict: str = "ON CONFLICT DO NOTHING", raw: tuple[str, ...] = ()) -> int:
    """COPY rows into a staging table, then insert them with `conflict`; returns rows written."""
    staging = copy_staged(conn, table, columns, values, raw)
    names = sql.SQL(", ").join(map(sql.Identifier, columns))
    return conn.execute(sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {} ").format(
        sql.Identifier(table), names, names, staging) + sql.SQL(conflict)).rowcount
