"""The offline mirror of every source, for tests, the benchmark and `futurewatch run --offline`.

    with serve_mirror() as base_url:           # e.g. "http://127.0.0.1:40123"
        crawl_sources(db_url, mirror=base_url)

`start_mirror(...)` returns the MirrorServer itself (tests use it to change pages, switch a
source's markup and read the request log).
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator

from crawlers.mirror import faults as fault_pages
from crawlers.mirror.captures import CAPTURES_DIR, load_captures
from crawlers.mirror.fixtures import load_fixture_pages
from crawlers.mirror.server import MirrorServer
from crawlers.mirror.site import MirrorSite
from crawlers.mirror.sites import c114, chinanews, gd_gov, govcn, miit, nanfang, takungpao
from futurewatch.sources import load_registry

SITE_MODULES = (c114, nanfang, gd_gov, govcn, miit, chinanews, takungpao)


def build_site(*, faults: bool = False, today: date | None = None, bench_articles: int = 0,
               bench_days: int = 50, captures: Path | None = CAPTURES_DIR) -> MirrorSite:
    """Every source's pages; faults=True adds the fault pages; bench_articles adds C114 filler;
    real captures (scripts/capture_fixtures.py) in `captures` replace reconstructed pages; every
    registry source's stored pages (its `fixtures`, FUTUREWATCH_SOURCES included) fill the rest."""
    site = MirrorSite(today, faults=faults)
    for module in SITE_MODULES:
        module.register(site)
    if captures is not None and captures.is_dir():
        load_captures(site, captures)
    load_fixture_pages(site, load_registry().values())
    if faults:
        fault_pages.register(site)
    if bench_articles:
        c114.add_bench_articles(site, bench_articles, bench_days)
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
