"""Extensions: the run recorder (crawl_runs row at close) and the progress reporter (stdout lines
the runner turns into a progress display)."""

from __future__ import annotations

import json
import sys
import time

from scrapy import signals
from twisted.internet import task

from crawlers import store
from futurewatch.core.db import connect

PROGRESS_PREFIX = "FWPROGRESS "


def decide_status(run, close_reason: str, spider_errors: int) -> tuple[str, str | None]:
    """(status, error) of a finished source crawl."""
    if run.responses == 0 and run.connect_failures > 0:
        reasons = sorted({f["reason"].split(":")[0] for f in run.failures})
        return "unreachable", f"no response from the source ({', '.join(reasons)})"
    if close_reason != "finished":
        return "failed", f"crawl stopped: {close_reason}"
    if run.listings_all_failed:
        reasons = sorted({f["reason"].split(":")[0] for f in run.failures if f["kind"] == "listing"})
        return "failed", f"all {run.listing_failures} listing page(s) failed ({', '.join(reasons)})"
    problems = []
    if run.failed:
        problems.append(f"{run.failed} failed")
    if run.blocked:
        problems.append(f"{run.blocked} blocked")
    if spider_errors:
        problems.append(f"{spider_errors} spider error(s)")
    if run.shape_changed:
        problems.append(f"no items on any of {run.listings} listing page(s): markup changed?")
    return ("partial", "; ".join(problems)) if problems else ("succeeded", None)


class RunRecorder:
    def __init__(self, crawler):
        self.crawler = crawler
        self.crawl_run_id = crawler.settings.getint("FW_CRAWL_RUN_ID") or None
        self.db_url = crawler.settings.get("FW_DB_URL")
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider, reason):
        if self.crawl_run_id is None:
            return
        stats = self.crawler.stats
        run = spider.run
        errors = sum(v for k, v in stats.get_stats().items() if k.startswith("spider_exceptions/") and
                     isinstance(v, int))
        status, error = decide_status(run, reason, errors)
        details = run.details() | {"close_reason": reason, "spider_errors": errors}
        with connect(self.db_url, autocommit=True) as conn:
            store.finish_crawl_run(conn, self.crawl_run_id, run.counts(stats.get_value("downloader/request_count", 0)),
                                   status=status, error=error, details=details,
                                   duration_ms=int((time.monotonic() - self.started) * 1000))


class ProgressReporter:
    """Prints one JSON line of running counts per second (and at close) for the runner."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.loop = task.LoopingCall(self.report)

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        self.loop.start(1.0, now=False)

    def spider_closed(self, spider, reason):
        if self.loop.running:
            self.loop.stop()
        self.report()

    def report(self):
        spider = self.crawler.spider
        if spider is None or not hasattr(spider, "run"):
            return
        counts = spider.run.counts(self.crawler.stats.get_value("downloader/request_count", 0))
        sys.stdout.write(PROGRESS_PREFIX + json.dumps({"source_id": spider.source_id, **counts}) + "\n")
        sys.stdout.flush()
