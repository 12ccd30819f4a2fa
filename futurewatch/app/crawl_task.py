"""The crawl_sources DAG's mapped task: one source, retried inside the task, logged for ops.

    run_crawl_task(url, source_id, *, run_key, interval_start, offline, since=None) -> dict

Retries happen here, not in Airflow: an Airflow retry would clear the task's map label (the
source id) in the UI and hold the DAG run open for the whole backoff. FUTUREWATCH_CRAWL_ATTEMPTS
(default 3) attempts, FUTUREWATCH_CRAWL_RETRY_SECONDS (default 60) apart, doubling. Every attempt
logs each failing URL with its reason (HTTP status, timeout …) to the task log.

`since` (a backfill bound) is the run's data-interval start when that day lies before the
source's normal lookback window, so rerunning a past day reads that day's archives (daily
archives; list pages are followed back up to backfill_max_pages); a current run crawls as usual.
"""

from __future__ import annotations

import logging
import time
from datetime import date, datetime, timedelta
from typing import Callable
from zoneinfo import ZoneInfo

from futurewatch.core.config import ConfigError, Settings

log = logging.getLogger(__name__)
TZ = ZoneInfo("Asia/Shanghai")
FAILURES_LOGGED = 50
RAW_RANGE = """
SELECT count(*) AS pages, min(raw_fetch_id) AS first_id, max(raw_fetch_id) AS last_id
FROM raw_fetches WHERE crawl_run_id = %(crawl_run_id)s
"""


def _setting_int(settings: Settings, name: str, default: int) -> int:
    raw = settings.extra.get(name, "")
    if raw and not raw.isdigit():
        raise ConfigError(f"{name} must be a whole number, got {raw!r}")
    return int(raw) if raw else default


def crawl_since(lookback_days: int, interval_start: datetime | None, *, today: date | None = None) -> date | None:
    """The day to crawl back to, or None when the run's interval is within the normal lookback."""
    if interval_start is None:
        return None
    day = interval_start.astimezone(TZ).date()
    today = today or datetime.now(TZ).date()
    return day if day < today - timedelta(days=max(lookback_days, 1) - 1) else None


def log_failures(summary) -> None:
    """One task-log line per failing URL: what ops read first when a crawl goes red."""
    details = summary.details or {}
    for failure in (details.get("failures") or [])[:FAILURES_LOGGED]:
        log.warning("source_id=%s %s failed (%s): %s", summary.source_id, failure.get("kind"),
                    failure.get("reason"), failure.get("url"))
    if summary.failed > FAILURES_LOGGED:
        log.warning("source_id=%s … and %d more failure(s) in crawl_runs.details", summary.source_id,
                    summary.failed - FAILURES_LOGGED)
    log.info("source_id=%s crawl %s: listed=%s new=%s changed=%s failed=%s blocked=%s requests=%s%s",
             summary.source_id, summary.status, summary.listed, summary.new, summary.changed, summary.failed,
             summary.blocked, summary.requests, f" error: {summary.error}" if summary.error else "")


def failure_message(summary) -> str:
    urls = [f"{f.get('url')} ({f.get('reason')})" for f in (summary.details or {}).get("failures") or []][:5]
    more = f" … +{summary.failed - len(urls)} more" if summary.failed > len(urls) else ""
    return (f"source_id={summary.source_id}: crawl {summary.status}: {summary.error or 'no detail'}"
            + (f"; failing: {', '.join(urls)}{more}" if urls else ""))


def crawl_attempts(crawl_once: Callable[[], object], source_id: str, *, attempts: int, delay_s: float,
                   sleep: Callable[[float], None] = time.sleep):
    """Call crawl_once until it does not fail (cycle.crawl_failed) or attempts run out; the last summary."""
    from futurewatch.app.cycle import build_source_result, crawl_failed

    for attempt in range(1, attempts + 1):
        summary = crawl_once()
        log_failures(summary)
        if not crawl_failed(build_source_result(summary)):
            return summary
        if attempt < attempts:
            wait = delay_s * 2 ** (attempt - 1)
            log.warning("source_id=%s attempt %d/%d %s; retrying in %.0f s", source_id, attempt, attempts,
                        summary.status, wait)
            sleep(wait)
    return summary


def describe_crawl(db_url: str, summary, since: date | None) -> dict:
    """The task's XCom value and the extra of its raw_fetches asset event."""
    from futurewatch.core.db import connect

    with connect(db_url) as conn:
        pages = conn.execute(RAW_RANGE, {"crawl_run_id": summary.crawl_run_id}).fetchone()
    return {"source_id": summary.source_id, "status": summary.status, "crawl_run_id": summary.crawl_run_id,
            "new": summary.new, "changed": summary.changed, "failed": summary.failed,
            "pages": pages["pages"], "first_raw_fetch_id": pages["first_id"], "last_raw_fetch_id": pages["last_id"],
            "since": since.isoformat() if since else None}


def run_crawl_task(db_url: str, source_id: str, *, settings: Settings, run_key: str, interval_start: datetime | None,
                   offline: bool, since: str | None = None) -> dict:
    """Crawl one source with in-task retries; raise SourceCrawlError (with failing URLs) if it failed."""
    from crawlers.registry import select_sources
    from crawlers.runner import crawl_sources, to_date
    from futurewatch.app.cycle import SourceCrawlError, build_source_result, crawl_failed, open_mirror

    config = select_sources([source_id])[0]
    try:
        day = to_date(since) if since else crawl_since(config.lookback_days, interval_start)
    except ValueError:
        raise ConfigError(f"run conf 'since' must be a day like 2026-03-09, got {since!r}") from None
    if day:
        log.info("source_id=%s crawling back to %s (the run's data interval)", source_id, day)
    attempts = max(_setting_int(settings, "FUTUREWATCH_CRAWL_ATTEMPTS", 3), 1)
    delay = _setting_int(settings, "FUTUREWATCH_CRAWL_RETRY_SECONDS", 60)
    with open_mirror(offline, settings) as mirror:
        summary = crawl_attempts(lambda: crawl_sources(db_url, [source_id], settings=settings, since=day, mirror=mirror,
                                                       run_key=run_key)[0],
                                 source_id, attempts=attempts, delay_s=delay)
    if crawl_failed(build_source_result(summary)):
        raise SourceCrawlError(failure_message(summary))
    return describe_crawl(db_url, summary, day)

