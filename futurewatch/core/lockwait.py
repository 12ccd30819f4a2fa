"""Bounded lock waits for migrations: the session setting, who blocked a wait, and the message.

An ALTER TABLE waiting for its lock behind a long reader (an analyst's query, a reclassify) sits in
the table's lock queue, and every later reader and writer of the table waits behind it. So each
migration connection runs with `lock_timeout` (LockWait.timeout, a startup option of the session,
so yoyo's per-migration connections all get it): a wait longer than that fails the statement with
SQLSTATE 55P03 and frees the queue. Only lock waits are bounded: a long backfill is never cut.

Two kinds of statement run without the bound (lock_timeout 0), waiting as long as it takes:
- building, rebuilding or dropping an index CONCURRENTLY: it waits for older transactions (on any
  table) while holding only a lock that readers and writers pass, and a build given up is thrown
  away and redone from its first scan;
- CREATE [OR REPLACE] [CONSTRAINT] TRIGGER in a batched file (`-- transactional: false`): its lock
  (SHARE ROW EXCLUSIVE) conflicts with writers only, never readers, and a batched file that replaces
  a trigger by DROP then CREATE (0410) would leave the table without it, its rows unfilled, from a
  given-up CREATE until the next migrate. Writers waiting a while is the smaller harm. Inside a
  transactional file it stays bounded: the file's earlier statements may hold locks that readers
  wait for (0270 alters alert_events before its triggers), and a rollback leaves nothing half-done.
The migration lock is held meanwhile, so other migrators (`futurewatch run`'s migrate stage) wait too.

PostgreSQL does not say who held the lock when it gives up, so a BlockerWatch polls, from a
connection of its own, `pg_blocking_pids()` of every waiting migration session (found by its
application_name) and keeps who it saw.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from yoyo.migrations import MigrationStep

from futurewatch.core.config import LockWait
from futurewatch.core.db import DatabaseError, connect

log = logging.getLogger(__name__)

MAX_LOCK_TIMEOUT_MS = 2**31 - 1  # PostgreSQL's limit for lock_timeout
QUERY_HEAD = 60  # characters of a blocker's query quoted in messages

LEADING_COMMENTS = re.compile(r"\A(?:\s+|--[^\n]*(?:\n|\Z)|/\*.*?\*/)*", re.S)
CONCURRENT_INDEX_DDL = re.compile(
    r"(?:CREATE\s+(?:UNIQUE\s+)?INDEX|DROP\s+INDEX|REINDEX\s+(?:\([^)]*\)\s*)?\w+)\s+CONCURRENTLY\b", re.I)
CREATE_TRIGGER = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:CONSTRAINT\s+)?TRIGGER\b", re.I)
MAX_RETRY_PAUSE = 60.0  # seconds: the longest pause between two tries of a migration

BLOCKERS_SQL = """
SELECT DISTINCT ON (b.pid) b.pid, b.usename, b.application_name, b.state, b.query,
       extract(epoch FROM now() - b.query_start)::float8 AS query_seconds,
       extract(epoch FROM now() - b.xact_start)::float8 AS xact_seconds
FROM pg_stat_activity w
CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS blocking(pid)
JOIN pg_stat_activity b ON b.pid = blocking.pid
WHERE w.application_name = %(app)s AND w.wait_event_type = 'Lock' AND w.datname = current_database()
ORDER BY b.pid
"""


def migration_app_name() -> str:
    """The application_name of this process's migration sessions (how the watch finds them)."""
    return f"futurewatch migration pid={os.getpid()}"


def bounded_url(url: str, wait: LockWait, app_name: str) -> str:
    """`url` whose sessions wait at most `wait.timeout` for a lock and carry `app_name`."""
    parts = urlsplit(url)
    args = dict(parse_qsl(parts.query, keep_blank_values=True))
    millis = 0 if wait.timeout <= 0 else min(MAX_LOCK_TIMEOUT_MS, max(1, round(wait.timeout * 1000)))
    args["options"] = f"{args.get('options', '')} -c lock_timeout={millis}".strip()
    args["application_name"] = app_name
    return urlunsplit(parts._replace(query=urlencode(args, quote_via=quote)))


def is_unbounded_statement(sql: str, transactional: bool = False) -> bool:
    """CREATE [UNIQUE] INDEX / DROP INDEX / REINDEX … CONCURRENTLY, or CREATE … TRIGGER outside a
    transaction (module docstring)."""
    head = LEADING_COMMENTS.sub("", sql, count=1)
    return bool(CONCURRENT_INDEX_DDL.match(head) or (not transactional and CREATE_TRIGGER.match(head)))


def unbound_statements(migrations) -> None:
    """Run each migration statement that `is_unbounded_statement` with lock_timeout 0.

    yoyo 9 keeps an SQL file's statements as MigrationStep._apply strings, one step (in a transaction
    or transactionless wrapper) per statement; a callable there is called with the connection.
    tests/foundation/test_migration_locks.py fails if that layout changes.
    """
    for migration in migrations:
        migration.load()
        for wrapper in migration.steps:
            step = getattr(wrapper, "step", None)
            sql = getattr(step, "_apply", None) if isinstance(step, MigrationStep) else None
            if isinstance(sql, str) and is_unbounded_statement(sql, migration.use_transactions):
                step._apply = _without_lock_timeout(sql)


def _without_lock_timeout(sql: str):
    def apply(conn) -> None:  # yoyo calls a step's callable with the migration's connection
        conn.execute("SET lock_timeout = 0")
        conn.execute(sql)  # a failure ends the migration: its transaction or its connection goes with it
        conn.execute("RESET lock_timeout")  # back to the session's bound
    return apply


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    whole = int(seconds)
    return f"{whole // 3600}h{whole % 3600 // 60:02d}m" if whole >= 3600 else (
        f"{whole // 60}m{whole % 60:02d}s" if whole >= 60 else f"{seconds:.1f}s")


@dataclass(frozen=True)
class Blocker:
    """A session that held (or queued ahead for) the lock a migration waited for."""

    pid: int
    usename: str | None
    application_name: str | None
    state: str | None
    query: str | None
    query_seconds: float | None
    xact_seconds: float | None

    def describe(self) -> str:
        who = ", ".join(filter(None, (self.usename and f"user {self.usename}",
                                      self.application_name and f"app {self.application_name}")))
        head = " ".join((self.query or "").split())
        head = head if len(head) <= QUERY_HEAD else head[:QUERY_HEAD] + "…"
        if self.state == "active":
            doing = f"query running {_duration(self.query_seconds)}"
        elif (self.state or "").startswith("idle in transaction"):
            doing = f"idle in a transaction open {_duration(self.xact_seconds)}, last query"
        else:
            doing = self.state or "state not visible to this user"
        return f"pid {self.pid} ({who or 'unnamed session'}; {doing}: {head or '?'})"


def select_blockers(conn, app_name: str) -> list[Blocker]:
    """The sessions blocking a lock wait of the sessions named `app_name`, now."""
    return [Blocker(**row) for row in conn.execute(BLOCKERS_SQL, {"app": app_name}).fetchall()]


class BlockerWatch:
    """Polls who blocks the migration sessions named `app_name`; `last` is the latest wait's blockers."""

    def __init__(self, db_url: str, app_name: str, every: float):
        self.db_url, self.app_name, self.every = db_url, app_name, every
        self.last: list[Blocker] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, name="migration-blocker-watch", daemon=True)

    def __enter__(self) -> "BlockerWatch":
        try:
            self._conn = connect(self.db_url, autocommit=True)
        except DatabaseError as exc:  # e.g. max_connections reached: go on without naming blockers
            log.warning("migrations: cannot connect to watch who blocks the migration (%s); going on without it",
                        " ".join(str(exc.__cause__ or exc).split()))
            self._conn = None
        else:
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._conn is not None:
            self._stop.set()
            self._thread.join()
            self._conn.close()

    def _poll(self) -> None:
        while True:
            try:
                self.last = select_blockers(self._conn, self.app_name) or self.last
            except Exception as exc:  # the watch only names blockers; the migration goes on without it
                log.warning("migrations: cannot see who blocks the migration: %s", " ".join(str(exc).split()))
                return
            if self._stop.wait(self.every):
                return


def watch_blockers(db_url: str, wait: LockWait, app_name: str) -> BlockerWatch:
    """A watch polling five times per lock timeout (at most every 20 ms, at least every second)."""
    return BlockerWatch(db_url, app_name, every=max(0.02, min(1.0, wait.timeout / 5)) if wait.timeout > 0 else 1.0)


def retry_delays(wait: LockWait) -> Iterator[float]:
    """The pauses before each retry: the lock timeout, then twice as long each time, at most MAX_RETRY_PAUSE."""
    pause = min(wait.timeout, MAX_RETRY_PAUSE)
    for _ in range(wait.retries):
        yield pause
        pause = min(pause * 2, MAX_RETRY_PAUSE)


def gave_up_message(migration_id: str, wait: LockWait, blockers: list[Blocker], transactional: bool) -> str:
    """One line: which migration, who blocked it, what is left, what to do."""
    who = "; ".join(b.describe() for b in blockers) or "a session that ended before it could be named"
    left = ("nothing of it was applied" if transactional
            else "the statements it finished stay, and the next run resumes it")
    tries = f"{wait.retries + 1} tries" if wait.retries else "1 try"
    return (f"migration {migration_id} could not get a lock within {wait.timeout:g} s "
            f"in {tries}, blocked by {who}; {left}. Rerun `futurewatch db migrate` "
            f"when that ends, or raise FUTUREWATCH_MIGRATION_LOCK_TIMEOUT (0 waits as long as it takes)")
