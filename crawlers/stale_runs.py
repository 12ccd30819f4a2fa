"""Crawl runs left 'running' by a process that died: found and marked 'abandoned' by the next crawl.

A run row names its owner (the runner's pid and host). It is stale when that owner, on this
host, is gone (or its pid now belongs to a newer process), or, whatever the host, when it
started more than STALE_AFTER ago: longer than any source may run.
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import timedelta

from futurewatch.core.lifeline import process_alive

log = logging.getLogger(__name__)
STALE_AFTER = timedelta(hours=12)

RUNNING_SQL = """
SELECT crawl_run_id, source_id, owner_pid, owner_host, started_at, started_at < now() - %(age)s AS too_old
FROM crawl_runs WHERE status = 'running'
"""
ABANDON_SQL = """
UPDATE crawl_runs SET status = 'abandoned', finished_at = now(), error = %(why)s,
    duration_ms = (extract(epoch FROM now() - started_at) * 1000)::int
WHERE crawl_run_id = %(id)s AND status = 'running'
"""


def set_owner(conn, crawl_run_id: int) -> None:
    conn.execute("UPDATE crawl_runs SET owner_pid = %(pid)s, owner_host = %(host)s WHERE crawl_run_id = %(id)s",
                 {"pid": os.getpid(), "host": socket.gethostname(), "id": crawl_run_id})


def stale_reason(row: dict, host: str) -> str | None:
    if row["too_old"]:
        return f"still 'running' after {STALE_AFTER}; its process is presumed dead"
    if row["owner_host"] == host and not process_alive(row["owner_pid"], row["started_at"].timestamp()):
        return f"its process (pid {row['owner_pid']} on {host}) is gone"
    return None


def abandon_stale_runs(conn) -> list[int]:
    """Mark every stale 'running' row 'abandoned' with the reason; the ids marked."""
    host, marked = socket.gethostname(), []
    for row in conn.execute(RUNNING_SQL, {"age": STALE_AFTER}).fetchall():
        why = stale_reason(row, host)
        if why and conn.execute(ABANDON_SQL, {"id": row["crawl_run_id"], "why": f"abandoned: {why}"}).rowcount:
            log.warning("source_id=%s crawl_run_id=%s marked abandoned: %s", row["source_id"], row["crawl_run_id"], why)
            marked.append(row["crawl_run_id"])
    return marked
