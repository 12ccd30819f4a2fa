"""One source crawl in its own process (a fresh Twisted reactor), started by crawlers.runner.

    DATABASE_URL=… FUTUREWATCH_HOME=… python -m crawlers.crawl_one SOURCE --crawl-run-id N [--since D] [--mirror URL] [--now ISO]

The runner passes its settings' database URL and home in the environment; this process builds
its settings once from them and hands them to Scrapy (FW_SETTINGS, FW_DB_URL). The run row
already exists (the runner created it); the RunRecorder extension closes it with the counts.
Exit code 0 when the crawl ran (whatever it found), 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime

from scrapy.crawler import CrawlerProcess

from crawlers import store
from crawlers.registry import RegistryError, load_registry, load_spider_class
from crawlers.settings import build_settings
from futurewatch.core.config import ConfigError, Settings, load_settings
from futurewatch.core.db import connect
from futurewatch.core.lifeline import die_with_parent
from futurewatch.core.private import use_private_umask

PARENT_ENV = "FW_CRAWL_PARENT_PID"  # set by the runner: this process dies with it


def aware_datetime(text: str) -> datetime:
    """An ISO time with its UTC offset (a bare time would be read in the machine's zone)."""
    when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        raise ValueError("needs a UTC offset")
    return when


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="crawlers.crawl_one")
    parser.add_argument("source_id")
    parser.add_argument("--crawl-run-id", type=int, required=True)
    parser.add_argument("--since", type=date.fromisoformat, default=None)
    parser.add_argument("--mirror", default=None)
    parser.add_argument("--now", type=aware_datetime, default=None)  # the crawl's clock (default: the wall clock)
    parser.add_argument("--log-level", default="INFO")
    return parser.parse_args(argv)


def run_crawl(settings: Settings, source_id: str, crawl_run_id: int, *, since: date | None, mirror: str | None,
              now: datetime | None = None, log_level: str = "INFO") -> None:
    config = load_registry()[source_id]
    scrapy_settings = build_settings(config, mirror=mirror) | {
        "FW_SETTINGS": settings, "FW_DB_URL": settings.db_url, "FW_CRAWL_RUN_ID": crawl_run_id, "LOG_LEVEL": log_level}
    with connect(settings.db_url) as conn:
        seen = store.select_seen(conn, source_id)
    process = CrawlerProcess(scrapy_settings)
    process.crawl(load_spider_class(source_id), config=config, since=since, seen=seen, now=now)
    process.start()


def main(argv: list[str] | None = None) -> int:
    parent = os.environ.get(PARENT_ENV, "")
    if parent.isdigit():
        die_with_parent(int(parent))
    use_private_umask()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not settings.db_url:
        print("error: DATABASE_URL is not set (the runner passes it)", file=sys.stderr)
        return 2
    try:
        run_crawl(settings, args.source_id, args.crawl_run_id, since=args.since, mirror=args.mirror, now=args.now,
                  log_level=args.log_level)
    except (RegistryError, KeyError) as exc:
        print(f"error: source {args.source_id!r}: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
