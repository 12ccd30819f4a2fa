"""Bulk writes to the archive: document versions by COPY, with the search index maintained per
batch instead of per row.

    with indexed_batch(conn):        # one transaction per batch
        copy_versions(conn, rows, folder)

    with parallel_writers(db_url):   # several writers in parallel, merging in turn
        ... indexed_batch(conn, merge=False) in each writer ...

Versions already stored (by id, by document and content hash, or by document and version
number) are left out first; the rest are COPied straight into document_versions under a
savepoint, and should one conflict all the same (a concurrent writer), they go through a
temporary staging table and one INSERT … ON CONFLICT DO NOTHING (futurewatch/core/staging.py,
`copy_new`). Either way a batch can be rerun as it is (rows already stored are skipped), and a
crash inside a batch rolls all of it back: nothing half-written, nothing lost, rerun the batch.

Per-row maintenance of the search index (~1,200 distinct keys per 5 KB text) was 55–70 % of
load time; the keys come from Python (search_keys, migration 0220). Inside `indexed_batch` new index entries go to the GIN pending list (a large
`gin_pending_list_limit` for this transaction only) and are merged into the index once, at the
end of the batch, by `gin_clean_pending_list()` with a large `maintenance_work_mem`: one sorted
merge instead of one tree insert per key. Search is never wrong meanwhile: the pending list is
part of the index and every search reads it; other sessions do not see the batch before commit.
After a batch that grew the table by more than a tenth, the table is ANALYZEd, so that no plan
runs on statistics of a much smaller table.

Several writers in parallel (bench.load_search) cannot merge at once: the index lets one backend
clean its pending list at a time (the metapage lock). With `merge=False` a writer's transaction
sets a small `gin_pending_list_limit` (SHARED_PENDING_LIMIT): once the list passes it, the writer
whose insert finds it so merges it, up to the tail it saw, with PostgreSQL's own cleanup at
insert, while the other writers go on COPYing (they skip the cleanup while one runs). Each merge
is short, so the pages it frees are reused soon after. `parallel_writers` merges what is left
when the writers are done. (A connection merging for all writers instead chased their tail in
one cleanup that freed no page until they stopped: a 3× larger index; docs/performance.md,
wip/load6.) Nothing is less safe:
pending entries are part of the index, written and committed with their batch, and every
search reads them; a merge inside a batch that rolls back leaves index entries of rolled-back
rows, which no search returns and VACUUM removes, as after any rolled-back insert.

A bulk load's batches may commit with `durable=False` (`synchronous_commit = off`, that
transaction only): a server crash can lose the batches committed in the ~0.2 s before it, each
wholly, never in part, and rerunning the load stores them (every write here is an upsert; rows
already stored are skipped). `process` keeps durable commits.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterable, Iterator

import psycopg
from psycopg.rows import tuple_row

from futurewatch.core.searchtext import SearchTextFolder
from futurewatch.core.staging import copy_new, upsert_staged
from futurewatch.core.stats import analyze_table

SEARCH_INDEX = "document_versions_search_keys_idx"
PENDING_LIMIT = "64MB"      # at most one merge per 64 MB of new keys within a batch
SHARED_PENDING_LIMIT = "16MB"  # parallel writers: merge in turn past 16 MB (4 and 8 MB merged
                               # more often and wrote more WAL, 32 MB left a larger index)
MERGE_MEMORY = "64MB"       # memory of the merges (larger was not faster)
ANALYZE_GROWTH = 0.1       # ANALYZE after a batch that adds more than this share of rows
STORED_KEYS = ("SELECT version_id, document_id, version_no, content_hash FROM document_versions"
               " WHERE version_id = ANY(%s) OR document_id = ANY(%s)")
VERSION_COLUMNS = ("version_id", "document_id", "version_no", "title", "text", "published_at",
                   "content_hash", "parser", "search_text", "search_keys", "search_sig")
BINARY_COLUMNS = ("search_keys", "search_sig")  # sent in their types' binary form (searchtext.search_columns)


@dataclass(frozen=True)
class VersionRow:
    version_id: int
    document_id: int
    version_no: int
    title: str
    text: str
    published_at: datetime | None
    content_hash: str
    parser: str


@contextmanager
def indexed_batch(conn, merge: bool = True, durable: bool = True) -> Iterator[None]:
    """One transaction whose search-index entries are merged in bulk, and once more at its end
    (`merge=False`: parallel writers', merged in turn past a smaller limit, see `parallel_writers`;
    `durable=False`: a bulk load's commit, below)."""
    with conn.transaction():
        before = planner_rows(conn)
        conn.execute(f"SET LOCAL gin_pending_list_limit = '{PENDING_LIMIT if merge else SHARED_PENDING_LIMIT}'")
        conn.execute(f"SET LOCAL maintenance_work_mem = '{MERGE_MEMORY}'")  # merge_pending's memory
        conn.execute(f"SET LOCAL work_mem = '{MERGE_MEMORY}'")  # the memory of a merge at insert
        if not durable:
            conn.execute("SET LOCAL synchronous_commit = off")
        yield
        if merge:
            merge_pending(conn)
        if rows_added(conn) > before * ANALYZE_GROWTH:
            analyze_table(conn, "document_versions")


def merge_pending(conn) -> int:
    """Merge the search index's pending list into the index now; returns the pages merged."""
    return scalar(conn, f"SELECT gin_clean_pending_list('{SEARCH_INDEX}'::regclass)") or 0


def planner_rows(conn) -> float:
    """The row count the planner believes in (pg_class.reltuples; -1 before the first ANALYZE)."""
    return max(0.0, scalar(conn, "SELECT reltuples FROM pg_class WHERE oid = 'document_versions'::regclass"))


def rows_added(conn) -> int:
    """Versions inserted by the current transaction."""
    return scalar(conn, "SELECT n_tup_ins FROM pg_stat_xact_user_tables"
                        " WHERE relid = 'document_versions'::regclass") or 0


def scalar(conn, statement: str):
    """The first column of the first row (None without rows), whatever the connection's row factory."""
    with conn.cursor(row_factory=tuple_row) as cur:
        row = cur.execute(statement).fetchone()
    return row[0] if row else None


def copy_versions(conn, rows: Iterable[VersionRow], folder: SearchTextFolder) -> int:
    """Store new versions (explicit ids) with their search_text, keys and key signature; returns how many
    were new."""
    folder = folder.current(conn)
    values = [(r.version_id, r.document_id, r.version_no, r.title, r.text, r.published_at, r.content_hash,
               r.parser, *folder.search_columns(r.title, r.text)) for r in unstored(conn, list(rows))]
    return copy_new(conn, "document_versions", VERSION_COLUMNS, values, raw=BINARY_COLUMNS) if values else 0


def unstored(conn, rows: list[VersionRow]) -> list[VersionRow]:
    """The rows that ON CONFLICT DO NOTHING would insert, as the database stands: none of their
    unique keys is stored or taken by an earlier row of the list. Stricter than the table since 0430
    for content: a row whose content its document already holds is left out (bulk loads add
    documents; a page reverted to earlier content gets its version from `process`)."""
    with conn.cursor(row_factory=tuple_row) as cur:
        stored = cur.execute(STORED_KEYS, [[r.version_id for r in rows], list({r.document_id for r in rows})]).fetchall()
    taken = {k for version_id, document, number, digest in stored
             for k in (version_id, (document, "no", number), (document, "hash", digest))}
    new = []
    for r in rows:
        keys = (r.version_id, (r.document_id, "no", r.version_no), (r.document_id, "hash", r.content_hash))
        if taken.isdisjoint(keys):
            new.append(r)
            taken.update(keys)
    return new


@contextmanager
def parallel_writers(db_url: str, on_close: Callable[[psycopg.Connection], None] | None = None) -> Iterator[None]:
    """A block of writers in parallel, each `indexed_batch(conn, merge=False)`: they merge in turn
    while they write; what they left pending is merged on a connection of its own when the block
    ends (not after an error: pending entries are searched all the same, the next merge takes them).
    `on_close(conn)` is called before that connection closes (a benchmark reads its CPU)."""
    yield
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(f"SET maintenance_work_mem = '{MERGE_MEMORY}'")
        merge_pending(conn)
        if on_close:
            on_close(conn)
