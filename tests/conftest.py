"""Shared fixtures: a real PostgreSQL for the whole session, a fresh database per test.

The server is the embedded one (pgserver) in a temporary folder, unless
FUTUREWATCH_TEST_DATABASE_URL names a server to use instead (e.g. a stock PostgreSQL 15).
Each test gets its own database cloned from a migrated template, so tests never share rows.

In parallel (`make test` runs pytest-xdist), every worker is its own session: its own embedded
server (or, on an external server, its own template name), its own Airflow home. `--dist loadfile`
keeps the tests of one file on one worker, so a module-scoped fixture is built once.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import psycopg
import pytest

from futurewatch.core.config import load_settings
from futurewatch.core.db import embedded_server, with_database
from futurewatch.core.migrate import apply_migrations

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")  # gw0, gw1 … under pytest-xdist, else ""
TEMPLATE = f"fw_template_{WORKER}" if WORKER else "fw_template"
DAGS_FOLDER = Path(__file__).resolve().parent.parent / "dags"


def airflow_env(home: Path) -> dict[str, str]:
    """Airflow settings for a private AIRFLOW_HOME with a sqlite metadata DB."""
    return {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_FOLDER),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db",
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__LOGGING__LOGGING_LEVEL": "WARNING",
    }


def pytest_configure(config):
    """Airflow reads its configuration once, when first imported, by whichever test imports it
    first: point it at a private home for the whole session, never at ~/airflow."""
    os.environ.update(airflow_env(Path(tempfile.mkdtemp(prefix="fw-test-airflow-"))))


def pytest_unconfigure(config):
    shutil.rmtree(os.environ.get("AIRFLOW_HOME", ""), ignore_errors=True)


@pytest.fixture(scope="session")
def pg_admin_url():
    """URL of a maintenance database on a real server that this session may create databases on."""
    external = os.environ.get("FUTUREWATCH_TEST_DATABASE_URL")
    if external:
        yield external
        return
    home = Path(tempfile.mkdtemp(prefix="fw-test-pg-"))
    server = embedded_server(load_settings({"FUTUREWATCH_HOME": str(home)}), cleanup_mode="delete")
    yield server.get_uri()
    server.cleanup()


@pytest.fixture(scope="session")
def template_url(pg_admin_url):
    """A database migrated to head, used as the template of every test database."""
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
        conn.execute(f'CREATE DATABASE "{TEMPLATE}"')
    url = with_database(pg_admin_url, TEMPLATE)
    apply_migrations(url)
    return url


def fresh_database(pg_admin_url: str):
    """A fresh, migrated database (a copy of the template), dropped when the generator ends."""
    name = f"fw_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
    yield with_database(pg_admin_url, name)
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def db_url(pg_admin_url, template_url):
    """A fresh, migrated database for one test."""
    yield from fresh_database(pg_admin_url)


@pytest.fixture
def fw_env(db_url, tmp_path, monkeypatch):
    """Point futurewatch at the test database and a private FUTUREWATCH_HOME; returns Settings."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("FUTUREWATCH_HOME", str(tmp_path / "home"))
    for var in ("SMTP_HOST", "SMTP_USER", "SMTP_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    return load_settings()
