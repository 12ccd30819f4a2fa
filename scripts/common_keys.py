"""The common keys of migration 0400 (fw_common_keys), derived again: two-Han-character keys held
by at least 40 % of the real texts of at least 300 Han characters the project holds, most
frequent first (ties by key). Normalised as search_text is, so it needs a migrated database.

Run: .venv/bin/python scripts/common_keys.py [DATABASE_URL] [--pages ../shared/real-pages]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import psycopg

from futurewatch.core.config import load_settings
from futurewatch.core.db import resolve_db_url
from futurewatch.core.searchtext import SearchTextFolder, search_keys
from search.common_keys import SHARE, is_han_pair, pair

REPO = Path(__file__).resolve().parents[1]
HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_HAN = 300


def real_texts(pages: Path) -> list[tuple[str, str]]:
    """(title, text): the fixtures' expected versions, the real pages' gold bodies, the seeds."""
    texts = []
    for path in sorted((REPO / "tests" / "fixtures").rglob("*.expected.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts += [(v.get("title") or "", v["text"]) for v in data.values() if isinstance(v, dict) and v.get("text")]
    for path in sorted(pages.rglob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(page, dict) and page.get("body"):
            texts.append(("", page["body"]))
    texts += [("", p.read_text(encoding="utf-8")) for p in sorted((pages.parent / "seeds").glob("*.txt"))]
    distinct = dict.fromkeys(t for t in texts if len(HAN.findall(t[1])) >= MIN_HAN)
    return list(distinct)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("url", nargs="?")
    ap.add_argument("--pages", type=Path, default=REPO.parent / "shared" / "real-pages")
    args = ap.parse_args()
    with psycopg.connect(args.url or resolve_db_url(load_settings())) as conn:
        folder = SearchTextFolder.from_database(conn)
    texts = [folder.search_text(title, text) for title, text in real_texts(args.pages)]
    held = Counter(k for t in texts for k in set(search_keys(t).tolist()))
    common = sorted((k for k, n in held.items() if n >= SHARE * len(texts) and is_han_pair(k)),
                    key=lambda k: (-held[k], k))
    print(f"{len(texts)} texts, {len(common)} keys:")
    print(",".join(pair(k) for k in common))


if __name__ == "__main__":
    main()
