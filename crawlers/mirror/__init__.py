"""The offline mirror of every source, for tests, the benchmark and `futurewatch run --offline`.

    with serve_mirror() as base_url:           # e.g. "http://127.0.0.1:40123"
        crawl_sources(db_url, settings=settings, mirror=base_url)

It serves stored pages only (crawlers/mirror/stored.py): each registry source's fixtures folder
(tests/fixtures/<source>/mirror/ holds the listings, APIs, articles and attachments of the seven
built-in sources; see tests/fixtures/README.md), and real captures from
scripts/capture_fixtures.py in crawlers/mirror/captures/<source>/, which replace stored pages at
their URLs. Pages of the site move with today (crawlers/mirror/dates.py), so a demo always finds
today's news.

faults=True adds each source's mirror/faults/ pages. For C114 (listed on its roll page for today):

    a9000404  404            a9000500  500 (retried, then failed)   a9000408  never answers in time
    a9000310  redirect loop  a9000206  truncated body               a9000413  oversized (> DOWNLOAD_MAXSIZE)
    a9000403  WAF page 安全验证 (200)   a9000200  empty JavaScript shell   a9000307  redirect to 169.254.169.254
    a9000301  redirect off the allowed domains            /private/a9000999  disallowed by robots.txt

and for gd_gov, on the gdii gkmlpt policy, an oversized attachment (big.zip) and a missing one.

`start_mirror(...)` returns the MirrorServer itself (tests use it to edit pages, drop routes and
read the request log).
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator

from crawlers.mirror.server import MirrorServer
from crawlers.mirror.site import MirrorSite
from crawlers.mirror.stored import load_captures, load_sources
from futurewatch.core.sources import load_registry

CAPTURES_DIR = Path(__file__).with_name("captures")


def build_site(*, faults: bool = False, today: date | None = None, bench_articles: int = 0,
               bench_days: int = 50, captures: Path | None = CAPTURES_DIR) -> MirrorSite:
    """Every registry source's stored pages (FUTUREWATCH_SOURCES included); faults=True adds the
    fault pages; real captures in `captures` replace stored pages; bench_articles adds C114 filler."""
    site = MirrorSite(today, faults=faults)
    registry = load_registry()
    load_sources(site, registry.values())
    if captures is not None and captures.is_dir():
        load_captures(site, captures)
    if bench_articles:
        from crawlers.mirror.bench import add_filler

        add_filler(site, registry["c114"], bench_articles, bench_days)
    return site


def start_mirror(*, faults: bool = False, port: int = 0, timeout_sleep: float = 8.0, **site_options) -> MirrorServer:
    return MirrorServer(build_site(faults=faults, **site_options), port=port, timeout_sleep=timeout_sleep).start()


@contextmanager
def serve_mirror(*, faults: bool = False, port: int = 0, **site_options) -> Iterator[str]:
    """Serve the mirror on 127.0.0.1 (a free port by default) and yield its base URL."""
    server = start_mirror(faults=faults, port=port, **site_options)
    try:
        yield server.url
    finally:
        server.stop()
