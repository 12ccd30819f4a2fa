"""Write the expected parser output of stored fixture pages (tests/fixtures/<source>/{constructed,real}/).

The stored page is the only copy of its markup: edit the .html.gz itself, then run
    .venv/bin/python -m tests.parsers.write_expected [STEM …]
to store today's parser output under the parser version its crawl date selects, and review the
diff by hand before committing. Without STEM, every page that already has an .expected.json.
"""

from __future__ import annotations

import gzip
import json
import sys
from datetime import datetime
from pathlib import Path

from parsers.api import parse_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def stored_pages(stems: set[str]) -> list[Path]:
    pages = sorted(FIXTURES.glob("*/constructed/*.html.gz")) + sorted(FIXTURES.glob("*/real/*.html.gz"))
    if stems:
        return [p for p in pages if p.name.removesuffix(".html.gz") in stems]
    return [p for p in pages if p.with_name(p.name.replace(".html.gz", ".expected.json")).exists()]


def write_expected(page: Path) -> str:
    """Parse one stored page and upsert its output under the parser version; returns that version."""
    stem = page.name.removesuffix(".html.gz")
    meta = json.loads((page.parent / f"{stem}.meta.json").read_text("utf-8"))
    doc = parse_page(gzip.decompress(page.read_bytes()), meta["url"],
                     fetched_at=datetime.fromisoformat(meta["crawl_date"]))
    version = doc.parser.split(".", 1)[1]
    path = page.parent / f"{stem}.expected.json"
    expected = json.loads(path.read_text("utf-8")) if path.exists() else {}
    expected[version] = doc.to_contract()
    path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return version


def main(argv: list[str]) -> int:
    pages = stored_pages(set(argv))
    for page in pages:
        print(f"{page.relative_to(FIXTURES)}: {write_expected(page)}")
    return 0 if pages else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
