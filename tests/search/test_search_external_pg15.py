"""On a stock PostgreSQL 15 server (no extensions): every migration applies and search recall holds.

The test starts its own server (initdb + pg_ctl from /usr/lib/postgresql/15/bin) in a temporary
folder on a free loopback port. PostgreSQL refuses to run as root, so under root the server runs
as the unprivileged `pgserver` user (which the pgserver wheel creates) via runuser.
"""

from __future__ import annotations

import os
import pwd
import random
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

from futurewatch.core.migrate import apply_migrations, migration_status
from tests.search.corpus import build_corpus, copy_docs
from tests.search.test_search_recall import contains_ids, like_ids, sample_queries, search_ids

PG15 = Path("/usr/lib/postgresql/15/bin")
RUN_AS = "pgserver"


def server_command(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", RUN_AS, "--", *args]


def skip_reason() -> str | None:
    if not (PG15 / "initdb").exists():
        return f"no PostgreSQL 15 binaries in {PG15}"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(RUN_AS)
        except KeyError:
            return f"running as root and no unprivileged '{RUN_AS}' user to run PostgreSQL as"
        if not shutil.which("runuser"):
            return "running as root and runuser is not available"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def pg15_url():
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    root = Path(tempfile.mkdtemp(prefix="fw-pg15-"))
    data, port = root / "data", free_port()
    if os.geteuid() == 0:
        shutil.chown(root, RUN_AS, RUN_AS)
    run = lambda args: subprocess.run(server_command(args), check=True, capture_output=True, timeout=120)  # noqa: E731
    run([str(PG15 / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"])
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=32MB"
    run([str(PG15 / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"])
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        run([str(PG15 / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.timeout(180)
def test_migrations_and_search_recall_on_stock_pg15(pg15_url):
    with psycopg.connect(pg15_url, autocommit=True) as conn:
        assert conn.execute("SHOW server_version_num").fetchone()[0].startswith("15")
        assert conn.execute("SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql'").fetchone()[0] == 0
        conn.execute("CREATE DATABASE fw_external")
    url = pg15_url.rsplit("/", 1)[0] + "/fw_external"
    apply_migrations(url)
    assert all(status.applied for status in migration_status(url))
    docs = build_corpus(800, seed=23, target_chars=400)
    with psycopg.connect(url) as conn:
        copy_docs(conn, docs)
        conn.commit()
        for query, source_id in sample_queries(docs, 25, random.Random(9)):
            expected = like_ids(conn, query)
            assert source_id in expected
            assert contains_ids(conn, query) == expected == search_ids(conn, query), query
        conn.execute("SET ROLE futurewatch_reader")
        assert conn.execute("SELECT count(*) FROM fw_search('廣東 製造', 5)").fetchone()[0] > 0
