"""The embedded server's memory and WAL settings (futurewatch/core/embedded.py), on real servers
started the way users start them (`futurewatch db url` in a fresh process)."""

from __future__ import annotations

import psycopg

from futurewatch.core.embedded import MB, WAL_SETTINGS, machine_memory, server_settings
from tests.chaos.helpers import cli, wait_until

GB = 1024 * MB
SETTINGS = ("shared_buffers", "wal_buffers", "max_wal_size", "checkpoint_timeout")


def test_shared_buffers_is_a_quarter_of_memory_within_bounds():
    assert server_settings(2 * GB)["shared_buffers"] == "512MB"
    assert server_settings(256 * MB)["shared_buffers"] == "128MB"  # never below PostgreSQL's default
    assert server_settings(64 * GB)["shared_buffers"] == "4096MB"
    assert server_settings(6 * GB) == {"shared_buffers": "1536MB", **WAL_SETTINGS}


def running(url: str) -> tuple[dict[str, str], object]:
    """The settings in SETTINGS as the server runs them (in bytes or seconds), and its start time."""
    with psycopg.connect(url, autocommit=True) as conn:
        values = {name: conn.execute("SELECT setting::bigint * CASE unit WHEN '8kB' THEN 8192 WHEN 'MB' THEN 1048576"
                                     " WHEN 's' THEN 1 END FROM pg_settings WHERE name = %s", [name]).fetchone()[0]
                  for name in SETTINGS}
        return values, conn.execute("SELECT pg_postmaster_start_time()").fetchone()[0]


def test_a_new_server_runs_with_them_and_an_old_one_is_restarted_once(own_home):
    env = {"FUTUREWATCH_HOME": str(own_home), "DATABASE_URL": ""}
    url = cli("db", "url", **env).stdout.strip()
    values, started = running(url)
    assert values == {"shared_buffers": min(max(machine_memory() // 4, 128 * MB), 4 * GB),
                      "wal_buffers": 64 * MB, "max_wal_size": 4 * GB, "checkpoint_timeout": 15 * 60}
    with psycopg.connect(url, autocommit=True) as conn:  # a server set up before these settings
        conn.execute("ALTER SYSTEM RESET ALL")
    assert cli("db", "stop", **env).returncode == 0
    url = cli("db", "url", **env).stdout.strip()  # starts it at the defaults, writes ours, restarts
    again, restarted = running(url)
    assert again == values and restarted > started
    url = cli("db", "url", **env).stdout.strip()
    assert running(url) == (values, restarted)  # nothing left to change: no restart


def test_an_operators_own_value_is_kept(own_home):
    env = {"FUTUREWATCH_HOME": str(own_home), "DATABASE_URL": ""}
    url = cli("db", "url", **env).stdout.strip()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET wal_buffers = '8MB'")
    assert cli("db", "stop", **env).returncode == 0
    url = cli("db", "url", **env).stdout.strip()
    values, started = running(url)
    assert values["wal_buffers"] == 8 * MB and values["max_wal_size"] == 4 * GB
    with psycopg.connect(url, autocommit=True) as conn:  # a change of the operator's own, for a restart of theirs
        conn.execute("ALTER SYSTEM SET max_connections = 50")
        conn.execute("SELECT pg_reload_conf()")
    assert wait_until(lambda: pending_restart(url, "max_connections"), timeout=10)
    assert running(cli("db", "url", **env).stdout.strip()) == (values, started)  # not restarted for it


def pending_restart(url: str, name: str) -> bool:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT pending_restart FROM pg_settings WHERE name = %s", [name]).fetchone()[0]
