"""Capture real pages of a source as fixtures: the ONLY networked tool. Tests never call it.

    .venv/bin/python scripts/capture_fixtures.py SOURCE [--pages 6] [--out crawlers/mirror/captures]
    .venv/bin/python scripts/capture_fixtures.py SOURCE --mirror-pages   # into tests/fixtures/SOURCE/mirror/

Runs the source's real spider (same settings: robots.txt, AutoThrottle, browser UA where the
registry says so) with no database, stops after --pages responses, and writes each response as
a stored page (crawlers/mirror/stored.py): <out>/<source>/<source>_<YYYY_MM_DD>_<n>.<ext>.gz plus
a .meta.json with its URL, crawl date, kind (listing | page | attachment), content type, status,
final URL and `moves_with_today`, replacing a page already stored there for the same URL. The
mirror serves captures at their real URLs, moved to the day it serves them, in place of the
stored pages; with --mirror-pages they become the source's committed mirror pages.

With --fixtures, each captured article page also becomes a parser fixture, kept apart from the
constructed ones: tests/fixtures/<source>/real/<source>_<YYYY_MM_DD>_<n>.html.gz, a .meta.json
(URL, crawl date, origin) and an .expected.json keyed by parser version, written from today's
parser for a person to check and correct before committing (fundus style).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_OUT = ROOT / "crawlers" / "mirror" / "captures"


def stored_urls(folder: Path) -> dict[str, Path]:
    """{url: meta path} of the pages already stored in folder."""
    found = {}
    for meta_path in folder.glob("*.meta.json"):
        try:
            found[json.loads(meta_path.read_text("utf-8"))["url"]] = meta_path
        except (OSError, ValueError, KeyError):
            continue
    return found


def forget(meta_path: Path) -> None:
    """Remove a stored page (its meta and body) that a new capture replaces."""
    meta = json.loads(meta_path.read_text("utf-8"))
    (meta_path.parent / meta.get("file", meta_path.name.removesuffix(".meta.json") + ".html.gz")).unlink(missing_ok=True)
    meta_path.unlink()


class CapturePipeline:
    """Writes every fetched response to the capture folder; nothing goes to a database."""

    def __init__(self, out: Path):
        self.out = out
        self.count = 0

    @classmethod
    def from_crawler(cls, crawler):
        return cls(Path(crawler.settings.get("FW_CAPTURE_DIR")))

    def process_item(self, item):
        if item.outcome != "fetched":
            print(f"  skipped {item.url}: {item.outcome} {item.reason or ''}", file=sys.stderr)
            return item
        self.count += 1
        day = item.fetched_at.strftime("%Y_%m_%d")
        folder = self.out
        folder.mkdir(parents=True, exist_ok=True)
        if item.url in (existing := stored_urls(folder)):
            forget(existing[item.url])
        ext = "json" if "json" in (item.content_type or "") else "bin" if item.kind == "attachment" else "html"
        stem = folder / f"{item.source_id}_{day}_{self.count:02d}"
        Path(f"{stem}.{ext}.gz").write_bytes(gzip.compress(item.body, mtime=0))
        meta = {"url": item.url, "crawl_date": item.fetched_at.isoformat(), "kind": item.kind,
                "content_type": item.content_type, "file": f"{stem.name}.{ext}.gz", "moves_with_today": True,
                "status": item.status, "final_url": item.final_url, "blocked_reason": item.blocked_reason,
                "origin": {"kind": "real", "by": "scripts/capture_fixtures.py", "headers": item.headers}}
        Path(f"{stem}.meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"  {item.kind:<10} {item.status} {item.url}")
        return item


def capture(source_id: str, pages: int, out: Path) -> None:
    from scrapy.crawler import CrawlerProcess

    from crawlers.registry import load_registry, load_spider_class
    from crawlers.settings import build_settings

    config = load_registry()[source_id]
    settings = build_settings(config) | {
        "ITEM_PIPELINES": {"crawlers.pipelines.blocked.BlockedPagePipeline": 100,
                           "__main__.CapturePipeline": 200},
        "EXTENSIONS": {"scrapy.extensions.telnet.TelnetConsole": None},
        "CLOSESPIDER_PAGECOUNT": pages, "FW_CAPTURE_DIR": str(out), "LOG_LEVEL": "WARNING"}
    process = CrawlerProcess(settings)
    process.crawl(load_spider_class(source_id), config=config, seen={})
    process.start()


FIXTURES = ROOT / "tests" / "fixtures"


def write_real_fixture(capture_meta: Path, fixtures: Path = FIXTURES) -> Path | None:
    """One captured article page → a real fixture (page, meta with provenance, expected JSON)."""
    from datetime import datetime

    from parsers.api import parse_page

    meta = json.loads(capture_meta.read_text("utf-8"))
    if meta.get("kind") != "page" or meta.get("status") != 200 or not meta["file"].endswith(".html.gz"):
        return None
    body = gzip.decompress((capture_meta.parent / meta["file"]).read_bytes())
    source_id = capture_meta.parent.name if capture_meta.parent.name != "mirror" else capture_meta.parent.parent.name
    crawl_date = meta.get("crawl_date") or meta["fetched_at"]  # fetched_at: captures written before 2026-11-30
    fetched_at = datetime.fromisoformat(crawl_date)
    doc = parse_page(body, meta["final_url"] or meta["url"], source_id=source_id, fetched_at=fetched_at)
    if doc.not_article or doc.is_empty:
        return None
    folder = fixtures / source_id / "real"
    folder.mkdir(parents=True, exist_ok=True)
    stem = meta["file"].removesuffix(".html.gz")
    (folder / f"{stem}.html.gz").write_bytes(gzip.compress(body, mtime=0))
    provenance = {"url": meta["final_url"] or meta["url"], "crawl_date": crawl_date,
                  "origin": {"kind": "real", "by": "scripts/capture_fixtures.py", "requested_url": meta["url"],
                             "status": meta["status"], "checked_by_hand": False}}
    (folder / f"{stem}.meta.json").write_text(json.dumps(provenance, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = {doc.parser.split(".", 1)[1]: doc.to_contract()}
    (folder / f"{stem}.expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return folder / f"{stem}.meta.json"


def main() -> int:
    parser = argparse.ArgumentParser(prog="capture_fixtures", description=__doc__.split("\n\n")[0])
    parser.add_argument("source_id")
    parser.add_argument("--pages", type=int, default=6, help="stop after this many responses")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--mirror-pages", action="store_true",
                        help="write into tests/fixtures/<source>/mirror/: the pages the offline mirror serves for it")
    parser.add_argument("--fixtures", action="store_true",
                        help="also write each article page as a real parser fixture under tests/fixtures/<source>/real/")
    args = parser.parse_args()
    from crawlers.registry import load_registry

    if args.source_id not in load_registry():
        print(f"error: unknown source {args.source_id!r}; known: {', '.join(load_registry())}", file=sys.stderr)
        return 2
    folder = FIXTURES / args.source_id / "mirror" if args.mirror_pages else args.out / args.source_id
    print(f"capturing {args.source_id} (network!) into {folder}")
    capture(args.source_id, args.pages, folder)
    if args.fixtures:
        for capture_meta in sorted(folder.glob(f"{args.source_id}_*.meta.json")):
            if written := write_real_fixture(capture_meta):
                print(f"  fixture {written.relative_to(ROOT)} (check its expected JSON by hand)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
