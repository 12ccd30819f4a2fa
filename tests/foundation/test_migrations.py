import psycopg
import pytest

from futurewatch.core.db import DatabaseError, connect
from futurewatch.core.migrate import apply_migrations, migration_status


def test_migrations_are_all_applied_and_idempotent(db_url):
    assert all(s.applied for s in migration_status(db_url))
    assert apply_migrations(db_url) == []


def test_core_tables_exist(db_url):
    expected = {
        "sources", "crawl_runs", "seen_urls", "raw_fetches", "stories", "documents", "document_urls",
        "document_versions", "attachments", "policy_metadata", "taxonomy_versions", "categories",
        "category_terms", "classifications", "entities", "entity_aliases", "entity_mentions",
        "term_candidates", "subscribers", "alert_rules", "alert_events", "digests", "deliveries",
    }
    with connect(db_url) as conn:
        rows = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    assert expected <= {r["table_name"] for r in rows}


def test_unreachable_server_is_one_line_error():
    with pytest.raises(DatabaseError) as info:
        connect("postgresql://nobody:pw@127.0.0.1:1/none")
    message = str(info.value)
    assert "\n" not in message and "127.0.0.1:1" in message and "pw" not in message


def only_migration(tmp_path, monkeypatch, name: str, sql: str) -> None:
    """The migrations runner reads a folder holding this one migration."""
    import futurewatch.core.migrate as migrate

    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / name).write_text(sql)
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)


def test_failing_migration_leaves_nothing_half_applied(db_url, tmp_path, monkeypatch):
    only_migration(tmp_path, monkeypatch, "9999_break_things.sql",
                   "CREATE TABLE half_done (id int);\nSELECT no_such_function();\n")
    with pytest.raises(DatabaseError, match="rolled back"):
        apply_migrations(db_url)
    with psycopg.connect(db_url) as conn:
        assert conn.execute("SELECT to_regclass('half_done')").fetchone()[0] is None


def test_failing_batched_migration_says_it_resumes(db_url, tmp_path, monkeypatch):
    only_migration(tmp_path, monkeypatch, "9998_batched.sql",
                   "-- transactional: false\nCREATE TABLE kept_batch (id int);\nSELECT no_such_function();\n")
    with pytest.raises(DatabaseError, match="9998_batched failed: .*resumes where it stopped") as info:
        apply_migrations(db_url)
    assert "\n" not in str(info.value) and "rolled back" not in str(info.value)
    with psycopg.connect(db_url) as conn:   # what it committed before the failure stays
        assert conn.execute("SELECT to_regclass('kept_batch')").fetchone()[0] is not None


def test_malformed_settings_are_one_line_errors():
    import subprocess
    import sys

    for env, expected in (({"SMTP_PORT": "abc"}, "SMTP_PORT must be an integer"),
                          ({"SMTP_SECURITY": "bogus"}, "SMTP_SECURITY must be one of")):
        proc = subprocess.run([sys.executable, "-c", "from futurewatch.app.cli import run_cli; run_cli()", "db", "status"],
                              env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "postgresql://x@127.0.0.1:1/y", **env},
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2
        assert proc.stderr.strip().splitlines() == [f"error: {proc.stderr.strip()[7:]}"]
        assert expected in proc.stderr and "Traceback" not in proc.stderr
