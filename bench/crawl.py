"""Crawl benchmark: the real c114 spider over a generated 5,000-article mirror, twice.

    python -m bench.crawl [--pages 5000] [--days 50]

Run 1 backfills every day of the mirror's archive (pages/s, CPU ms per page of the crawl
process, and of the mirror serving it); run 2 goes over the unchanged mirror and must fetch no
article. Both runs' request counts are reported, side by side, with their ratio. Uses an
embedded PostgreSQL in a temporary folder (removed at the end); nothing touches the network beyond
127.0.0.1. Ends with `RESULT pages=… pages_s=… crawl_cpu_ms_page=… rerun_request_ratio=…
rerun_article_refetches=…`.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from datetime import timedelta

from bench.machine import machine


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def timed_crawl(db_url: str, settings, mirror, since) -> dict:
    from crawlers.runner import crawl_sources

    hits_before = len(mirror.hits)
    child, own, start = cpu_seconds(resource.RUSAGE_CHILDREN), cpu_seconds(resource.RUSAGE_SELF), time.perf_counter()
    [summary] = crawl_sources(db_url, ["c114"], since=since, mirror=mirror.url, settings=settings)
    wall = time.perf_counter() - start
    hits = mirror.hits[hits_before:]
    articles = [h for h in hits if "roll.asp" not in h[1] and "robots" not in h[1]]
    return {"summary": summary, "wall": wall, "crawl_cpu": cpu_seconds(resource.RUSAGE_CHILDREN) - child,
            "mirror_cpu": cpu_seconds(resource.RUSAGE_SELF) - own, "article_requests": len(articles)}


def render(first: dict, second: dict, pages: int) -> str:
    s1, s2 = first["summary"], second["summary"]
    fetched = s1.new + s1.changed
    lines = [f"machine: {machine()}", "",
             "| run | requests | article requests | new | unchanged | wall s | pages/s | crawl CPU ms/page "
             "| mirror CPU ms/page | crawl CPU s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, run, s in (("1 (backfill)", first, s1), ("2 (unchanged)", second, s2)):
        pages_done = s.new + s.changed  # pages actually fetched and stored
        per = (lambda v: f"{1000 * v / pages_done:.2f}") if pages_done else (lambda v: "—")
        rate = f"{pages_done / run['wall']:.0f}" if pages_done else "—"
        lines.append(f"| {name} | {s.requests} | {run['article_requests']} | {s.new} | {s.unchanged} | {run['wall']:.1f} "
                     f"| {rate} | {per(run['crawl_cpu'])} | {per(run['mirror_cpu'])} | {run['crawl_cpu']:.1f} |")
    lines += ["", f"mirror articles: {pages}; fetched in run 1: {fetched}; run 2 / run 1 requests: "
              f"{s2.requests / max(s1.requests, 1):.3f}; run 2 article refetches: {second['article_requests']}"]
    return "\n".join(lines)


def result_line(first: dict, second: dict) -> str:
    """The machine-readable summary: run 1's rate and CPU per page, run 2's requests against run 1's."""
    s1, s2 = first["summary"], second["summary"]
    pages = max(s1.new + s1.changed, 1)
    return (f"RESULT pages={s1.new + s1.changed} pages_s={pages / first['wall']:.1f}"
            f" crawl_cpu_ms_page={1000 * first['crawl_cpu'] / pages:.2f}"
            f" rerun_request_ratio={s2.requests / max(s1.requests, 1):.3f}"
            f" rerun_article_refetches={second['article_requests']}")


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench.crawl")
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--days", type=int, default=50)
    args = parser.parse_args()
    from bench.load_search_run import scratch_database
    from crawlers.mirror import start_mirror
    from futurewatch.core.config import load_settings
    from futurewatch.core.migrate import apply_migrations

    with scratch_database() as (url, home):
        os.environ["FUTUREWATCH_HOME"] = str(home / "home")
        apply_migrations(url)
        mirror = start_mirror(bench_articles=args.pages, bench_days=args.days)
        try:
            since = mirror.site.today - timedelta(days=args.days - 1)
            settings = load_settings()  # this benchmark's settings, built once
            first = timed_crawl(url, settings, mirror, since)
            second = timed_crawl(url, settings, mirror, since)
        finally:
            mirror.stop()
    print(render(first, second, args.pages))
    print(result_line(first, second))
    ok = second["article_requests"] == 0 and first["summary"].status == "succeeded"
    if not ok:
        print("FAILED: the second run refetched articles or the first run did not succeed")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
