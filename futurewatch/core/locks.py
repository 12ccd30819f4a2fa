"""Locks that die with their holder: PostgreSQL session advisory locks.

    migration_lock(url)          held while migrations run (every `db migrate`, `run`, DAG task)
    run_lock(url, wait=False)    held for a whole `futurewatch run`; a second run waits or stops
    exclusive_lock(url, id, …)   one holder at a time or a one-line error (`db common-keys`)

A session advisory lock belongs to one database connection: when its process dies (kill -9
included) the server ends the session and the lock is gone. Nothing is left to clean up by hand.
yoyo's own lock row (table yoyo_lock) is still taken inside the migration lock, for yoyo's tools;
any row found there while we hold the advisory lock is a dead holder's and is removed.
The holder's pid and start are kept in application_name, so a waiting process can say who holds it.
"""

from __future__ import annotations

import logging
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterator

from futurewatch.core.db import DatabaseError, connect

log = logging.getLogger(__name__)

LOCK_NAMESPACE = 0x6677  # classid of every futurewatch advisory lock ("fw")
MIGRATION_LOCK = 1
RUN_LOCK = 2
COMMON_KEYS_LOCK = 3
LOCK_NAMES = {MIGRATION_LOCK: "migration", RUN_LOCK: "run", COMMON_KEYS_LOCK: "common keys"}
APP_PREFIX = "futurewatch"

HOLDERS_SQL = """
SELECT l.objid::int AS lock_id, a.pid AS backend_pid, a.application_name, a.backend_start, a.client_addr
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.classid = %(ns)s AND l.objsubid = 2
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY l.objid
"""


class RunInProgress(DatabaseError):
    """Another `futurewatch run` holds the run lock; the message names its start and pid."""


@dataclass(frozen=True)
class LockHolder:
    lock: str
    backend_pid: int
    application_name: str
    since: datetime
    client: str

    @property
    def os_pid(self) -> int | None:
        """The holder's process id, as it wrote it in its application_name (None if unknown)."""
        for part in self.application_name.split():
            if part.startswith("pid="):
                return int(part[4:]) if part[4:].isdigit() else None
        return None

    def describe(self) -> str:
        pid = self.os_pid if self.os_pid is not None else f"backend {self.backend_pid}"
        return f"since {self.since.astimezone(timezone.utc):%Y-%m-%d %H:%M:%S %Z} (pid {pid})"


def select_holders(conn) -> list[LockHolder]:
    """Who holds each futurewatch advisory lock in this database now."""
    rows = conn.execute(HOLDERS_SQL, {"ns": LOCK_NAMESPACE}).fetchall()
    return [LockHolder(LOCK_NAMES.get(r["lock_id"], str(r["lock_id"])), r["backend_pid"],
                       r["application_name"] or "", r["backend_start"], str(r["client_addr"] or "local"))
            for r in rows]


def _lock_connection(db_url: str, purpose: str):
    conn = connect(db_url, autocommit=True)
    conn.execute("SELECT set_config('application_name', %(n)s, false)",
                 {"n": f"{APP_PREFIX} {purpose} pid={os.getpid()}"[:63]})
    return conn


@contextmanager
def migration_lock(db_url: str, *, poll_seconds: float = 0.5) -> Iterator[None]:
    """Hold the migration lock (waiting for a live holder; a dead one's lock is already gone)."""
    with _lock_connection(db_url, "migrate") as conn:
        announced = False
        while not _try_lock(conn, MIGRATION_LOCK):
            if not announced:
                holder = _holder_of(conn, "migration")
                log.warning("migrations: waiting for the migration lock held %s",
                            holder.describe() if holder else "by another session")
                announced = True
            time.sleep(poll_seconds)
        try:
            yield
        finally:
            _unlock(conn, MIGRATION_LOCK)


@contextmanager
def run_lock(db_url: str, *, wait: bool = False, poll_seconds: float = 1.0) -> Iterator[None]:
    """Hold the run lock for a whole cycle; RunInProgress if another run holds it and not `wait`."""
    with _lock_connection(db_url, "run") as conn:
        while not _try_lock(conn, RUN_LOCK):
            holder = _holder_of(conn, "run")
            if not wait:
                raise RunInProgress("a run is already in progress "
                                    + (holder.describe() if holder else "(holder just finished; try again)"))
            time.sleep(poll_seconds)
        try:
            yield
        finally:
            _unlock(conn, RUN_LOCK)


@contextmanager
def exclusive_lock(db_url: str, lock_id: int, purpose: str) -> Iterator[None]:
    """Hold a lock that allows one holder; DatabaseError naming the holder if another has it."""
    with _lock_connection(db_url, purpose) as conn:
        if not _try_lock(conn, lock_id):
            holder = _holder_of(conn, LOCK_NAMES.get(lock_id, str(lock_id)))
            raise DatabaseError(f"{purpose}: already running " + (holder.describe() if holder else "(just finished)"))
        try:
            yield
        finally:
            _unlock(conn, lock_id)


def _try_lock(conn, lock_id: int) -> bool:
    return conn.execute("SELECT pg_try_advisory_lock(%(ns)s, %(id)s) AS ok",
                        {"ns": LOCK_NAMESPACE, "id": lock_id}).fetchone()["ok"]


def _unlock(conn, lock_id: int) -> None:
    if not conn.closed:
        conn.execute("SELECT pg_advisory_unlock(%(ns)s, %(id)s)", {"ns": LOCK_NAMESPACE, "id": lock_id})


def _holder_of(conn, name: str) -> LockHolder | None:
    return next((h for h in select_holders(conn) if h.lock == name), None)


def stale_yoyo_rows(conn) -> list[dict]:
    """yoyo_lock rows (pid, ctime); only meaningful while holding the migration lock."""
    exists = conn.execute("SELECT to_regclass('yoyo_lock') IS NOT NULL AS ok").fetchone()["ok"]
    return conn.execute("SELECT pid, ctime FROM yoyo_lock").fetchall() if exists else []


def break_stale_yoyo_lock(db_url: str) -> list[dict]:
    """Remove yoyo's lock row(s); call only while holding migration_lock. The rows removed."""
    with connect(db_url, autocommit=True) as conn:
        rows = stale_yoyo_rows(conn)
        if rows:
            conn.execute("DELETE FROM yoyo_lock")
            for row in rows:
                log.warning("migrations: removed a stale yoyo lock row of pid %s from %s (its holder is gone)",
                            row["pid"], row["ctime"])
    return rows


def terminate_holders(db_url: str) -> list[LockHolder]:
    """End the sessions holding futurewatch locks (ops' last resort); the holders ended."""
    with connect(db_url, autocommit=True) as conn:
        holders = select_holders(conn)
        for holder in holders:
            conn.execute("SELECT pg_terminate_backend(%(p)s)", {"p": holder.backend_pid})
    return holders
