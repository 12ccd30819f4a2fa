"""The crawl stage entry point: each source crawled in its own subprocess, one after another.

    crawl_sources(db_url, source_ids=None, *, settings, since=None, mirror=None, run_key=None,
                  on_progress=None, now=None) -> list[CrawlSummary]

A fresh process per source keeps Scrapy's Twisted reactor new and isolates failures: one
source crashing, hanging (killed after its max_runtime_minutes) or unreachable never stops the
others. The run row (crawl_runs, unique per source and run_key) is created here and closed by
the crawl process; if that process dies, it is closed here as 'failed' with the reason.
A crawl process dies with this one (PR_SET_PDEATHSIG); a row whose runner died is marked
'abandoned' by the next crawl (crawlers.stale_runs).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable

from crawlers import store
from crawlers.crawl_one import PARENT_ENV
from crawlers.extensions import PROGRESS_PREFIX
from crawlers.registry import SourceConfig, select_sources
from crawlers.stale_runs import abandon_stale_runs, set_owner
from futurewatch.core.config import Settings
from futurewatch.core.db import connect
from futurewatch.core.private import make_private_dir

log = logging.getLogger(__name__)
PROJECT_ROOT = Path(__file__).resolve().parent.parent
ProgressFn = Callable[[str, dict], None]


@dataclass
class CrawlSummary:
    source_id: str
    crawl_run_id: int
    run_key: str
    status: str  # succeeded | partial | failed | unreachable
    listed: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    blocked: int = 0
    requests: int = 0
    duration_ms: int | None = None
    error: str | None = None
    details: dict = field(default_factory=dict)


def to_date(since: date | datetime | str | None) -> date | None:
    if since is None or isinstance(since, date) and not isinstance(since, datetime):
        return since
    if isinstance(since, datetime):
        return since.date()
    return date.fromisoformat(str(since)[:10])


def build_command(source_id: str, crawl_run_id: int, since: date | None, mirror: str | None,
                  now: datetime | None = None) -> list[str]:
    cmd = [sys.executable, "-m", "crawlers.crawl_one", source_id, "--crawl-run-id", str(crawl_run_id)]
    if since:
        cmd += ["--since", since.isoformat()]
    if mirror:
        cmd += ["--mirror", mirror]
    if now:
        cmd += ["--now", now.isoformat()]
    return cmd


def log_path(settings: Settings, source_id: str, run_key: str) -> Path:
    folder = settings.home / "logs" / "crawl"
    make_private_dir(folder)
    safe_key = "".join(c if c.isalnum() or c in "-_." else "_" for c in run_key)[:80]
    return folder / f"{source_id}-{safe_key}.log"


def run_subprocess(cmd: list[str], env: dict, log_file: Path, timeout_s: float,
                   on_line: Callable[[dict], None]) -> tuple[int | None, str]:
    """Run one crawl process; (exit code or None if killed on timeout, tail of its log)."""
    deadline = time.monotonic() + timeout_s
    with os.fdopen(os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, env=env, cwd=PROJECT_ROOT, text=True)
        for line in proc.stdout:  # progress lines, one per second; EOF when the process ends
            if line.startswith(PROGRESS_PREFIX):
                on_line(json.loads(line[len(PROGRESS_PREFIX):]))
            if time.monotonic() > deadline:
                break
        try:
            code = proc.wait(timeout=max(deadline - time.monotonic(), 1))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            code = None
    tail = deque(log_file.read_text("utf-8", "replace").splitlines(), maxlen=12)
    return code, "\n".join(tail)


def crawl_source(db_url: str, config: SourceConfig, *, settings: Settings, run_key: str, since: date | None,
                 mirror: str | None, on_progress: ProgressFn | None = None,
                 now: datetime | None = None) -> CrawlSummary:
    """Crawl one source in a subprocess and return its closed run."""
    with connect(db_url, autocommit=True) as conn:
        store.upsert_source(conn, config)
        crawl_run_id = store.start_crawl_run(conn, config.source_id, run_key)
        set_owner(conn, crawl_run_id)
    env = dict(os.environ, **{"DATABASE_URL": db_url, "FUTUREWATCH_HOME": str(settings.home),
                              PARENT_ENV: str(os.getpid()), "PYTHONPATH": os.pathsep.join(
        filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))})
    cmd = build_command(config.source_id, crawl_run_id, since, mirror, now)
    report = (lambda counts: on_progress(config.source_id, counts)) if on_progress else (lambda counts: None)
    code, tail = run_subprocess(cmd, env, log_path(settings, config.source_id, run_key),
                                config.max_runtime_minutes * 60, report)
    with connect(db_url, autocommit=True) as conn:
        if code != 0:
            why = "killed after max_runtime_minutes" if code is None else f"crawl process exited with {code}"
            last = tail.splitlines()[-1] if tail else ""
            store.fail_crawl_run(conn, crawl_run_id, "failed", f"{why}: {last}"[:1000])
        row = store.select_crawl_run(conn, crawl_run_id)
    if row["status"] == "running":  # exited 0 without closing the run: never leave it open
        with connect(db_url, autocommit=True) as conn:
            store.fail_crawl_run(conn, crawl_run_id, "failed", "crawl process ended without recording its run")
            row = store.select_crawl_run(conn, crawl_run_id)
    summary = CrawlSummary(**{k: row[k] for k in CrawlSummary.__dataclass_fields__ if k in row})
    log.info("source_id=%s crawl %s: %s", config.source_id, summary.status, summary.error or "ok")
    return summary


def crawl_sources(db_url: str, source_ids: list[str] | None = None, *, settings: Settings,
                  since: date | datetime | str | None = None, mirror: str | None = None, run_key: str | None = None,
                  on_progress: ProgressFn | None = None, now: datetime | None = None) -> list[CrawlSummary]:
    """Crawl the named sources (default: every enabled one); one CrawlSummary per source.

    since bounds a backfill (daily archives from that day, list pages until older items);
    mirror is the offline mirror's base URL; run_key names the run (default: a new uuid);
    now is the crawl's clock (its "today" for daily archives; default: the wall clock).
    Unknown source ids raise crawlers.registry.RegistryError before anything runs.
    """
    sources = select_sources(list(source_ids) if source_ids else None)
    with connect(db_url, autocommit=True) as conn:
        abandon_stale_runs(conn)
    run_key = run_key or f"cli-{uuid.uuid4().hex[:12]}"
    day = to_date(since)
    return [crawl_source(db_url, config, settings=settings, run_key=run_key, since=day, mirror=mirror,
                         on_progress=on_progress, now=now)
            for config in sources]
