"""Schema migrations: forward-only SQL files in sql/migrations, applied by yoyo-migrations.

Each file runs in its own transaction, so a failing migration leaves nothing half-applied. A file
that backfills an archive in committed batches opts out (`-- transactional: false`, e.g. 0220);
every statement in such a file can run again, so a rerun goes on where a failed run stopped.
Concurrent migrators queue on a PostgreSQL session advisory lock (futurewatch.core.locks), which dies
with its holder; a yoyo lock row left by a killed process is then removed, never waited on.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from yoyo import get_backend, read_migrations

from futurewatch.core.db import DatabaseError, describe_url
from futurewatch.core.locks import break_stale_yoyo_lock, migration_lock

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "sql" / "migrations"


@dataclass(frozen=True)
class MigrationStatus:
    id: str
    applied: bool


@contextmanager
def _backend(db_url: str) -> Iterator:
    """A yoyo backend holding the migration lock; its connection is closed on exit."""
    with migration_lock(db_url):
        backend = _open_backend(db_url)
        try:
            break_stale_yoyo_lock(db_url)
            with backend.lock():
                yield backend
        finally:
            backend.connection.close()


def _open_backend(db_url: str):
    yoyo_url = db_url.replace("postgresql://", "postgresql+psycopg://", 1).replace(
        "postgres://", "postgresql+psycopg://", 1
    )
    try:
        return get_backend(yoyo_url)
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


def apply_migrations(db_url: str) -> list[str]:
    """Apply pending migrations; return the ids applied."""
    migrations = read_migrations(str(MIGRATIONS_DIR))
    with _backend(db_url) as backend:
        pending = backend.to_apply(migrations)
        try:
            backend.apply_migrations(pending)
        except Exception as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            failed = next(iter(backend.to_apply(migrations)), None)
            if failed is not None and not failed.use_transactions:   # `-- transactional: false`
                raise DatabaseError(f"migration {failed.id} failed: {reason}; it commits in batches, so the next "
                                    "`futurewatch db migrate` resumes where it stopped") from exc
            raise DatabaseError(f"migration failed and was rolled back: {reason}") from exc
    return [m.id for m in pending]
