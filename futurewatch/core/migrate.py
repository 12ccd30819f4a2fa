"""Schema migrations: forward-only SQL files in sql/migrations, applied by yoyo-migrations.

Each file runs in its own transaction, so a failing migration leaves nothing half-applied. A file
that backfills an archive in committed batches opts out (`-- transactional: false`, e.g. 0220);
every statement in such a file can run again, so a rerun goes on where a failed run stopped.
Concurrent migrators queue on a PostgreSQL session advisory lock (futurewatch.core.locks), which dies
with its holder; a yoyo lock row left by a killed process is then removed, never waited on.
A statement waits at most LockWait.timeout for a table lock (futurewatch.core.lockwait), so an ALTER
stuck behind a long reader does not stall the pipeline queued behind it; the migration is then tried
again a few times (a transactional one was rolled back whole, a batched one resumes) and at last
stops with one line naming the blocking sessions. Each pending migration has its own tries.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from psycopg.errors import LockNotAvailable
from yoyo import get_backend, read_migrations

from futurewatch.core.config import LockWait
from futurewatch.core.db import DatabaseError, describe_url
from futurewatch.core.locks import break_stale_yoyo_lock, migration_lock
from futurewatch.core.lockwait import (bounded_url, gave_up_message, migration_app_name, retry_delays,
                                      unbound_statements, watch_blockers)

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "sql" / "migrations"


@dataclass(frozen=True)
class MigrationStatus:
    id: str
    applied: bool


@contextmanager
def _backend(db_url: str, wait: LockWait = LockWait()) -> Iterator:
    """A yoyo backend holding the migration lock, its sessions' lock waits bounded by `wait`; closed on exit."""
    with migration_lock(db_url):
        backend = _open_backend(db_url, wait)
        try:
            break_stale_yoyo_lock(db_url)
            with backend.lock():
                yield backend
        finally:
            backend.connection.close()


def _open_backend(db_url: str, wait: LockWait):
    yoyo_url = db_url.replace("postgresql://", "postgresql+psycopg://", 1).replace(
        "postgres://", "postgresql+psycopg://", 1
    )
    try:
        return get_backend(bounded_url(yoyo_url, wait, migration_app_name()))
    except Exception as exc:  # yoyo wraps driver errors in its own types
        reason = " ".join(str(exc).split())
        raise DatabaseError(
            f"cannot open {describe_url(db_url)} for migrations: {reason}; check DATABASE_URL or unset it"
        ) from exc


def migration_status(db_url: str) -> list[MigrationStatus]:
    migrations = read_migrations(str(MIGRATIONS_DIR))
    with _backend(db_url) as backend:
        applied = {m.id for m in backend.to_rollback(migrations)}
    return [MigrationStatus(m.id, m.id in applied) for m in migrations]


def apply_migrations(db_url: str, wait: LockWait = LockWait(), *, before: str | None = None) -> list[str]:
    """Apply pending migrations (only those whose id sorts before `before`, when given), each lock wait
    bounded by `wait`; return the ids applied."""
    migrations = read_migrations(str(MIGRATIONS_DIR))
    if before is not None:
        migrations = migrations.filter(lambda m: m.id < before)
    unbound_statements(migrations)
    with _backend(db_url, wait) as backend:
        pending = backend.to_apply(migrations)
        try:
            for migration in pending:
                _apply_retrying(db_url, backend, migration, wait)
            if pending:  # as yoyo: hooks run after migrations were applied
                backend.run_post_apply(pending)
        except DatabaseError:
            raise
        except Exception as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            failed = next(iter(backend.to_apply(migrations)), None)
            if failed is not None and not failed.use_transactions:   # `-- transactional: false`
                raise DatabaseError(f"migration {failed.id} failed: {reason}; it commits in batches, so the next "
                                    "`futurewatch db migrate` resumes where it stopped") from exc
            raise DatabaseError(f"migration failed and was rolled back: {reason}") from exc
    return [m.id for m in pending]


def _apply_retrying(db_url: str, backend, migration, wait: LockWait) -> None:
    """Apply one migration; after a lock timeout, again after each of `retry_delays`, then give up."""
    delays, blockers = retry_delays(wait), []
    while True:
        with watch_blockers(db_url, wait, migration_app_name()) as watch:
            try:
                backend.apply_migrations_only([migration])
                return
            except LockNotAvailable as exc:
                blockers, error = watch.last or blockers, exc  # else: as the try before saw them
        delay = next(delays, None)
        if delay is None:
            raise DatabaseError(gave_up_message(migration.id, wait, blockers, migration.use_transactions)) from error
        log.warning("migrations: %s waited %g s for a lock (blocked by %s); trying again in %g s",
                    migration.id, wait.timeout, ", ".join(f"pid {b.pid}" for b in blockers) or "?", delay)
        time.sleep(delay)
