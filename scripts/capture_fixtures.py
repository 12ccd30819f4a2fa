"""Capture real pages of a source as fixtures: the ONLY networked tool. Tests never call it.

    .venv/bin/python scripts/capture_fixtures.py SOURCE [--pages 6] [--out crawlers/mirror/captures]

Runs the source's real spider (same settings: robots.txt, AutoThrottle, browser UA where the
registry says so) with no database, stops after --pages responses, and writes each response
as <out>/<source>/<source>_<YYYY_MM_DD>_<n>.<ext>.gz plus a .meta.json with its URL, final
URL, status, headers, kind (listing | page | attachment) and fetch time. The mirror serves these
captures at their real paths in place of its reconstructed pages (crawlers/mirror/captures.py).
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
        folder = self.out / item.source_id
        folder.mkdir(parents=True, exist_ok=True)
        ext = "json" if "json" in (item.content_type or "") else "bin" if item.kind == "attachment" else "html"
        stem = folder / f"{item.source_id}_{day}_{self.count:02d}"
        Path(f"{stem}.{ext}.gz").write_bytes(gzip.compress(item.body))
        meta = {"url": item.url, "final_url": item.final_url, "status": item.status, "kind": item.kind,
                "fetched_at": item.fetched_at.isoformat(), "headers": item.headers, "file": f"{stem.name}.{ext}.gz",
                "blocked_reason": item.blocked_reason}
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


def main() -> int:
    parser = argparse.ArgumentParser(prog="capture_fixtures", description=__doc__.split("\n\n")[0])
    parser.add_argument("source_id")
    parser.add_argument("--pages", type=int, default=6, help="stop after this many responses")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    from crawlers.registry import load_registry

    if args.source_id not in load_registry():
        print(f"error: unknown source {args.source_id!r}; known: {', '.join(load_registry())}", file=sys.stderr)
        return 2
    print(f"capturing {args.source_id} (network!) into {args.out / args.source_id}")
    capture(args.source_id, args.pages, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
