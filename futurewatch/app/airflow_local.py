"""Helpers for the local Airflow scripts (`make airflow`, `make airflow-celery`).

    python -m futurewatch.app.airflow_local port 8080        → 8080, or the next free port when it is taken
    python -m futurewatch.app.airflow_local port 8794 8794 8795 → the same, skipping ports this instance already
                                     gave to a service that has not bound it yet
    python -m futurewatch.app.airflow_local metadata-url     → Airflow's metadata URL: database
                                     FUTUREWATCH_AIRFLOW_DB (default "airflow") next to DATABASE_URL, created once
    python -m futurewatch.app.airflow_local redis-url        → redis://127.0.0.1:6379/0 when a Redis answers
                                     there (FUTUREWATCH_REDIS_PORT), else nothing (the script starts one)

Airflow's metadata connection uses psycopg2 (`postgresql+psycopg2://`): with psycopg 3 the
asset graph (/ui/dependencies) fails on `json #> character varying`. The archive keeps psycopg 3.
`hostname()` is Airflow's [core] hostname_callable for the local Celery workers, so two workers on
one machine show up as two hosts on each task instance.
"""

from __future__ import annotations

import os
import socket
import sys



def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port(preferred: int, promised: frozenset[int] = frozenset()) -> int:
    """preferred if nothing listens on it, else the first free port after it; never one of `promised`."""
    for port in range(preferred, preferred + 200):
        if port not in promised and port_is_free(port):
            return port
    raise SystemExit(f"no free port in {preferred}–{preferred + 199}")


def metadata_url(archive_url: str, name: str) -> str:
    """Create database `name` on the archive's server if needed; its SQLAlchemy URL (psycopg2)."""
    import psycopg
    import psycopg.sql

    from futurewatch.core.db import with_database

    with psycopg.connect(archive_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)))
    return with_database(archive_url, name).replace("postgresql://", "postgresql+psycopg2://", 1)


def redis_answers(host: str = "127.0.0.1", port: int = 6379) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def hostname() -> str:
    """The worker's name when FUTUREWATCH_WORKER_NAME is set (local Celery workers), else the FQDN."""
    return os.environ.get("FUTUREWATCH_WORKER_NAME") or socket.getfqdn()


def main(argv: list[str]) -> None:
    command = argv[0] if argv else ""
    if command == "port":
        print(free_port(int(argv[1]), frozenset(int(p) for p in argv[2:])))
    elif command == "metadata-url":
        print(metadata_url(os.environ["DATABASE_URL"], os.environ.get("FUTUREWATCH_AIRFLOW_DB") or "airflow"))
    elif command == "redis-url":
        port = int(os.environ.get("FUTUREWATCH_REDIS_PORT") or 6379)
        if redis_answers(port=port):
            print(f"redis://127.0.0.1:{port}/0")
    else:
        raise SystemExit("usage: python -m futurewatch.app.airflow_local port N [PROMISED…] | metadata-url | redis-url")


if __name__ == "__main__":
    main(sys.argv[1:])
