"""A migration waits a bounded time for its table lock: behind a long reader it gives up (so the readers
and writers queued behind it go on), retries, and at last stops with one line naming the reader."""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from contextlib import contextmanager

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import make_conninfo
from yoyo import read_migrations
from yoyo.migrations import MigrationStep

from futurewatch.core import lockwait
from futurewatch.core.config import ConfigError, LockWait, load_settings
from futurewatch.core.db import DatabaseError, connect as db_connect
from futurewatch.core.lockwait import retry_delays, unbound_statements
from futurewatch.core.migrate import MIGRATIONS_DIR, apply_migrations, migration_status
from tests.chaos.helpers import cli, wait_until
from tests.foundation.test_migrations import only_migration
from tests.search.test_search_keys import database_before

PROBE = "9990_add_probe_column"
PROBE_SQL = "CREATE TABLE probe_made_first (id int);\nALTER TABLE raw_fetches ADD COLUMN probe int;\n"
READ = "SELECT count(*) FROM raw_fetches"
pytestmark = pytest.mark.timeout(30)  # a migration waiting without bound would hang here, not fail
SHORT = LockWait(timeout=0.3, retries=1)


@contextmanager
def reader(url: str, query: str = READ):
    """An analyst's psql session that ran `query` and left its transaction open (ACCESS SHARE held)."""
    with psycopg.connect(url, application_name="analyst-psql") as conn:
        conn.execute(query)
        yield conn
        conn.rollback()


@contextmanager
def running_query(url: str, sql: str = f"SELECT pg_sleep(60), ({READ})"):
    """`sql` running in a session of its own (its locks and snapshot held) until it ends or the block does."""
    conn = psycopg.connect(url, application_name="analyst-report", autocommit=True)
    thread = threading.Thread(target=_run_until_cancelled, args=(conn, sql))
    thread.start()
    assert wait_until(lambda: _active(url, conn.info.backend_pid), timeout=10)
    try:
        yield conn
    finally:
        conn.cancel()
        thread.join(10)
        conn.close()


def _run_until_cancelled(conn, sql: str) -> None:
    try:
        conn.execute(sql)
    except psycopg.errors.QueryCanceled:
        pass


def _active(url: str, pid: int) -> bool:
    with psycopg.connect(url) as conn:
        state = conn.execute("SELECT state FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone()
        return state == ("active",)


def column_exists(url: str, table: str, column: str) -> bool:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
                            (table, column)).fetchone() is not None


def applied(url: str, migration_id: str) -> bool:
    return {s.id: s.applied for s in migration_status(url)}[migration_id]


def test_lock_wait_settings_are_read_and_checked():
    assert load_settings({}).migration_lock_wait == LockWait(5.0, 3)
    assert load_settings({"FUTUREWATCH_MIGRATION_LOCK_TIMEOUT": "0.5", "FUTUREWATCH_MIGRATION_LOCK_RETRIES": "0"}
                         ).migration_lock_wait == LockWait(0.5, 0)
    for name, bad in (("FUTUREWATCH_MIGRATION_LOCK_TIMEOUT", "5s"), ("FUTUREWATCH_MIGRATION_LOCK_TIMEOUT", "-1"),
                      ("FUTUREWATCH_MIGRATION_LOCK_TIMEOUT", "nan"), ("FUTUREWATCH_MIGRATION_LOCK_RETRIES", "1.5")):
        with pytest.raises(ConfigError, match=f"^{name} must be"):
            load_settings({name: bad})


def test_behind_a_running_query_it_gives_up_names_the_query_and_a_rerun_applies_it(db_url, tmp_path, monkeypatch):
    only_migration(tmp_path, monkeypatch, f"{PROBE}.sql", PROBE_SQL)
    with running_query(db_url) as report:
        started = time.monotonic()
        with pytest.raises(DatabaseError) as info:
            apply_migrations(db_url, SHORT)
        took = time.monotonic() - started
        message = str(info.value)
        assert "\n" not in message and took < 5
        assert message.startswith(f"migration {PROBE} could not get a lock within 0.3 s in 2 tries, blocked by "
                                  f"pid {report.info.backend_pid} (user ")
        assert "app analyst-report; query running " in message and f"SELECT pg_sleep(60), ({READ}))" in message
        assert "nothing of it was applied" in message and "Rerun `futurewatch db migrate`" in message
        assert "FUTUREWATCH_MIGRATION_LOCK_TIMEOUT" in message
        # rolled back whole: not the table made before the ALTER either, and not recorded
        assert not column_exists(db_url, "raw_fetches", "probe") and not applied(db_url, PROBE)
        with psycopg.connect(db_url) as conn:
            assert conn.execute("SELECT to_regclass('probe_made_first')").fetchone()[0] is None
    assert apply_migrations(db_url, SHORT) == [PROBE]
    assert column_exists(db_url, "raw_fetches", "probe") and applied(db_url, PROBE)


def test_sessions_queued_behind_the_waiting_migration_wait_at_most_the_timeout(db_url, tmp_path, monkeypatch):
    only_migration(tmp_path, monkeypatch, f"{PROBE}.sql", PROBE_SQL)
    wait = LockWait(timeout=1.0, retries=0)
    with reader(db_url):
        failed = []
        migrator = threading.Thread(target=lambda: failed.append(pytest.raises(DatabaseError, apply_migrations,
                                                                               db_url, wait)))
        migrator.start()
        assert wait_until(lambda: _migration_waits(db_url), timeout=10, step=0.02)
        with psycopg.connect(db_url) as pipeline:  # a reader arriving now queues behind the migration's ALTER
            pipeline.execute("SET lock_timeout = '8s'")  # (the analyst's transaction would hold it forever)
            started = time.monotonic()
            pipeline.execute(READ)
            assert time.monotonic() - started < 4  # not the 8 s of a migration waiting without bound
        migrator.join(10)
        assert failed and not applied(db_url, PROBE)


def _migration_waits(url: str) -> bool:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'futurewatch migration%'"
                            " AND wait_event_type = 'Lock'").fetchone()[0] > 0


def _end_once_migration_waits(url: str, conn, after: float) -> None:
    """Roll back `conn` `after` seconds after a migration session is seen waiting for a lock."""
    if wait_until(lambda: _migration_waits(url), timeout=10, step=0.02):
        time.sleep(after)
    conn.rollback()


def test_a_reader_ending_during_the_retries_lets_the_migration_through(db_url, tmp_path, monkeypatch, caplog):
    only_migration(tmp_path, monkeypatch, f"{PROBE}.sql", PROBE_SQL)
    caplog.set_level(logging.WARNING, logger="futurewatch.core.migrate")
    with reader(db_url) as analyst:
        pid = analyst.info.backend_pid
        # the first try waits 0.2 s and gives up; the reader ends 0.5 s after that wait is seen
        ends = threading.Thread(target=_end_once_migration_waits, args=(db_url, analyst, 0.5))
        ends.start()
        assert apply_migrations(db_url, LockWait(timeout=0.2, retries=6)) == [PROBE]
        ends.join()
    assert column_exists(db_url, "raw_fetches", "probe") and applied(db_url, PROBE)
    retries = [r.getMessage() for r in caplog.records if "trying again" in r.getMessage()]
    assert retries and all(f"blocked by pid {pid}" in r for r in retries), retries


def test_without_a_connection_for_the_watch_the_migration_goes_on(db_url, pg_admin_url, tmp_path, monkeypatch,
                                                                 caplog):
    """The watch's connection refused by the server (here: its role at its connection limit, as when
    max_connections is reached): one warning line, and the migration goes on without naming blockers.
    With nothing pending no watch is started."""
    only_migration(tmp_path, monkeypatch, f"{PROBE}.sql", PROBE_SQL)
    role = f"fw_full_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD 'pw' CONNECTION LIMIT 0").format(sql.Identifier(role)))
    full, tried = make_conninfo(db_url, user=role, password="pw"), []
    monkeypatch.setattr(lockwait, "connect", lambda url, **kw: tried.append(url) or db_connect(full, **kw))
    caplog.set_level(logging.WARNING, logger="futurewatch.core.lockwait")
    try:
        assert apply_migrations(db_url, SHORT) == [PROBE]
        assert apply_migrations(db_url, SHORT) == [] and len(tried) == 1
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
    warnings = [r.getMessage() for r in caplog.records if r.name == "futurewatch.core.lockwait"]
    assert len(warnings) == 1 and "\n" not in warnings[0], warnings
    assert warnings[0].startswith("migrations: cannot connect to watch who blocks the migration (connection failed")
    assert f'too many connections for role "{role}"' in warnings[0] and warnings[0].endswith("going on without it")
    assert column_exists(db_url, "raw_fetches", "probe") and applied(db_url, PROBE)


def test_long_statements_are_not_cut(db_url, tmp_path, monkeypatch):
    """Only lock waits are bounded: a backfill longer than the lock timeout runs to its end."""
    only_migration(tmp_path, monkeypatch, "9991_slow_backfill.sql", "SELECT pg_sleep(0.8);\n")
    assert apply_migrations(db_url, LockWait(timeout=0.2, retries=0)) == ["9991_slow_backfill"]


@pytest.fixture
def archive_before_0430(pg_admin_url):
    yield from database_before(pg_admin_url, "0430")


@pytest.mark.timeout(90)  # two CLI processes and an archive migrated to 0429: ~5 s idle, far more on a loaded machine
def test_db_migrate_behind_an_open_transaction_stops_with_one_line_then_resumes(archive_before_0430, tmp_path):
    """The real `futurewatch db migrate` and the real 0430 (batched, not one transaction): its raw_fetches
    steps and concurrent builds pass an analyst's open transaction on document_versions; its swap there
    gives up; what it finished stays, and the rerun finishes it."""
    url = archive_before_0430
    settings = {"DATABASE_URL": url, "FUTUREWATCH_HOME": str(tmp_path / "home"),
                "FUTUREWATCH_MIGRATION_LOCK_TIMEOUT": "0.3", "FUTUREWATCH_MIGRATION_LOCK_RETRIES": "1"}
    query = "SELECT count(*) FROM document_versions"
    with reader(url, query) as analyst:
        done = cli("db", "migrate", **settings)
        assert done.returncode == 2, done.stdout + done.stderr
        *retried, line = done.stderr.splitlines()   # a log line per retry, then the error
        assert len(retried) == 1 and "trying again in 0.3 s" in retried[0], done.stderr
        assert line.startswith("error: migration 0430_keep_reverted_pages could not get a lock within 0.3 s in 2 "
                               f"tries, blocked by pid {analyst.info.backend_pid} (user ")
        assert "app analyst-psql; idle in a transaction open " in line and f"last query: {query})" in line
        assert "the statements it finished stay, and the next run resumes it" in line
        assert not applied(url, "0430_keep_reverted_pages")
        assert column_exists(url, "raw_fetches", "follows_raw_fetch_id")
        assert constraints(url) == {"raw_fetches_url_sha256_follows_key", "document_versions_document_id_content_hash_key"}
    done = cli("db", "migrate", **settings)
    assert done.returncode == 0, done.stderr
    assert re.search(r"applied \d+ migration\(s\): 0430_keep_reverted_pages\b", done.stdout), done.stdout  # and any later
    assert applied(url, "0430_keep_reverted_pages")
    assert constraints(url) == {"raw_fetches_url_sha256_follows_key", "document_versions_content_after_key"}


SWAPPED = {"raw_fetches_url_sha256_key", "raw_fetches_url_sha256_follows_key",
           "document_versions_document_id_content_hash_key", "document_versions_content_after_key"}


def constraints(url: str) -> set[str]:
    """Which of the unique keys 0430 swaps (old for new) the database has."""
    with psycopg.connect(url) as conn:
        return {r[0] for r in conn.execute("SELECT conname FROM pg_constraint WHERE conname = ANY(%s)",
                                           (list(SWAPPED),)).fetchall()}


def test_a_concurrent_index_build_waits_for_older_queries_past_the_timeout(archive_before_0430):
    """0430's CREATE INDEX CONCURRENTLY waits for a query on another table (its waits block no one)."""
    url = archive_before_0430
    with running_query(url, "SELECT pg_sleep(1.5), (SELECT count(*) FROM subscribers)"):
        assert apply_migrations(url, LockWait(timeout=0.2, retries=0), before="0431") == ["0430_keep_reverted_pages"]
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_index WHERE NOT indisvalid").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                            " WHERE c.relname = 'raw_fetches_follows_raw_fetch_id_idx'").fetchone() == (1,)


def test_retry_pauses_double_up_to_a_minute():
    assert list(retry_delays(LockWait(timeout=5, retries=6))) == [5, 10, 20, 40, 60, 60]
    assert list(retry_delays(LockWait(timeout=90, retries=2))) == [60, 60]
    assert sum(retry_delays(LockWait(timeout=5, retries=30))) == 5 + 10 + 20 + 40 + 26 * 60
    assert list(retry_delays(LockWait(timeout=0.3, retries=0))) == []


def test_each_migration_gets_its_own_tries_and_blockers(db_url, tmp_path, monkeypatch, caplog):
    """The first migration uses a retry or two before its reader ends; the second still gets every
    retry, and its message names only its own blocker."""
    only_migration(tmp_path, monkeypatch, f"{PROBE}.sql", PROBE_SQL)
    (tmp_path / "migrations" / "9991_add_probe_to_documents.sql").write_text(
        "ALTER TABLE documents ADD COLUMN probe int;\n")
    caplog.set_level(logging.WARNING, logger="futurewatch.core.migrate")
    wait = LockWait(timeout=0.3, retries=3)
    retried = lambda migration_id: [r.getMessage() for r in caplog.records   # noqa: E731
                                    if r.getMessage().startswith(f"migrations: {migration_id} ")]
    with reader(db_url) as first, reader(db_url, "SELECT count(*) FROM documents") as second:
        first_pid, second_pid = first.info.backend_pid, second.info.backend_pid
        failed = []
        migrator = threading.Thread(target=lambda: failed.append(pytest.raises(DatabaseError, apply_migrations,
                                                                               db_url, wait)))
        migrator.start()
        assert wait_until(lambda: retried(PROBE), timeout=10, step=0.02)
        first.rollback()   # during the first migration's pause: its second (or third) try gets the lock
        migrator.join(20)
        assert failed, "the second migration was applied behind an open transaction"
        message = str(failed[0].value)
    assert len(retried(PROBE)) in (1, 2) and len(retried("9991_add_probe_to_documents")) == wait.retries, caplog.text
    assert message.startswith("migration 9991_add_probe_to_documents could not get a lock within 0.3 s in 4 tries, "
                              f"blocked by pid {second_pid} (user "), message
    assert f"pid {first_pid} " not in message
    assert applied(db_url, PROBE) and not applied(db_url, "9991_add_probe_to_documents")


PROBE_TRIGGER = ("CREATE FUNCTION probe_fill() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN RETURN NEW; END $f$;\n"
                 "CREATE TRIGGER probe_fill BEFORE INSERT ON raw_fetches FOR EACH ROW\n"
                 "    EXECUTE FUNCTION probe_fill();\n")


def test_a_create_trigger_waits_for_writers_past_the_timeout(db_url, tmp_path, monkeypatch):
    """In a batched file CREATE TRIGGER conflicts with writers only; given up after a DROP TRIGGER (0410's
    layout), the table would go without its trigger until the next migrate: it waits as long as it takes."""
    only_migration(tmp_path, monkeypatch, "9992_add_probe_trigger.sql", "-- transactional: false\n" + PROBE_TRIGGER)
    with reader(db_url), psycopg.connect(db_url, application_name="writer") as writer:
        writer.execute("UPDATE raw_fetches SET url = url WHERE false")   # a writer's lock, its transaction open
        commits = threading.Thread(target=_end_once_migration_waits, args=(db_url, writer, 1.0))
        commits.start()
        assert apply_migrations(db_url, LockWait(timeout=0.2, retries=0)) == ["9992_add_probe_trigger"]
        commits.join()
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_trigger WHERE tgname = 'probe_fill'").fetchone() == (1,)


def test_shipped_trigger_and_concurrent_statements_run_unbounded():
    """yoyo's layout as unbound_statements reads it (one step per statement, its SQL in `_apply`), and
    which shipped statements it exempts: 0410's CREATE TRIGGER, 0430's CONCURRENTLY builds."""
    migrations = read_migrations(str(MIGRATIONS_DIR))
    for migration in migrations:
        migration.load()
    steps = {(m.id, i): w.step for m in migrations for i, w in enumerate(m.steps)}
    assert all(isinstance(s, MigrationStep) and isinstance(s._apply, str) for s in steps.values())
    texts = {key: step._apply for key, step in steps.items()}
    unbound_statements(migrations)
    exempt = {key: texts[key] for key, step in steps.items() if not isinstance(step._apply, str)}
    assert all(callable(steps[key]._apply) for key in exempt)
    heads = {(key[0], " ".join(text.split()[:3])) for key, text in exempt.items()}
    assert ("0410_search_key_signature", "CREATE TRIGGER document_versions_search_text_insert") in heads
    assert ("0430_keep_reverted_pages", "CREATE UNIQUE INDEX") in heads
    assert all("CONCURRENTLY" in text.split() or "TRIGGER" in text.split()[:4] for text in exempt.values())
    assert ("0410_search_key_signature", "DROP TRIGGER IF") not in heads   # its lock conflicts with readers


def test_a_create_trigger_in_a_transactional_file_stays_bounded(db_url, tmp_path, monkeypatch):
    """Inside one transaction the file's earlier statements may hold locks readers wait for: the trigger's
    wait is bounded like any other, and the rollback leaves nothing (not even the function)."""
    only_migration(tmp_path, monkeypatch, "9993_add_probe_trigger.sql", PROBE_TRIGGER)
    with psycopg.connect(db_url, application_name="writer") as writer:
        writer.execute("UPDATE raw_fetches SET url = url WHERE false")   # a writer's lock, its transaction open
        started = time.monotonic()
        with pytest.raises(DatabaseError, match="could not get a lock within 0.2 s in 1 try, blocked by pid"):
            apply_migrations(db_url, LockWait(timeout=0.2, retries=0))
        assert time.monotonic() - started < 4
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_proc WHERE proname = 'probe_fill'").fetchone() == (0,)
    assert not applied(db_url, "9993_add_probe_trigger")


def test_an_unbounded_statement_that_fails_reports_its_own_error(db_url, tmp_path, monkeypatch):
    """The wrapper of an unbounded statement adds nothing to a failure: the message is the statement's."""
    only_migration(tmp_path, monkeypatch, "9994_bad_trigger.sql",
                   "-- transactional: false\nCREATE TRIGGER probe_bad BEFORE INSERT ON raw_fetches FOR EACH ROW\n"
                   "    EXECUTE FUNCTION probe_missing();\n")
    with pytest.raises(DatabaseError, match=r"function probe_missing\(\) does not exist"):
        apply_migrations(db_url, LockWait(timeout=0.2, retries=0))
