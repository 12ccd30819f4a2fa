"""Database access: one place that finds the server, connects and translates errors.

With DATABASE_URL unset, an embedded PostgreSQL (the `pgserver` wheel) is started in
FUTUREWATCH_HOME/pgdata and left running, so that several processes (the CLI, Airflow
tasks, tests) share one server; pgserver serialises start-up with an inter-process lock.
"""

from __future__ import annotations

import logging
import warnings
from contextlib import contextmanager
from typing import Iterator

import psycopg
from psycopg.rows import dict_row

from futurewatch.core.config import Settings
from futurewatch.core.private import make_private_dir

log = logging.getLogger(__name__)

EMBEDDED_DBNAME = "futurewatch"


class DatabaseError(RuntimeError):
    """A database problem, with a one-line message that says what to do."""


def embedded_server(settings: Settings, cleanup_mode: str | None = None):
    """Start (or join) the embedded server in FUTUREWATCH_HOME/pgdata."""
    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
        warnings.simplefilter("ignore")
        import pgserver  # heavy import, only when the embedded server is wanted

    from futurewatch.core.embedded import LISTEN_ENV, ListenError, parse_listen, secure_server

    make_private_dir(settings.home)
    try:
        listen = parse_listen(settings.extra.get(LISTEN_ENV))
    except ListenError as exc:
        raise DatabaseError(str(exc)) from None
    try:
        server = pgserver.get_server(settings.pgdata, cleanup_mode=cleanup_mode)
        secure_server(server, listen)
        return server
    except Exception as exc:  # pgserver raises plain exceptions from initdb/pg_ctl
        raise DatabaseError(
            f"cannot start the embedded PostgreSQL in {settings.pgdata}: {exc}; "
            "check the folder is writable or set DATABASE_URL"
        ) from exc


def embedded_url(settings: Settings) -> str:
    """Start (or join) the embedded server and return the URL of our database."""
    from futurewatch.core.embedded import admin_uri

    server = embedded_server(settings)
    admin_url = admin_uri(server.get_postmaster_info())
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (EMBEDDED_DBNAME,)
        ).fetchone()
        if not exists:
            try:
                conn.execute(f'CREATE DATABASE "{EMBEDDED_DBNAME}"')  # a constant name, not input
            except psycopg.errors.DuplicateDatabase:
                pass  # another process created it between our check and here: that is the goal

    return admin_uri(server.get_postmaster_info(), EMBEDDED_DBNAME)


def resolve_db_url(settings: Settings) -> str:
    """The database URL: DATABASE_URL when set, else the embedded server's (started if needed)."""
    return settings.db_url or embedded_url(settings)


def describe_url(db_url: str) -> str:
    """The URL without its password, safe for messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(db_url)
    except psycopg.ProgrammingError:
        return "<unparseable DATABASE_URL>"
    host = info.get("host", "localhost")
    return f"{info.get('user', '')}@{host}:{info.get('port', 5432)}/{info.get('dbname', '')}"


def connect(db_url: str, *, autocommit: bool = False) -> psycopg.Connection:
    """Open a connection; failures become a one-line DatabaseError."""
    try:
        return psycopg.connect(db_url, autocommit=autocommit, row_factory=dict_row, connect_timeout=10)
    except psycopg.ProgrammingError as exc:
        raise DatabaseError(f"DATABASE_URL is malformed ({exc}); expected postgresql://user:pass@host:5432/db") from exc
    except psycopg.OperationalError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise DatabaseError(
            f"cannot connect to PostgreSQL at {describe_url(db_url)}: {reason}; "
            "is the server running, or unset DATABASE_URL to use the embedded one"
        ) from exc


@contextmanager
def transaction(db_url: str) -> Iterator[psycopg.Connection]:
    """A connection inside one transaction: committed on success, rolled back on error."""
    with connect(db_url) as conn:
        with conn.transaction():
            yield conn


def with_database(db_url: str, dbname: str) -> str:
    """The same server URL pointing at another database (URI form, as yoyo wants)."""
    from urllib.parse import quote, urlencode

    info = psycopg.conninfo.conninfo_to_dict(db_url)
    user = quote(info.pop("user", "") or "", safe="")
    password = quote(info.pop("password", "") or "", safe="")
    host = info.pop("host", "") or ""
    port = info.pop("port", None)
    info.pop("dbname", None)
    netloc = ""
    if user:
        netloc = user + (f":{password}" if password else "") + "@"
    if host and not host.startswith("/"):
        netloc += host + (f":{port}" if port else "")
    else:
        if host:
            info["host"] = host
        if port:
            info["port"] = port
    query = f"?{urlencode(info)}" if info else ""
    return f"postgresql://{netloc}/{quote(dbname)}{query}"
